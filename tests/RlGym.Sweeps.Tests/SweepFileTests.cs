using RlGym.Core.Errors;
using RlGym.Sweeps.Files;
using RlGym.Sweeps.Planning;

namespace RlGym.Sweeps.Tests;

public sealed class SweepFileTests
{
    private const string IssueExample = """{"env":"FrozenLake-v1","agents":["q-learning","sarsa"],"episodes":2000,"seeds":3,"grid":{"alpha":[0.1,0.5]}}""";

    [Fact]
    public void The_grid_example_plans_twelve_trials_of_agents_times_values_times_seeds()
    {
        var plan = SweepPlan.Of(SweepFile.Parse(IssueExample));
        Assert.Equal(4, plan.Configurations.Count);
        Assert.Equal(12, plan.TrialCount);
        Assert.Equal(["q-learning", "q-learning", "sarsa", "sarsa"], plan.Configurations.Select(c => c.Agent));
        Assert.Equal(["alpha=0.1", "alpha=0.5", "alpha=0.1", "alpha=0.5"], plan.Configurations.Select(c => c.SettingsText));
        var config = plan.RunConfig(plan.Configurations[3], 2, 0);
        Assert.Equal(("sarsa", "0.5", 2000, 2L), (config.Agent, config.Settings["alpha"], config.Episodes!.Value, config.Seed));
        Assert.Equal("c003-s2", plan.TrialId(plan.Configurations[3], 2));
    }

    [Fact]
    public void Random_draws_are_reproducible_inside_their_ranges_and_combined_with_the_grid()
    {
        const string text = """
            {"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"seeds":1,"trials":40,"grid":{"gamma":[0.9,0.99]},
             "random":{"alpha":{"log_uniform":[1e-4,1e-1]},"n":{"int_uniform":[1,3]},"epsilon":{"choice":[0.05,0.2]}}}
            """;
        var a = SweepPlan.Of(SweepFile.Parse(text));
        var b = SweepPlan.Of(SweepFile.Parse(text));
        Assert.Equal(80, a.Configurations.Count);
        Assert.Equal(a.Configurations.Select(c => c.SettingsText), b.Configurations.Select(c => c.SettingsText));
        var alphas = a.Configurations.Select(c => double.Parse(c.Settings.First(p => p.Key == "alpha").Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.All(alphas, x => Assert.InRange(x, 1e-4, 1e-1));
        // Log-uniform: about a third of the draws in each of the three decades (40 draws; at least 5 per decade).
        foreach (var (low, high) in new[] { (1e-4, 1e-3), (1e-3, 1e-2), (1e-2, 1e-1) })
            Assert.InRange(alphas.Where((_, i) => i % 2 == 0).Count(x => x >= low && x < high), 5, 30);
        Assert.Equal(["1", "2", "3"], a.Configurations.Select(c => c.Settings.First(p => p.Key == "n").Value).Distinct().Order());
        Assert.Equal(["0.05", "0.2"], a.Configurations.Select(c => c.Settings.First(p => p.Key == "epsilon").Value).Distinct().Order());
        var other = SweepPlan.Of(SweepFile.Parse(text.Replace("\"seeds\":1", "\"seeds\":1,\"sample_seed\":7")));
        Assert.NotEqual(a.Configurations.Select(c => c.SettingsText), other.Configurations.Select(c => c.SettingsText));
    }

    [Fact]
    public void Successive_halving_budgets_grow_by_eta_up_to_the_full_budget()
    {
        var file = SweepFile.Parse("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":900,"halving":{"rungs":3,"eta":3}}""");
        var plan = SweepPlan.Of(file);
        Assert.Equal([100L, 300L, 900L], Enumerable.Range(0, plan.Rungs).Select(plan.Budget));
        Assert.Equal(3, file.Halving!.Promoted(9));
        Assert.Equal(1, file.Halving.Promoted(2));
    }

    [Fact]
    public void The_fingerprint_ignores_formatting_but_not_content()
    {
        var a = SweepFile.Parse(IssueExample).Fingerprint();
        var b = SweepFile.Parse(IssueExample.Replace(",", ",\n  ")).Fingerprint();
        var c = SweepFile.Parse(IssueExample.Replace("0.5", "0.6")).Fingerprint();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Theory]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"colour":1}""", "key 'colour' is unknown")]
    [InlineData("""{"agents":["q-learning"],"episodes":10}""", "env is missing")]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"steps":100}""", "steps cannot be set with episodes")]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":0}""", "episodes=0 is not allowed")]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"grid":{"alpha":[]}}""", "grid.alpha must be a non-empty list")]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"trials":3,"random":{"alpha":{"log_uniform":[0,1]}}}""", "log_uniform needs 0 < low < high")]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"random":{"alpha":{"uniform":[0,1]}}}""", "trials is missing")]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"random":{"alpha":{"normal":[0,1]}},"trials":2}""", "unknown distribution 'normal'")]
    [InlineData("""{"env":"FrozenLake-v1","agents":[],"episodes":10}""", "agents is empty")]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":10,"seeds":"three"}""", "seeds has a value of the wrong kind")]
    [InlineData("""{"env":"FrozenLake-v1","agents":["q-learning"],"episodes":2,"halving":{"rungs":3,"eta":3}}""", "halving needs a budget of at least 9")]
    [InlineData("""{"env":"FrozenLake-v1",""", "is not valid JSON")]
    public void A_bad_sweep_file_is_refused_with_one_line_naming_the_key(string text, string expected)
    {
        var e = Assert.Throws<UserInputException>(() => SweepFile.Parse(text, "s.json"));
        Assert.Contains(expected, e.Message);
        Assert.DoesNotContain('\n', e.Message);
        Assert.StartsWith("'s.json'", e.Message.Replace("sweep file ", ""));
    }
}
