using RlGym.Core.Errors;
using RlGym.Core.Random;
using RlGym.Training.Checkpoints;
using RlGym.Training.Runs;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

public sealed class CheckpointStoreTests
{
    private static Checkpoint Sample(int episode) => new()
    {
        EnvId = "FrozenLake-v1",
        AgentName = "q-learning",
        Seed = 7,
        Episode = episode,
        TotalSteps = episode * 10L,
        MetricsRows = episode,
        WallSeconds = 1.5,
        BestReturn = 1,
        LastReturn = 0,
        BestEvaluation = 0.75,
        Seeded = true,
        EvaluationStarted = true,
        EvaluationRandom = new Rng(5).GetState(),
        Copies =
        [
            new CopyCheckpoint { State = [9, 8, 7], Observation = ValueCodec.Encode(3), Return = 0.5, Length = 4 },
            new CopyCheckpoint { Random = new RngState(1, 2, 3, 4, true, 0.25), Resetting = true },
        ],
        Agent = [1, 2, 3, (byte)episode],
    };

    [Fact]
    public void A_checkpoint_round_trips_every_field()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        var saved = Sample(3);
        store.Save(saved);
        var loaded = store.Load("FrozenLake-v1", "q-learning");
        Assert.Equal(saved with { Agent = [], Copies = [] }, loaded with { Agent = [], Copies = [] });
        Assert.Equal(saved.Agent, loaded.Agent);
        Assert.Equal(saved.Copies.Count, loaded.Copies.Count);
        for (int i = 0; i < saved.Copies.Count; i++)
        {
            var (a, b) = (saved.Copies[i], loaded.Copies[i]);
            Assert.Equal(a with { State = null, Observation = null }, b with { State = null, Observation = null });
            Assert.Equal(a.State, b.State);
            Assert.Equal(a.Observation, b.Observation);
        }
    }

    [Fact]
    public void A_crash_between_temp_write_and_rename_leaves_the_old_checkpoint_loadable()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        store.Save(Sample(3));
        var temp = store.WriteTemporary(Sample(4)); // the process dies here, before Commit
        Assert.True(File.Exists(temp));
        Assert.Equal(3, new CheckpointStore(dir.Path).Load().Episode);
        store.Save(Sample(5)); // the next save replaces the stale temporary file
        Assert.Equal(5, store.Load().Episode);
        Assert.False(File.Exists(temp));
    }

    [Theory]
    [InlineData("flip")]
    [InlineData("truncate")]
    [InlineData("foreign-bytes")]
    [InlineData("version")]
    [InlineData("empty")]
    public void A_damaged_checkpoint_is_refused_with_a_user_error(string damage)
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        store.Save(Sample(3));
        var bytes = File.ReadAllBytes(store.FilePath);
        bytes = damage switch
        {
            "flip" => Flip(bytes, bytes.Length / 2),
            "truncate" => bytes[..(bytes.Length - 5)],
            "foreign-bytes" => "PK\u0003\u0004 this is a zip file, not a checkpoint"u8.ToArray(),
            "version" => Flip(bytes, 8),
            _ => [],
        };
        File.WriteAllBytes(store.FilePath, bytes);
        var e = Assert.Throws<UserInputException>(() => store.Load());
        Assert.Contains(store.FilePath, e.Message);
        Assert.Equal(bytes, File.ReadAllBytes(store.FilePath));
    }

    [Fact]
    public void A_checkpoint_of_another_environment_or_agent_is_refused()
    {
        using var dir = new TempDirectory();
        var store = new CheckpointStore(dir.Path);
        store.Save(Sample(3));
        Assert.Contains("'FrozenLake-v1', not 'Taxi-v3'", Assert.Throws<UserInputException>(() => store.Load("Taxi-v3", "q-learning")).Message);
        Assert.Contains("'q-learning', not 'sarsa'", Assert.Throws<UserInputException>(() => store.Load("FrozenLake-v1", "sarsa")).Message);
    }

    [Fact]
    public void Resuming_from_a_damaged_or_foreign_checkpoint_overwrites_nothing()
    {
        using var dir = new TempDirectory();
        var run = new RunDirectory(dir.Path);
        Trainer.Create(new RandomWalkEnv(), new TinyQAgent(7, 2, 1), new TrainerOptions
        {
            Seed = 1, Episodes = 12, CheckpointEvery = 5, Directory = run, WriteLearningCurve = false,
        }).Run();
        var metrics = File.ReadAllBytes(run.MetricsPath);
        var agentFile = File.ReadAllBytes(run.AgentPath);
        var good = File.ReadAllBytes(run.Checkpoints.FilePath);

        var foreign = new TinyQAgentNamed("other-agent");
        var options = new TrainerOptions { Seed = 1, Episodes = 30, Directory = run, Resume = true, WriteLearningCurve = false };
        Assert.Throws<UserInputException>(() => Trainer.Create(new RandomWalkEnv(), foreign, options).Run());
        File.WriteAllBytes(run.Checkpoints.FilePath, Flip(good, good.Length - 40));
        Assert.Throws<UserInputException>(() => Trainer.Create(new RandomWalkEnv(), new TinyQAgent(7, 2, 1), options).Run());

        Assert.Equal(metrics, File.ReadAllBytes(run.MetricsPath));
        Assert.Equal(agentFile, File.ReadAllBytes(run.AgentPath));
        Assert.Equal(Flip(good, good.Length - 40), File.ReadAllBytes(run.Checkpoints.FilePath));
    }

    private static byte[] Flip(byte[] bytes, int at)
    {
        var copy = (byte[])bytes.Clone();
        copy[at] ^= 0x5A;
        return copy;
    }

    private sealed class TinyQAgentNamed(string name) : Core.Agents.IAgent<int, int>
    {
        public string Name => name;
        public int Act(int observation, bool explore) => 0;
        public void Observe(in Core.Agents.Transition<int, int> transition) { }
        public void EndEpisode() { }
        public void Save(Stream stream) { }
        public void Load(Stream stream) => throw new InvalidOperationException("must not be reached");
    }
}
