namespace RlGym.Benchmarking;

/// <summary>
/// The C baseline: bench/cartpole.c (embedded in this assembly) compiled with <c>cc -O2</c> into a temporary
/// directory and run; "unavailable" when there is no compiler.
/// </summary>
internal static class CLoop
{
    public static CLoopBaseline Run(long steps, int repeats)
    {
        const string env = "CartPole-v1";
        using var dir = new ExternalProcess.TempDirectory();
        string source = Path.Combine(dir.Path, "cartpole.c"), binary = Path.Combine(dir.Path, "cartpole");
        using (var resource = typeof(CLoop).Assembly.GetManifestResourceStream("RlGym.Benchmarking.cartpole.c")
            ?? throw new InvalidOperationException("cartpole.c is not embedded in RlGym.Benchmarking"))
        using (var file = File.Create(source))
            resource.CopyTo(file);

        var compile = ExternalProcess.Run("cc", ["-O2", "-o", binary, source, "-lm"], TimeSpan.FromMinutes(2));
        if (compile.ExitCode == -1) return new(env, null, null, $"unavailable (no C compiler: {compile.Error.Trim()})");
        if (compile.ExitCode != 0) return new(env, null, null, $"unavailable (cc -O2 failed: {FirstLine(compile.Error)})");

        var run = ExternalProcess.Run(binary, [steps.ToString(System.Globalization.CultureInfo.InvariantCulture), repeats.ToString(System.Globalization.CultureInfo.InvariantCulture)], TimeSpan.FromMinutes(5));
        var rate = run.ExitCode == 0 ? ExternalProcess.ParseNumber(run.Output, "steps_per_second") : null;
        return rate is null
            ? new(env, null, null, $"unavailable (the C loop failed: {FirstLine(run.Error + run.Output)})")
            : new(env, rate, ExternalProcess.ParseNumber(run.Output, "cpu_steps_per_second"), $"measured: cc -O2, best of {repeats} runs of {steps} steps");
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no output";
}
