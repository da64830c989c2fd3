using RlGym.Core.Errors;
using RlGym.Core.Registration;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// The reset options <c>low</c> and <c>high</c> that CartPole, MountainCar and Acrobot accept, as Gymnasium's
/// <c>maybe_parse_reset_bounds</c>: each falls back to the environment's default, and low may not exceed high.
/// </summary>
internal static class ResetBounds
{
    /// <summary>The bounds to draw the starting state from.</summary>
    public static (double Low, double High) Parse(EnvOptions? options, double defaultLow, double defaultHigh)
    {
        if (options is null) return (defaultLow, defaultHigh);
        double low = options.GetDouble("low", defaultLow);
        double high = options.GetDouble("high", defaultHigh);
        if (low > high)
            throw new UserInputException($"reset option low={low} is above high={high}; low must not exceed high");
        return (low, high);
    }
}
