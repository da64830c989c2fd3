using System.Text.Json;

namespace RlGym.Cli.Tests;

public sealed class PlanCommandTests
{
    private static (double[] Values, int[] Policy) Plan(params string[] args)
    {
        var r = CliRun.Run(["plan", .. args, "--json"]);
        Assert.True(r.ExitCode == 0, r.Error);
        var root = JsonDocument.Parse(r.Out).RootElement;
        Assert.Equal(["values", "policy"], root.EnumerateObject().Select(p => p.Name));
        return (root.GetProperty("values").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
                root.GetProperty("policy").EnumerateArray().Select(e => e.GetInt32()).ToArray());
    }

    [Theory]
    [InlineData("value-iteration", 0.9)]
    [InlineData("policy-iteration", 0.9)]
    [InlineData("value-iteration", 0.5)]
    public void Deterministic_corridor_values_are_gamma_to_the_steps_before_the_goal(string method, double gamma)
    {
        var (values, policy) = Plan("Corridor-v0", "--gamma", gamma.ToString(System.Globalization.CultureInfo.InvariantCulture), "--method", method);
        Assert.Equal(5, values.Length);
        for (int s = 0; s < 4; s++)
        {
            // From cell s the goal is 4 − s steps away and only the last step pays 1: V(s) = γ^(3−s).
            Assert.Equal(Math.Pow(gamma, 3 - s), values[s], 12);
            Assert.Equal(1, policy[s]);
        }
        Assert.Equal(0, values[4]);
    }

    [Fact]
    public void Both_planners_agree_on_a_slippery_corridor()
    {
        var vi = Plan("Corridor-v0", "-o", "slip=0.3", "-o", "length=6");
        var pi = Plan("Corridor-v0", "-o", "slip=0.3", "-o", "length=6", "--method", "policy-iteration");
        Assert.Equal(vi.Policy, pi.Policy);
        for (int s = 0; s < 6; s++) Assert.Equal(vi.Values[s], pi.Values[s], 9);
        Assert.True(vi.Values[0] < Math.Pow(0.99, 4));
    }

    [Fact]
    public void Text_form_prints_a_table_of_values_and_actions()
    {
        var r = CliRun.Run("plan", "Corridor-v0", "--gamma", "0.5");
        Assert.Equal(0, r.ExitCode);
        Assert.Contains("0.1250", r.Out);
        Assert.Contains("value iteration", r.Out);
    }

    [Fact]
    public void Non_tabular_environment_exits_2_naming_the_tabular_ones()
    {
        var r = CliRun.Run("plan", "Drift-v0");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not a tabular environment", r.Error);
        Assert.Contains("Corridor-v0", r.Error);
    }

    [Theory]
    [InlineData("--gamma", "0")]
    [InlineData("--gamma", "1.5")]
    [InlineData("--method", "sarsa")]
    public void Bad_planner_arguments_exit_2(string option, string value)
    {
        var r = CliRun.Run("plan", "Corridor-v0", option, value);
        Assert.Equal(2, r.ExitCode);
    }
}
