using System.Text.Json;

namespace RlGym.Cli.Tests;

public sealed class BenchAndExperimentTests
{
    [Fact]
    public void Experiment_lists_the_textbook_reproductions()
    {
        var r = CliRun.Run("experiment");
        Assert.True(r.ExitCode == 0, r.Error);
        foreach (var name in new[] { "cliff-walking", "maximization-bias", "windy-gridworld", "random-walk" })
            Assert.Contains(name, r.Out);
    }

    [Fact]
    public void Experiment_runs_the_random_walk_and_writes_its_json_and_plot()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("experiment", "random-walk", "--seeds", "2", "--episodes", "2", "--out", tmp.Path, "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal("random-walk", JsonDocument.Parse(r.Out).RootElement.GetProperty("experiment").GetString());
        Assert.True(File.Exists(tmp.File("experiment.json")));
        Assert.True(File.Exists(tmp.File("experiment.png")));
    }

    [Fact]
    public void Bench_refuses_an_unknown_environment_before_measuring()
    {
        var line = StderrAssert.OneErrorLine(CliRun.Run("bench", "Nope-v0"));
        Assert.Contains("Nope-v0", line);
    }

    [Fact]
    public void Bench_refuses_too_few_steps_naming_the_minimum()
    {
        var line = StderrAssert.OneErrorLine(CliRun.Run("bench", "Corridor-v0", "--steps", "10"));
        Assert.Contains("10000", line);
    }
}

public sealed class AgentBenchTests
{
    // The shape of `rlgym bench --agents`: one row per registered agent, each on the first bench env it accepts, with
    // the budget trained and a rate; an agent that fits none is listed with the reason instead of left out.
    [Fact]
    public void Every_agent_gets_a_row_with_its_env_budget_and_rate()
    {
        var envs = new RlGym.Core.Registration.EnvRegistry()
            .Add(new RlGym.Envs.ToyText.ToyTextEnvironments()).Add(new RlGym.Envs.ClassicControl.ClassicControlEnvironments());
        var agents = new RlGym.Core.Agents.AgentRegistry()
            .Add(new RlGym.Agents.Tabular.TabularAgents()).Add(new RlGym.Agents.PolicyGradient.PolicyGradientAgents());
        var results = RlGym.Benchmarking.AgentTiming.Run(envs, agents, steps: 2_000, seed: 1);

        Assert.Equal(agents.Factories.Count, results.Count);
        Assert.Contains(results, r => r.Agent == "q-learning" && r.Env == "FrozenLake-v1");
        Assert.Contains(results, r => r.Agent == "reinforce" && r.Env == "CartPole-v1");
        foreach (var r in results.Where(r => r.Env is not null))
        {
            Assert.True(r.Steps >= 2_000, $"{r.Agent} trained {r.Steps} steps");
            Assert.True(r.StepsPerSecond > 0, r.Agent);
        }
        var text = RlGym.Benchmarking.BenchReportText.RenderAgents(results, "test machine");
        foreach (var r in results) Assert.Contains(r.Agent, text);
        Assert.Contains("steps/s", text);
    }
}

public sealed class BenchIsolationTests
{
    private static readonly RlGym.Core.Registration.EnvRegistry Envs =
        new RlGym.Core.Registration.EnvRegistry().Add(new RlGym.Envs.ToyText.ToyTextEnvironments());

    private static RlGym.Benchmarking.BenchOptions Small(params string[] ids) => new()
    {
        EnvIds = ids, Steps = 10_000, Copies = 4, ScalingCopies = [], Repeats = 1,
        CBaseline = false, PythonBaseline = false, EnvsOnly = true,
    };

    // Ids measured in one process share the wrappers' compiled code; given a way to start itself, the bench takes
    // each id's figures from a process of its own (here a stand-in that prints a report written beforehand).
    [Fact]
    public void Each_id_is_measured_by_the_isolation_command_when_one_is_given()
    {
        using var tmp = new TempDirectory();
        foreach (var id in new[] { "FrozenLake-v1", "CliffWalking-v1" })
        {
            var measured = new RlGym.Benchmarking.BenchRunner(Envs).Run(Small(id));
            var marked = measured with { Results = [measured.Results[0] with { StepsPerSecond = 12345 }] };
            File.WriteAllText(tmp.File($"{id}.json"), RlGym.Benchmarking.BenchReportJson.Serialize(marked));
        }

        // sh -c SCRIPT bench ID ...: the script sees "bench" as $0 and the id as $1.
        var options = Small("FrozenLake-v1", "CliffWalking-v1") with { IsolationCommand = ["sh", "-c", $"cat '{tmp.Path}'/\"$1\".json"] };
        var report = new RlGym.Benchmarking.BenchRunner(Envs).Run(options);

        Assert.Equal(["FrozenLake-v1", "CliffWalking-v1"], report.Results.Select(r => r.Env));
        Assert.All(report.Results, r => Assert.Equal(12345, r.StepsPerSecond));
        Assert.Equal(4, report.Tabular.Loops.Count);
        Assert.Contains("each id measured in a process of its own", report.Machine.Note);
    }

    [Fact]
    public void A_failing_isolation_command_is_reported_and_the_id_measured_in_process()
    {
        var log = new List<string>();
        var options = Small("FrozenLake-v1", "CliffWalking-v1") with { IsolationCommand = ["false"] };
        var report = new RlGym.Benchmarking.BenchRunner(Envs).Run(options, log.Add);

        Assert.Equal(["FrozenLake-v1", "CliffWalking-v1"], report.Results.Select(r => r.Env));
        Assert.All(report.Results, r => Assert.True(r.StepsPerSecond > 0));
        Assert.Equal(2, log.Count(l => l.Contains("in a process of its own failed")));
        Assert.Contains("2 of 2 ids measured side by side", report.Machine.Note);
    }
}
