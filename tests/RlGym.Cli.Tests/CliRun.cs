namespace RlGym.Cli.Tests;

/// <summary>Runs rlgym in-process with the test package loaded as a plugin.</summary>
public static class CliRun
{
    public static string TestPlugin => typeof(CliRun).Assembly.Location;

    public sealed record Result(int ExitCode, string Out, string Error)
    {
        public string[] Lines => Out.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    public static Result Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public static async Task<Result> RunAsync(string[] args, CancellationToken ct = default)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await RlGymApp.RunAsync([.. args, "--plugin", TestPlugin], stdout, stderr, ct);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }
}
