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
        Assert.InRange(result.Episodes, 90, 90 + copies - 1);
        Assert.Equal(result.Episodes, rows.Count);
        Assert.Equal(Enumerable.Range(0, copies), rows.Select(r => r.Env).Distinct().Order());
        Assert.InRange(rows[^1].TotalSteps, result.TotalSteps - copies + 1, result.TotalSteps);
    }

    [Theory]
    [InlineData(1, 1000)]
    [InlineData(3, 1000)]
    [InlineData(8, 1001)]
    public void A_step_budget_counts_the_steps_of_every_copy_and_stops_at_the_first_vector_step_past_it(int copies, long steps)
    {
        var options = new TrainerOptions { Seed = 2, Steps = steps, Envs = copies };
        var agent = new TinyQAgent(7, 2, 2);
        using var trainer = Trainer.Create(() => new RandomWalkEnv(), agent, options);
        var result = trainer.Run();
        Assert.InRange(result.TotalSteps, steps, steps + copies - 1);
        if (copies == 1) Assert.Equal(steps, result.TotalSteps);
        Assert.Equal(result.TotalSteps, agent.Updates);
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
    public void A_run_stopped_by_its_episode_budget_extends_exactly(int copies, int stopAt)
    {
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        var uninterrupted = new TinyQAgent(7, 2, 5);
        Train(Options(whole.Path, 5, copies), uninterrupted);

        Train(Options(split.Path, 5, copies) with { Episodes = stopAt }, new TinyQAgent(7, 2, 5));
        Assert.InRange(File.ReadAllLines(Path.Combine(split.Path, "metrics.csv")).Length - 1, stopAt, stopAt + copies - 1);
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

    [Fact]
    public void A_mosaic_observer_hears_of_its_copies_only_and_of_every_vector_step_once_all_copies_moved()
    {
        var envs = new List<RandomWalkEnv>();
        var mosaic = new MosaicLog(watched: 3, envs);
        var options = new TrainerOptions { Seed = 5, Steps = 400, Envs = 4, Observers = [mosaic] };
        using (var trainer = Trainer.Create(() => { var e = new RandomWalkEnv(); envs.Add(e); return e; }, new TinyQAgent(7, 2, 5), options))
            trainer.Run();

        Assert.Equal([1, 2], mosaic.Copies.Order());
        // Every step of a watched copy is reported once, with the observation the copy returned.
        Assert.All(mosaic.Events, e => Assert.True(e.Matches, $"copy {e.Copy}: {e.Observation} reported, env at {e.EnvState}"));
        // One call after the first resets, then one per vector step: copy 0 steps or is reset in each.
        Assert.Equal(mosaic.CopyZeroCalls, mosaic.StepsEnded);
        Assert.InRange(mosaic.StepsEnded, 101, 400);
        Assert.True(mosaic.Coherent, "a vector step ended before every watched copy was reported");
        Assert.Contains(mosaic.Events, e => e.Reset && e.Copy == 2);
    }

    [Fact]
    public void Observers_of_copy_0_alone_hear_nothing_of_the_other_copies()
    {
        var plain = new MosaicLog(watched: 1, []);
        var options = new TrainerOptions { Seed = 5, Steps = 100, Envs = 4, Observers = [plain] };
        using (var trainer = Trainer.Create(() => new RandomWalkEnv(), new TinyQAgent(7, 2, 5), options)) trainer.Run();
        Assert.Empty(plain.Events);
        Assert.Equal(0, plain.StepsEnded);
        Assert.True(plain.CopyZeroCalls > 0);
    }

    /// <summary>Logs what a mosaic hears of copies other than 0, checking each against the copy's own state.</summary>
    private sealed class MosaicLog(int watched, List<RandomWalkEnv> envs) : ITrainingObserver
    {
        public List<(int Copy, int Observation, int EnvState, bool Reset, bool Matches)> Events { get; } = [];
        public IEnumerable<int> Copies => Events.Select(e => e.Copy).Distinct();
        public int StepsEnded { get; private set; }
        public int CopyZeroCalls { get; private set; }
        public int WatchedCopies => watched;

        /// <summary>False once a vector step ended with a watched copy's last report behind its env's state.</summary>
        public bool Coherent { get; private set; } = true;

        private readonly Dictionary<int, int> _last = [];

        public void OnEpisodeStart(IEnv env, object observation) => Zero(observation);

        public void OnStep(IEnv env, object observation, long totalSteps) => Zero(observation);

        private bool _zeroSinceStepped;

        private void Zero(object observation)
        {
            CopyZeroCalls++;
            _last[0] = (int)observation;
            _zeroSinceStepped = true;
        }

        public void OnCopyEpisodeStart(int copy, IEnv env, object observation) => Log(copy, env, observation, reset: true);

        public void OnCopyStep(int copy, IEnv env, object observation, object action, double reward) => Log(copy, env, observation, reset: false);

        public void OnCopiesStepped()
        {
            // Copy 0 steps or is reset in every vector step, so each call must follow one of its reports.
            if (!_zeroSinceStepped) Coherent = false;
            _zeroSinceStepped = false;
            StepsEnded++;
            for (int c = 0; c < watched; c++)
                if (!_last.TryGetValue(c, out int seen) || seen != envs[c].State) Coherent = false;
        }

        private void Log(int copy, IEnv env, object observation, bool reset)
        {
            int state = envs[copy].State;
            Events.Add((copy, (int)observation, state, reset, ReferenceEquals(env, envs[copy]) && state == (int)observation));
            _last[copy] = (int)observation;
        }
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
