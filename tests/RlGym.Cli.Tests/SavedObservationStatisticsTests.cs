using System.Text.Json;
using RlGym.Cli.Hosting;
using RlGym.Cli.Runs;
using RlGym.Core.Environments;
using RlGym.Core.Wrappers;
using RlGym.Training;
using RlGym.Training.Evaluation;
using RlGym.Training.Runs;

namespace RlGym.Cli.Tests;

/// <summary>
/// An agent trained behind <c>--wrap normalize-observation</c> saw observations scaled by the statistics of training,
/// so <c>rlgym eval</c>, <c>--best</c> and <c>watch</c> must scale them the same way, not with a normaliser fitted afresh
/// from the evaluation episodes.
/// </summary>
public sealed class SavedObservationStatisticsTests
{
    private static readonly RunSetup Setup = new(BuiltInPackages.EnvRegistry(), BuiltInPackages.AgentRegistry());

    [Fact]
    public void Eval_scales_observations_by_the_statistics_the_agent_was_trained_with()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Run("train", "Pendulum-v1", "--agent", "a2c", "--wrap", "normalize-observation", "--steps", "4000", "--seed", "3", "--out", dir.Path);
        Assert.True(r.ExitCode == 0, r.Error);

        // The trained agent on an environment holding copy 0's statistics at the end of training (its checkpoint), frozen.
        var run = new RunDirectory(dir.Path);
        var config = run.ReadConfig();
        using var env = Setup.MakeEnv(config);
        var agent = Setup.MakeAgent(config, env, Seeds.Agent(config.Seed));
        run.LoadAgent(agent);
        EnvState.Restore(env, run.Checkpoints.Load(config.Env, config.Agent).Copies[0].State!);
        var normalizer = Assert.IsType<NormalizeObservation<float[]>>(env);
        // 4 000 steps over a2c's 8 copies: copy 0 saw about 500 observations.
        Assert.True(normalizer.Statistics.Count > 400, $"the training copy saw {normalizer.Statistics.Count} observations");
        normalizer.UpdateRunningMean = false;
        double expected = Evaluator.Run(env, agent, 3, Seeds.Evaluation(config.Seed)).Mean;

        r = CliRun.Run("eval", dir.Path, "--episodes", "3", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(expected, MeanReturn(r.Out));
    }

    [Fact]
    public void Eval_best_scales_observations_by_the_statistics_saved_with_the_best_agent()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Run("train", "Pendulum-v1", "--agent", "a2c", "--wrap", "normalize-observation", "--steps", "4000", "--seed", "5",
            "--eval-every", "8", "--out", dir.Path);
        Assert.True(r.ExitCode == 0, r.Error);

        // The statistics beside best-agent.bin are a training copy's (fitted from its observations), frozen on restore.
        var run = new RunDirectory(dir.Path);
        var config = run.ReadConfig();
        using var env = Setup.MakeEnv(config);
        var agent = Setup.MakeAgent(config, env, Seeds.Agent(config.Seed));
        using (var fs = File.OpenRead(run.BestAgentPath)) agent.Load(fs);
        Assert.True(run.RestoreWrapperStatistics(env, RunDirectory.BestAgentFileName));
        var normalizer = Assert.IsType<NormalizeObservation<float[]>>(env);
        Assert.False(normalizer.UpdateRunningMean);
        Assert.True(normalizer.Statistics.Count > 100, $"the best agent's statistics count {normalizer.Statistics.Count} observations");
        double expected = Evaluator.Run(env, agent, 3, Seeds.Evaluation(config.Seed)).Mean;

        r = CliRun.Run("eval", dir.Path, "--best", "--episodes", "3", "--json");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(expected, MeanReturn(r.Out));
    }

    [Fact]
    public void Eval_of_a_run_without_saved_statistics_says_they_are_fitted_afresh()
    {
        using var dir = new TempDirectory();
        var r = CliRun.Run("train", "CartPole-v1", "--agent", "a2c", "--wrap", "normalize-observation", "--steps", "500", "--out", dir.Path);
        Assert.True(r.ExitCode == 0, r.Error);
        File.Delete(RunDirectory.WrapperStatisticsPath(new RunDirectory(dir.Path).AgentPath));

        r = CliRun.Run("eval", dir.Path, "--episodes", "2");
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("fitted afresh", r.Error);
    }

    private static double MeanReturn(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("mean_return").GetDouble();
    }
}
