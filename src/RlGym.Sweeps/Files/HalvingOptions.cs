namespace RlGym.Sweeps.Files;

/// <summary>
/// Successive halving, <c>"halving": {"rungs": 3, "eta": 3}</c>: every configuration first trains for the budget
/// divided by eta^(rungs−1); after each rung the best 1/eta of the configurations (by mean final return over seeds)
/// continue from their checkpoints to eta times the budget, up to the full budget at the last rung. Rungs are
/// synchronous (a rung starts when the previous one is complete), so which configurations are promoted never depends
/// on which worker was faster, and a sweep gives the same results on one machine and on a cluster.
/// </summary>
/// <param name="Rungs">Number of rungs, 2 or more.</param>
/// <param name="Eta">Budget growth and reduction factor between rungs, 2 or more.</param>
public sealed record HalvingOptions(int Rungs, int Eta)
{
    /// <summary>The training budget at <paramref name="rung"/> when the last rung trains for <paramref name="full"/>.</summary>
    public long Budget(long full, int rung)
    {
        double divisor = Math.Pow(Eta, Rungs - 1 - rung);
        return Math.Max(1, (long)Math.Ceiling(full / divisor));
    }

    /// <summary>How many of <paramref name="count"/> configurations go on to the next rung.</summary>
    public int Promoted(int count) => Math.Max(1, count / Eta);
}
