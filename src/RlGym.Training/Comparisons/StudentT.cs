namespace RlGym.Training.Comparisons;

/// <summary>
/// Two-sided critical values of Student's t distribution, from the standard table (df 1 to 30, 40, 60, 120, ∞) for
/// 90%, 95% and 99% confidence. Between tabulated degrees of freedom above 30 the value is interpolated linearly in
/// 1/df, the usual way of reading the table; the error is below 0.002.
/// </summary>
public static class StudentT
{
    private static readonly int[] Df = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 40, 60, 120];

    private static readonly double[] T90 =
    [
        6.314, 2.920, 2.353, 2.132, 2.015, 1.943, 1.895, 1.860, 1.833, 1.812, 1.796, 1.782, 1.771, 1.761, 1.753,
        1.746, 1.740, 1.734, 1.729, 1.725, 1.721, 1.717, 1.714, 1.711, 1.708, 1.706, 1.703, 1.701, 1.699, 1.697,
        1.684, 1.671, 1.658,
    ];

    private static readonly double[] T95 =
    [
        12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131,
        2.120, 2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042,
        2.021, 2.000, 1.980,
    ];

    private static readonly double[] T99 =
    [
        63.657, 9.925, 5.841, 4.604, 4.032, 3.707, 3.499, 3.355, 3.250, 3.169, 3.106, 3.055, 3.012, 2.977, 2.947,
        2.921, 2.898, 2.878, 2.861, 2.845, 2.831, 2.819, 2.807, 2.797, 2.787, 2.779, 2.771, 2.763, 2.756, 2.750,
        2.704, 2.660, 2.617,
    ];

    /// <summary>The confidence levels the table holds.</summary>
    public static IReadOnlyList<double> Levels { get; } = [0.90, 0.95, 0.99];

    /// <summary>t such that P(|T| ≤ t) = <paramref name="confidence"/> for <paramref name="degreesOfFreedom"/> ≥ 1.</summary>
    public static double Critical(int degreesOfFreedom, double confidence = 0.95)
    {
        if (degreesOfFreedom < 1) throw new ArgumentOutOfRangeException(nameof(degreesOfFreedom), degreesOfFreedom, "needs at least 1 degree of freedom");
        var (table, infinity) = confidence switch
        {
            0.90 => (T90, 1.645),
            0.95 => (T95, 1.960),
            0.99 => (T99, 2.576),
            _ => throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "allowed: 0.90, 0.95, 0.99"),
        };
        if (degreesOfFreedom <= 30) return table[degreesOfFreedom - 1];
        int i = 30;
        while (i < Df.Length && Df[i] < degreesOfFreedom) i++;
        if (i < Df.Length && Df[i] == degreesOfFreedom) return table[i];
        double loDf = Df[i - 1], lo = table[i - 1];
        double hiInv = i < Df.Length ? 1.0 / Df[i] : 0.0, hi = i < Df.Length ? table[i] : infinity;
        double x = 1.0 / degreesOfFreedom;
        return hi + (lo - hi) * (x - hiInv) / (1.0 / loDf - hiInv);
    }
}
