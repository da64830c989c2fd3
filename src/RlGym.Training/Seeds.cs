namespace RlGym.Training;

/// <summary>
/// Seeds derived from a run's seed, so that one number reproduces every generator of a run and the generators do
/// not share a stream (two xoshiro generators seeded with the same number would draw the same numbers).
/// </summary>
public static class Seeds
{
    /// <summary>Stream index of the agent's seed.</summary>
    public const long AgentStream = 1;

    /// <summary>Stream index of the evaluation environment's seed.</summary>
    public const long EvaluationStream = 2;

    /// <summary>Stream index of the seed of randomly sampled actions (<c>rollout --policy random</c>, render without an agent).</summary>
    public const long ActionStream = 3;

    /// <summary>A seed for stream <paramref name="stream"/> of run seed <paramref name="seed"/> (SplitMix64 mixing).</summary>
    public static long Derive(long seed, long stream)
    {
        ulong z = unchecked((ulong)seed + 0x9E3779B97F4A7C15UL * (ulong)(stream + 1));
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return unchecked((long)(z ^ (z >> 31)));
    }

    /// <summary>The seed to give the agent factory for a run of seed <paramref name="seed"/>.</summary>
    public static long Agent(long seed) => Derive(seed, AgentStream);

    /// <summary>The seed of the evaluation environment's first reset.</summary>
    public static long Evaluation(long seed) => Derive(seed, EvaluationStream);

    /// <summary>
    /// The seed of the action space's sampler when the environment resets with <paramref name="seed"/>: a generator of
    /// its own, so that a random action does not decide the slip it meets (both would draw the same numbers).
    /// </summary>
    public static long Actions(long seed) => Derive(seed, ActionStream);
}
