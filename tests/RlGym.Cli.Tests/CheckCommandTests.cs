namespace RlGym.Cli.Tests;

public sealed class CheckCommandTests
{
    [Fact]
    public void A_correct_environment_passes_with_exit_0()
    {
        var r = CliRun.Run("check", "Drift-v0");
        Assert.True(r.ExitCode == 0, r.Out + r.Error);
        Assert.StartsWith("pass Drift-v0", r.Out);
    }

    [Fact]
    public void Checking_all_environments_exits_1_when_one_fails_and_reports_the_others()
    {
        var r = CliRun.Run("check");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("FAIL Broken-v0", r.Out);
        Assert.Contains("pass Corridor-v0", r.Out);
        Assert.Matches(@"(\d+) of \1 environments passed|\d+ of \d+ environments passed", r.Out);
        Assert.DoesNotContain("FAIL Corridor-v0", r.Out);
    }

    [Fact]
    public void Unknown_id_exits_2()
    {
        var r = CliRun.Run("check", "Drift-v1");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("did you mean 'Drift-v0'", r.Error);
    }
}
