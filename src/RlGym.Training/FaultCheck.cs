using System.Globalization;
using RlGym.Core.Environments;

namespace RlGym.Training;

/// <summary>Finds NaN and infinite values in what an environment returns, without allocating when all is well.</summary>
internal static class FaultCheck
{
    /// <summary>Null when the reward and observation are finite; otherwise what is wrong.</summary>
    public static string? Step<TObs>(in StepResult<TObs> r) where TObs : notnull =>
        !double.IsFinite(r.Reward)
            ? $"returned reward {r.Reward.ToString("R", CultureInfo.InvariantCulture)}"
            : Observation(r.Observation);

    /// <summary>Null when every number of the observation is finite; otherwise which one is not.</summary>
    public static string? Observation<TObs>(TObs observation) where TObs : notnull
    {
        // typeof tests on a type parameter are constants once the method is compiled for TObs, so for integer
        // observations this whole method is empty, and the casts through object do not box.
        if (typeof(TObs) == typeof(float[])) return Elements((float[])(object)observation);
        if (typeof(TObs) == typeof(double[])) return Elements((double[])(object)observation);
        if (typeof(TObs) == typeof(double))
        {
            double d = (double)(object)observation;
            return double.IsFinite(d) ? null : $"returned observation {d.ToString("R", CultureInfo.InvariantCulture)}";
        }
        if (typeof(TObs) == typeof(float))
        {
            float f = (float)(object)observation;
            return float.IsFinite(f) ? null : $"returned observation {f.ToString("R", CultureInfo.InvariantCulture)}";
        }
        return null;
    }

    private static string? Elements(float[] a)
    {
        for (int i = 0; i < a.Length; i++)
            if (!float.IsFinite(a[i])) return $"returned observation[{i}] = {a[i].ToString("R", CultureInfo.InvariantCulture)}";
        return null;
    }

    private static string? Elements(double[] a)
    {
        for (int i = 0; i < a.Length; i++)
            if (!double.IsFinite(a[i])) return $"returned observation[{i}] = {a[i].ToString("R", CultureInfo.InvariantCulture)}";
        return null;
    }

    /// <summary>The name used in messages: the spec's id, else the wrapper chain.</summary>
    public static string Name(IEnv env) => env.Spec?.Id ?? env.ToString() ?? env.GetType().Name;
}
