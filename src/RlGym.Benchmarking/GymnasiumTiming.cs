using System.Globalization;

namespace RlGym.Benchmarking;

/// <summary>
/// Gymnasium's speed for CartPole-v1 in the same run as ours: <c>gymnasium.make</c> (one environment under its
/// standard wrappers) and the NumPy <c>CartPoleVectorEnv</c> with the same K copies as our vector env. It runs only
/// when the user has them: the interpreter is <c>$RLGYM_PYTHON</c> (default <c>python3</c>), which must import NumPy,
/// and Gymnasium is imported from <c>$RLGYM_GYMNASIUM_PATH</c> (the folder holding <c>gymnasium/</c>) when set, else from
/// the interpreter's own packages. Otherwise the report says which of them was missing. An older figure quoted for
/// <c>gymnasium.make</c> on the development machine is kept as a labelled reference.
/// </summary>
internal static class GymnasiumTiming
{
    /// <summary>Variable naming the Python interpreter.</summary>
    public const string PythonVariable = "RLGYM_PYTHON";

    /// <summary>Variable naming the folder that holds Gymnasium's <c>gymnasium/</c> package.</summary>
    public const string PathVariable = "RLGYM_GYMNASIUM_PATH";

    /// <summary>Steps per second of CartPole-v1 through <c>gymnasium.make</c> as quoted earlier for the development machine (not measured here).</summary>
    public const double QuotedCartPoleStepsPerSecond = 105_000;

    private const string QuotedSource = "quoted earlier for gymnasium.make(\"CartPole-v1\") on the development machine; a reference, not our measurement";

    private const string Script = """
        import sys, time
        import numpy as np
        import gymnasium as gym
        from gymnasium.envs.classic_control.cartpole import CartPoleVectorEnv
        env_id, steps, vector_steps, copies, repeats = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), int(sys.argv[5])

        env = gym.make(env_id)
        env.action_space.seed(1)
        actions = [env.action_space.sample() for _ in range(4096)]
        env.reset(seed=1)
        for i in range(2000):
            _, _, terminated, truncated, _ = env.step(actions[i & 4095])
            if terminated or truncated:
                env.reset()
        best = 0.0
        for _ in range(repeats):
            start = time.perf_counter()
            for i in range(steps):
                _, _, terminated, truncated, _ = env.step(actions[i & 4095])
                if terminated or truncated:
                    env.reset()
            best = max(best, steps / (time.perf_counter() - start))
        print("steps_per_second", best)

        vec = CartPoleVectorEnv(num_envs=copies, max_episode_steps=env.spec.max_episode_steps)
        vec.reset(seed=1)
        batches = np.random.default_rng(2).integers(0, 2, size=(64, copies))
        n = max(1, vector_steps // copies)
        for i in range(min(n, 20)):
            vec.step(batches[i & 63])
        best = 0.0
        for _ in range(repeats):
            start = time.perf_counter()
            for i in range(n):
                vec.step(batches[i & 63])
            best = max(best, n * copies / (time.perf_counter() - start))
        print("vector_steps_per_second", best)
        """;

    /// <summary>Times both, or says why not.</summary>
    public static PythonBaseline Run(string env, long steps, long vectorSteps, int copies, int repeats)
    {
        string python = Environment.GetEnvironmentVariable(PythonVariable) is { Length: > 0 } p ? p : "python3";
        var environment = new Dictionary<string, string>();
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } path)
        {
            if (!Directory.Exists(Path.Combine(path, "gymnasium")))
                return Unavailable(env, $"skipped: {PathVariable}={path} holds no gymnasium/ folder");
            string? existing = Environment.GetEnvironmentVariable("PYTHONPATH");
            environment["PYTHONPATH"] = string.IsNullOrEmpty(existing) ? path : path + Path.PathSeparator + existing;
        }

        var timeout = TimeSpan.FromSeconds(60);
        var numpy = ExternalProcess.Run(python, ["-c", "import numpy"], timeout, environment);
        if (numpy.ExitCode == -1) return Unavailable(env, $"skipped: {python} not found (set {PythonVariable} to a Python 3 interpreter)");
        if (numpy.ExitCode != 0) return Unavailable(env, $"skipped: {python} cannot import numpy (install it, or set {PythonVariable} to an interpreter that has it)");
        var gymnasium = ExternalProcess.Run(python, ["-c", "import gymnasium"], timeout, environment);
        if (gymnasium.ExitCode != 0)
            return Unavailable(env, $"skipped: {python} cannot import gymnasium (set {PathVariable} to the folder that holds gymnasium/, or install it)");

        using var dir = new ExternalProcess.TempDirectory();
        string script = Path.Combine(dir.Path, "gymnasium_timing.py");
        File.WriteAllText(script, Script);
        string Text(long v) => v.ToString(CultureInfo.InvariantCulture);
        var run = ExternalProcess.Run(python, [script, env, Text(steps), Text(vectorSteps), Text(copies), Text(repeats)], TimeSpan.FromMinutes(10), environment);
        var rate = run.ExitCode == 0 ? ExternalProcess.ParseNumber(run.Output, "steps_per_second") : null;
        var vectorRate = run.ExitCode == 0 ? ExternalProcess.ParseNumber(run.Output, "vector_steps_per_second") : null;
        return rate is null
            ? Unavailable(env, $"unavailable (the Gymnasium timing script failed: {run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).LastOrDefault()?.Trim()})")
            : new PythonBaseline(env, rate,
                $"measured: gymnasium.make, best of {repeats} runs of {steps} steps; CartPoleVectorEnv({copies}), best of {repeats} runs of {Math.Max(1, vectorSteps / copies) * copies} steps",
                QuotedCartPoleStepsPerSecond, QuotedSource, vectorRate, copies);
    }

    public static PythonBaseline Skipped(string env) => Unavailable(env, "skipped (--no-baselines)");

    private static PythonBaseline Unavailable(string env, string status) =>
        new(env, null, status, QuotedCartPoleStepsPerSecond, QuotedSource);
}
