namespace RlGym.Envs.ClassicControl.Tests.Acrobot;

/// <summary>
/// The acrobot written again for the tests: the book's equations of motion (Sutton and Barto; Gymnasium's
/// acrobot.py with book_or_nips = "book") and a general fourth-order Runge–Kutta step over an augmented state
/// [θ1, θ2, θ̇1, θ̇2, torque], as Gymnasium's rk4 integrates it. Squares are pow(x, 2), as Python's ** computes them.
/// </summary>
internal static class AcrobotReference
{
    public static double[] Derivatives(double[] y)
    {
        const double m1 = 1, m2 = 1, l1 = 1, lc1 = 0.5, lc2 = 0.5, i1 = 1, i2 = 1, g = 9.8;
        double th1 = y[0], th2 = y[1], dth1 = y[2], dth2 = y[3], a = y[4];
        double d1 = m1 * Math.Pow(lc1, 2) + m2 * (Math.Pow(l1, 2) + Math.Pow(lc2, 2) + 2 * l1 * lc2 * Math.Cos(th2)) + i1 + i2;
        double d2 = m2 * (Math.Pow(lc2, 2) + l1 * lc2 * Math.Cos(th2)) + i2;
        double phi2 = m2 * lc2 * g * Math.Cos(th1 + th2 - Math.PI / 2.0);
        double phi1 = -m2 * l1 * lc2 * Math.Pow(dth2, 2) * Math.Sin(th2)
                      - 2 * m2 * l1 * lc2 * dth2 * dth1 * Math.Sin(th2)
                      + (m1 * lc1 + m2 * l1) * g * Math.Cos(th1 - Math.PI / 2)
                      + phi2;
        double ddth2 = (a + d2 / d1 * phi1 - m2 * l1 * lc2 * Math.Pow(dth1, 2) * Math.Sin(th2) - phi2)
                       / (m2 * Math.Pow(lc2, 2) + i2 - Math.Pow(d2, 2) / d1);
        double ddth1 = -(d2 * ddth2 + phi1) / d1;
        return [dth1, dth2, ddth1, ddth2, 0.0];
    }

    /// <summary>One RK4 step of <paramref name="f"/> from t0 to t1: slopes at the start, twice at the middle, at the end.</summary>
    public static double[] Rk4(Func<double[], double[]> f, double[] y0, double t0, double t1)
    {
        double h = t1 - t0, half = h / 2.0;
        double[] Add(double[] y, double c, double[] k) => y.Select((v, i) => v + c * k[i]).ToArray();
        var k1 = f(y0);
        var k2 = f(Add(y0, half, k1));
        var k3 = f(Add(y0, half, k2));
        var k4 = f(Add(y0, h, k3));
        return y0.Select((v, i) => v + h / 6.0 * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i])).ToArray();
    }

    public static double[] Step(double[] state, int action)
    {
        double[] augmented = [.. state, action - 1.0];
        var next = Rk4(Derivatives, augmented, 0.0, 0.2);
        double Wrap(double x)
        {
            while (x > Math.PI) x -= 2 * Math.PI;
            while (x < -Math.PI) x += 2 * Math.PI;
            return x;
        }
        return
        [
            Wrap(next[0]),
            Wrap(next[1]),
            Math.Clamp(next[2], -4 * Math.PI, 4 * Math.PI),
            Math.Clamp(next[3], -9 * Math.PI, 9 * Math.PI),
        ];
    }

    public static bool Terminal(double[] s) => -Math.Cos(s[0]) - Math.Cos(s[1] + s[0]) > 1.0;

    public static float[] Observation(double[] s) =>
        [(float)Math.Cos(s[0]), (float)Math.Sin(s[0]), (float)Math.Cos(s[1]), (float)Math.Sin(s[1]), (float)s[2], (float)s[3]];
}
