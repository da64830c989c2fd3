using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Training.Metrics;
using RlGym.Training.Runs;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

/// <summary>The one loop over K environment copies: budgets, the env column, autoreset and exact resume.</summary>
public sealed class VectorTrainerTests
{
    private static TrainerOptions Options(string dir, long seed, int copies) => new()
    {
        Seed = seed,
        Episodes = 90,
        Envs = copies,
        EvalEvery = 10,
        EvalEpisodes = 5,
        EvaluationEnv = () => new RandomWalkEnv(),
        CheckpointEvery = 7,
        Directory = new RunDirectory(dir),
        WriteLearningCurve = false,
    };

    private static TrainingResult Train(TrainerOptions options, TinyQAgent agent, CancellationToken cancellation = default)
    {
        using var trainer = Trainer.Create(() => new RandomWalkEnv(), agent, options);
        return trainer.Run(cancellation);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(8)]
    public void Every_copy_plays_episodes_and_the_env_column_names_it(int copies)
    {
        using var dir = new TempDirectory();
        var result = Train(Options(dir.Path, 4, copies), new TinyQAgent(7, 2, 4));
        var rows = MetricsReader.Read(Path.Combine(dir.Path, "metrics.csv"));
        Assert.Equal(90, result.Episodes);
        Assert.Equal(90, rows.Count);
        Assert.Equal(Enumerable.Range(0, copies), rows.Select(r => r.Env).Distinct().Order());
        Assert.Equal(result.TotalSteps, rows[^1].TotalSteps);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(3, 1000)]
    [InlineData(8, 1001)]
    public void A_step_budget_counts_the_steps_of_every_copy_exactly(int copies, long steps)
    {
        var options = new TrainerOptions { Seed = 2, Steps = steps, Envs = copies };
        var agent = new TinyQAgent(7, 2, 2);
        using var trainer = Trainer.Create(() => new RandomWalkEnv(), agent, options);
        var result = trainer.Run();
        Assert.Equal(steps, result.TotalSteps);
        Assert.Equal(steps, agent.Updates);
    }

    [Fact]
    public void Copies_are_made_by_the_run_factory_and_seeded_one_apart()
    {
        int made = 0;
        var observed = new List<int>();
        var agent = new RecordingAgent(observed);
        using var trainer = Trainer.Create(() => { made++; return new RandomWalkEnv(); }, agent, new TrainerOptions { Seed = 10, Steps = 12, Envs = 4 });
        trainer.Run();
        Assert.Equal(4, made);
        Assert.Equal(4, trainer.Environments.Count);
        // The first vector step steps copies 0..3 from their first observations.
        Assert.Equal([0, 1, 2, 3], agent.FirstBatchCopies);
    }

    [Fact]
    public void A_copy_whose_episode_ended_is_reset_in_the_next_step_and_gives_no_transition_then()
    {
        var agent = new RecordingAgent([]);
        // Copy 0 ends an episode at every step (three cells, no slip); copy 1 walks 50 steps to its end.
        int made = 0;
        using var trainer = Trainer.Create(() => made++ == 0 ? new RandomWalkEnv(n: 3, slip: 0) : new RandomWalkEnv(n: 101, slip: 0),
            agent, new TrainerOptions { Seed = 1, Steps = 30, Envs = 2 });
        trainer.Run();
        for (int b = 0; b < agent.Batches.Count; b++)
        {
            int[] expected = b % 2 == 0 ? [0, 1] : [1];
            Assert.Equal(expected, agent.Batches[b].Select(t => t.Copy));
        }
        Assert.All(agent.Batches.SelectMany(t => t).Where(t => t.Copy == 0), t => Assert.Equal(1, t.Observation));
    }

    [Theory]
    [InlineData(3, 131)]  // mid-episode, cancelled
    [InlineData(3, 377)]
    [InlineData(5, 59)]
    public void A_run_of_several_copies_cancelled_at_any_step_resumes_exactly(int copies, long stopAt)
    {
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        var uninterrupted = new TinyQAgent(7, 2, 9);
        Train(Options(whole.Path, 9, copies), uninterrupted);

        using var cts = new CancellationTokenSource();
        var first = Train(Options(split.Path, 9, copies) with { Observers = [new CancelFrom(stopAt, cts)] }, new TinyQAgent(7, 2, 9), cts.Token);
        Assert.True(first.Cancelled);
        Assert.True(first.Episodes < 90);
        var resumed = new TinyQAgent(7, 2, 1234); // overwritten by the checkpoint
        Train(Options(split.Path, 9, copies) with { Resume = true }, resumed);

        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(split.Path, "metrics.csv")));
        Assert.Equal(uninterrupted.Bytes(), resumed.Bytes());
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, "agent.bin")), File.ReadAllBytes(Path.Combine(split.Path, "agent.bin")));
    }

    [Theory]
    [InlineData(3, 41)]
    [InlineData(4, 58)]
    public void A_run_stopped_by_its_episode_budget_part_way_through_a_step_extends_exactly(int copies, int stopAt)
    {
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        var uninterrupted = new TinyQAgent(7, 2, 5);
        Train(Options(whole.Path, 5, copies), uninterrupted);

        Train(Options(split.Path, 5, copies) with { Episodes = stopAt }, new TinyQAgent(7, 2, 5));
        Assert.Equal(stopAt + 1, File.ReadAllLines(Path.Combine(split.Path, "metrics.csv")).Length);
        var resumed = new TinyQAgent(7, 2, 77);
        Train(Options(split.Path, 5, copies) with { Resume = true }, resumed);

        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(split.Path, "metrics.csv")));
        Assert.Equal(uninterrupted.Bytes(), resumed.Bytes());
    }

    [Fact]
    public void A_step_budget_stop_extends_exactly_too()
    {
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        var uninterrupted = new TinyQAgent(7, 2, 6);
        Train(Options(whole.Path, 6, 3) with { Episodes = null, Steps = 900 }, uninterrupted);
        Train(Options(split.Path, 6, 3) with { Episodes = null, Steps = 451 }, new TinyQAgent(7, 2, 6));
        var resumed = new TinyQAgent(7, 2, 8);
        Train(Options(split.Path, 6, 3) with { Episodes = null, Steps = 900, Resume = true }, resumed);
        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(split.Path, "metrics.csv")));
        Assert.Equal(uninterrupted.Bytes(), resumed.Bytes());
    }

    [Fact]
    public void Resuming_with_another_number_of_copies_is_refused_before_any_file_changes()
    {
        using var dir = new TempDirectory();
        Train(Options(dir.Path, 1, 3) with { Episodes = 20 }, new TinyQAgent(7, 2, 1));
        var metrics = File.ReadAllBytes(Path.Combine(dir.Path, "metrics.csv"));
        var e = Assert.Throws<Core.Errors.UserInputException>(() => Train(Options(dir.Path, 1, 2) with { Resume = true }, new TinyQAgent(7, 2, 1)));
        Assert.Contains("3 environment copies", e.Message);
        Assert.Equal(metrics, File.ReadAllBytes(Path.Combine(dir.Path, "metrics.csv")));
    }

    [Fact]
    public void Resuming_with_a_budget_the_run_already_has_is_refused()
    {
        using var dir = new TempDirectory();
        Train(Options(dir.Path, 1, 1) with { Episodes = 30 }, new TinyQAgent(7, 2, 1));
        var e = Assert.Throws<Core.Errors.UserInputException>(() => Train(Options(dir.Path, 1, 1) with { Episodes = 10, Resume = true }, new TinyQAgent(7, 2, 1)));
        Assert.Contains("already has 30 episodes", e.Message);
    }

    [Fact]
    public void The_best_evaluation_saves_its_agent()
    {
        using var dir = new TempDirectory();
        Train(Options(dir.Path, 3, 2), new TinyQAgent(7, 2, 3));
        Assert.True(File.Exists(Path.Combine(dir.Path, RunDirectory.BestAgentFileName)));
    }

    private sealed class CancelFrom(long step, CancellationTokenSource cts) : ITrainingObserver
    {
        public void OnStep(IEnv env, object observation, long totalSteps)
        {
            if (totalSteps >= step) cts.Cancel();
        }
    }

    /// <summary>Records the transitions of every batch; acts "right" always.</summary>
    private sealed class RecordingAgent(List<int> sink) : IAgent<int, int>
    {
        public List<Transition<int, int>[]> Batches { get; } = [];
        public int[] FirstBatchCopies => [.. Batches[0].Select(t => t.Copy)];
        public string Name => "recording";
        public int Act(int observation, bool explore) => 1;
        public void Observe(in Transition<int, int> transition) => sink.Add(transition.Copy);
        public void Observe(ReadOnlySpan<Transition<int, int>> transitions) => Batches.Add(transitions.ToArray());
        public void Save(Stream stream) { }
        public void Load(Stream stream) { }
    }
}
