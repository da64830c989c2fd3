namespace RlGym.Envs.ClassicControl.Tests.CartPole;

/// <summary>
/// The cart-pole equations written out again for the tests, in plain double arithmetic with the published constants
/// (Gymnasium's cartpole.py, after Florian 2007), grouped as Gymnasium groups them. It shares no code with the env.
/// </summary>
internal sealed class CartPoleReference(double x, double xDot, double theta, double thetaDot, bool semiImplicit = false)
{
    public double X = x, XDot = xDot, Theta = theta, ThetaDot = thetaDot;

    public bool Step(int action)
    {
        const double g = 9.8, mc = 1.0, mp = 0.1, halfLength = 0.5, tau = 0.02;
        double m = mp + mc;
        double mpl = mp * halfLength;
        double f = action == 1 ? 10.0 : -10.0;
        double c = Math.Cos(Theta), s = Math.Sin(Theta);

        double temp = (f + mpl * (ThetaDot * ThetaDot) * s) / m;
        double thetaAcc = (g * s - c * temp) / (halfLength * (4.0 / 3.0 - mp * (c * c) / m));
        double xAcc = temp - mpl * thetaAcc * c / m;

        if (semiImplicit)
        {
            XDot += tau * xAcc;
            X += tau * XDot;
            ThetaDot += tau * thetaAcc;
            Theta += tau * ThetaDot;
        }
        else
        {
            X += tau * XDot;
            XDot += tau * xAcc;
            Theta += tau * ThetaDot;
            ThetaDot += tau * thetaAcc;
        }

        double twelveDegrees = 12 * 2 * Math.PI / 360;
        return X < -2.4 || X > 2.4 || Theta < -twelveDegrees || Theta > twelveDegrees;
    }

    public float[] Observation => [(float)X, (float)XDot, (float)Theta, (float)ThetaDot];
}
