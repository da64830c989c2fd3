using RlGym.Training.Runs;
using RlGym.Training.Metrics;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

public sealed class EnvironmentFaultTests
{
    private static TrainerOptions Options(string dir) => new()
    {
        Seed = 2, Episodes = 1000, CheckpointEvery = 5, Directory = new RunDirectory(dir), WriteLearningCurve = false,
    };

    [Fact]
    public void A_NaN_reward_stops_the_run_naming_env_episode_step_and_value()
    {
        using var dir = new TempDirectory();
        var e = Assert.Throws<EnvironmentFaultException>(() =>
            Trainer.Create(new FaultyEnv(faultAt: 200, throws: false), new TinyQAgent(7, 2, 2), Options(dir.Path)).Run());
        Assert.Equal("Faulty-test", e.EnvId);
        Assert.Equal(200, e.TotalSteps);
        Assert.Contains("Faulty-test", e.Message);
        Assert.Contains("reward NaN", e.Message);
        Assert.Contains($"episode {e.Episode}", e.Message);
        Assert.Contains($"step {e.Step}", e.Message);
        Assert.True(e.Step >= 1);
        // The episodes finished before the fault are in the metrics file.
        Assert.Equal(e.Episode, MetricsReader.Read(Path.Combine(dir.Path, "metrics.csv")).Count);
    }

    [Fact]
    public void A_fault_keeps_the_last_checkpoint_intact()
    {
        using var dir = new TempDirectory();
        var run = new RunDirectory(dir.Path);
        byte[]? lastGood = null;
        var watcher = new CheckpointWatcher(run, b => lastGood = b);
        Assert.Throws<EnvironmentFaultException>(() =>
            Trainer.Create(new FaultyEnv(faultAt: 300, throws: false), new TinyQAgent(7, 2, 2), Options(dir.Path) with { Observers = [watcher] }).Run());
        Assert.NotNull(lastGood);
        Assert.Equal(lastGood, File.ReadAllBytes(run.Checkpoints.FilePath));
        var checkpoint = run.Checkpoints.Load("Faulty-test", "tiny-q");
        Assert.Equal(0, checkpoint.Episode % 5);
        Assert.True(checkpoint.TotalSteps < 300);
    }

    [Fact]
    public void An_environment_that_throws_stops_the_run_with_the_cause()
    {
        var e = Assert.Throws<EnvironmentFaultException>(() =>
            Trainer.Create(new FaultyEnv(faultAt: 17, throws: true), new TinyQAgent(7, 2, 2), new TrainerOptions { Seed = 1, Episodes = 100 }).Run());
        Assert.Equal(17, e.TotalSteps);
        Assert.IsType<InvalidOperationException>(e.InnerException);
        Assert.Contains("the simulator diverged", e.Message);
    }

    [Fact]
    public void An_infinite_observation_element_is_named_with_its_index()
    {
        var e = Assert.Throws<EnvironmentFaultException>(() =>
            Trainer.Create(new BoxFaultEnv(faultAt: 4), new FirstActionAgent(), new TrainerOptions { Seed = 1, Episodes = 3 }).Run());
        Assert.Equal(0, e.Episode);
        Assert.Equal(4, e.Step);
        Assert.Contains("observation[1] = ∞", e.Message.Replace("Infinity", "∞"));
    }

    /// <summary>Copies the checkpoint file after every episode, so the test knows the last one written before the fault.</summary>
    private sealed class CheckpointWatcher(RunDirectory run, Action<byte[]> seen) : ITrainingObserver
    {
        public void OnEpisode(EpisodeMetrics metrics)
        {
            if (File.Exists(run.Checkpoints.FilePath)) seen(File.ReadAllBytes(run.Checkpoints.FilePath));
        }
    }

    private sealed class FirstActionAgent : Core.Agents.IAgent<float[], int>
    {
        public string Name => "first-action";
        public int Act(float[] observation, bool explore) => 0;
        public void Observe(in Core.Agents.Transition<float[], int> transition) { }
        public void EndEpisode() { }
        public void Save(Stream stream) { }
        public void Load(Stream stream) { }
    }
}
