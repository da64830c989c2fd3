using RlGym.Agents.PolicyGradient;
using RlGym.Core.Agents;
using RlGym.Training;
using RlGym.Training.Runs;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// The "Headless runs that survive" contract for a neural agent: a run stopped at a checkpoint and resumed writes the
/// same metrics and the same final weights (and optimizer state) as the run left alone.
/// </summary>
public sealed class ResumeTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rlgym-pg-resume-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static IAgent NewAgent(long seed)
    {
        var factory = new AgentRegistry().Add(new PolicyGradientAgents()).Get("reinforce-baseline");
        return factory.Create(Solving.Make("CartPole-v1"), new Dictionary<string, string>(), Seeds.Agent(seed));
    }

    private static TrainingResult Train(string dir, long seed, int episodes, bool resume = false, CancellationToken cancellation = default,
        Training.Metrics.ITrainingObserver? observer = null)
    {
        var options = new TrainerOptions
        {
            Seed = seed,
            Episodes = episodes,
            CheckpointEvery = 5,
            Directory = new RunDirectory(dir),
            Resume = resume,
            WriteLearningCurve = false,
            Observers = observer is null ? [] : [observer],
        };
        return Trainer.Create(Solving.Make("CartPole-v1"), NewAgent(seed), options).Run(cancellation);
    }

    private static string[] WithoutWallTime(string path) =>
        File.ReadAllLines(path).Select(line =>
        {
            var cols = line.Split(',');
            cols[5] = "";
            return string.Join(",", cols);
        }).ToArray();

    [Theory]
    [InlineData(3L)]
    [InlineData(11L)]
    public void Reinforce_with_baseline_stopped_by_ctrl_c_and_resumed_equals_the_uninterrupted_run(long seed)
    {
        string whole = Path.Combine(_root, $"whole-{seed}"), split = Path.Combine(_root, $"split-{seed}");
        Train(whole, seed, 30);

        // Cancel in the middle of an episode, as Ctrl+C would: the trainer finishes that episode and checkpoints.
        using var cts = new CancellationTokenSource();
        var first = Train(split, seed, 30, cancellation: cts.Token, observer: new CancelAtStep(400, cts));
        Assert.True(first.Cancelled);
        Assert.InRange(first.Episodes, 1, 29);

        Train(split, seed, 30, resume: true);
        Assert.Equal(WithoutWallTime(Path.Combine(whole, "metrics.csv")), WithoutWallTime(Path.Combine(split, "metrics.csv")));
        Assert.Equal(File.ReadAllBytes(new RunDirectory(whole).AgentPath), File.ReadAllBytes(new RunDirectory(split).AgentPath));
    }

    private sealed class CancelAtStep(long step, CancellationTokenSource cts) : Training.Metrics.ITrainingObserver
    {
        public void OnStep(Core.Environments.IEnv env, object observation, long totalSteps)
        {
            if (totalSteps == step) cts.Cancel();
        }
    }
}
