using System.Globalization;

namespace RlGym.Benchmarking;

/// <summary>
/// Gymnasium's speed for the same environment, measured only when <c>python3 -c "import gymnasium"</c> works; the
/// issue's figure for CartPole-v1 through <c>gymnasium.make</c> on this kind of machine is kept as a quoted reference.
/// </summary>
internal static class GymnasiumTiming
{
    /// <summary>Steps per second of CartPole-v1 through <c>gymnasium.make</c>, as quoted in the "Speed" issue (not measured here).</summary>
    public const double QuotedCartPoleStepsPerSecond = 105_000;

    private const string QuotedSource = "quoted in the Speed issue for gymnasium.make(\"CartPole-v1\") on this machine; a reference, not our measurement";

    private const string Script = """
        import sys, time
        import gymnasium as gym
        env_id, steps, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
        env = gym.make(env_id)
        env.action_space.seed(1)
        actions = [env.action_space.sample() for _ in range(4096)]
        env.reset(seed=1)
        best = 0.0
        for _ in range(repeats):
            start = time.perf_counter()
            for i in range(steps):
                _, _, terminated, truncated, _ = env.step(actions[i & 4095])
                if terminated or truncated:
                    env.reset()
            best = max(best, steps / (time.perf_counter() - start))
        print("steps_per_second", best)
        """;

    public static PythonBaseline Run(string env, long steps, int repeats)
    {
        var probe = ExternalProcess.Run("python3", ["-c", "import gymnasium"], TimeSpan.FromSeconds(60));
        if (probe.ExitCode == -1) return Unavailable(env, "unavailable (python3 not found)");
        if (probe.ExitCode != 0) return Unavailable(env, "unavailable (gymnasium not installed)");

        using var dir = new ExternalProcess.TempDirectory();
        string script = Path.Combine(dir.Path, "gymnasium_timing.py");
        File.WriteAllText(script, Script);
        var run = ExternalProcess.Run("python3",
            [script, env, steps.ToString(CultureInfo.InvariantCulture), repeats.ToString(CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(10));
        var rate = run.ExitCode == 0 ? ExternalProcess.ParseNumber(run.Output, "steps_per_second") : null;
        return rate is null
            ? Unavailable(env, "unavailable (the gymnasium timing script failed)")
            : new PythonBaseline(env, rate, $"measured: gymnasium.make, best of {repeats} runs of {steps} steps", QuotedCartPoleStepsPerSecond, QuotedSource);
    }

    public static PythonBaseline Skipped(string env) => Unavailable(env, "skipped");

    private static PythonBaseline Unavailable(string env, string status) =>
        new(env, null, status, QuotedCartPoleStepsPerSecond, QuotedSource);
}
