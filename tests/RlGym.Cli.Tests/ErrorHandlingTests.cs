namespace RlGym.Cli.Tests;

public sealed class ErrorHandlingTests
{
    private static void AssertOneLineNoStackTrace(string stderr)
    {
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("rlgym: ", stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    [Fact]
    public void Unknown_id_suggests_the_closest_and_exits_2_on_one_line()
    {
        var r = CliRun.Run("rollout", "Coridor-v0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("did you mean 'Corridor-v0'", r.Error);
        AssertOneLineNoStackTrace(r.Error);
        Assert.Equal("", r.Out);
    }

    [Theory]
    [InlineData("length=abc")]
    [InlineData("length=1")]
    [InlineData("lenght=4")]
    [InlineData("length")]
    public void Bad_env_option_exits_2_on_one_line(string option)
    {
        var r = CliRun.Run("rollout", "Corridor-v0", "-o", option);
        Assert.Equal(2, r.ExitCode);
        AssertOneLineNoStackTrace(r.Error);
    }

    [Fact]
    public void Unknown_option_name_lists_the_allowed_ones()
    {
        var r = CliRun.Run("rollout", "Corridor-v0", "-o", "lenght=4");
        Assert.Contains("allowed: length, slip", r.Error);
    }

    [Fact]
    public void Parse_error_exits_2_on_one_line()
    {
        var r = CliRun.Run("rollout", "Corridor-v0", "--episodes", "many");
        Assert.Equal(2, r.ExitCode);
        AssertOneLineNoStackTrace(r.Error);
    }

    [Fact]
    public void Unknown_command_is_named()
    {
        var r = CliRun.Run("rolout");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("rolout", r.Error);
        AssertOneLineNoStackTrace(r.Error);
    }

    [Fact]
    public void Missing_plugin_exits_2()
    {
        var r = CliRun.Run("envs", "--plugin", "/nonexistent/plugin.dll");
        Assert.Equal(2, r.ExitCode);
        AssertOneLineNoStackTrace(r.Error);
    }

    [Fact]
    public void Unexpected_error_exits_1_without_a_stack_trace()
    {
        var r = CliRun.Run("rollout", "Broken-v0");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("the reset has a bug", r.Error);
        Assert.DoesNotContain("   at ", r.Error);
        Assert.DoesNotContain("second line", r.Error);
    }

    [Fact]
    public void Verbose_prints_the_stack_trace_of_an_unexpected_error()
    {
        var r = CliRun.Run("rollout", "Broken-v0", "--verbose");
        Assert.Equal(1, r.ExitCode);
        Assert.Contains("   at ", r.Error);
    }
}
