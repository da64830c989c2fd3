namespace RlGym.Cli.Tests;

/// <summary>What every refused or failed command must print: one <c>rlgym:</c> line, no stack trace.</summary>
public static class StderrAssert
{
    public static string OneErrorLine(CliRun.Result r, int exitCode = 2)
    {
        Assert.True(r.ExitCode == exitCode, $"exit {r.ExitCode}, expected {exitCode}: {r.Error}");
        var lines = r.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.StartsWith("rlgym: ", StringComparison.Ordinal)).ToArray();
        Assert.True(lines.Length == 1, r.Error);
        Assert.DoesNotContain("   at ", r.Error);
        return lines[0];
    }
}
