using RlGym.Core.Errors;
using RlGym.Training.Metrics;
using RlGym.Training.Runs;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

public sealed class TrainerTests
{
    private static TrainerOptions Options(string dir, long seed, int episodes) => new()
    {
        Seed = seed,
        Episodes = episodes,
        EvalEvery = 10,
        EvalEpisodes = 5,
        EvaluationEnv = () => new RandomWalkEnv(),
        CheckpointEvery = 7,
        Directory = new RunDirectory(dir),
        WriteLearningCurve = false,
    };

    private static TrainingResult Train(string dir, long seed, int episodes, TinyQAgent? agent = null, bool resume = false,
        CancellationToken cancellation = default, IReadOnlyList<ITrainingObserver>? observers = null)
    {
        var env = new RandomWalkEnv();
        agent ??= new TinyQAgent(7, 2, Seeds.Agent(seed));
        var options = Options(dir, seed, episodes) with { Resume = resume, Observers = observers ?? [] };
        return Trainer.Create(env, agent, options).Run(cancellation);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(42)]
    public void Same_seed_gives_the_same_metrics_file_apart_from_wall_time(long seed)
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        Train(a.Path, seed, 60);
        Train(b.Path, seed, 60);
        var metricsA = MetricsFile.WithoutWallTime(Path.Combine(a.Path, "metrics.csv"));
        Assert.Equal(61, metricsA.Length);
        Assert.Equal(metricsA, MetricsFile.WithoutWallTime(Path.Combine(b.Path, "metrics.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(a.Path, "agent.bin")), File.ReadAllBytes(Path.Combine(b.Path, "agent.bin")));
    }

    [Fact]
    public void Different_seeds_give_different_metrics()
    {
        using var a = new TempDirectory();
        using var b = new TempDirectory();
        Train(a.Path, 1, 40);
        Train(b.Path, 2, 40);
        Assert.NotEqual(MetricsFile.WithoutWallTime(Path.Combine(a.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(b.Path, "metrics.csv")));
    }

    [Theory]
    [InlineData(3, 20)]
    [InlineData(7, 14)]
    [InlineData(11, 33)]
    public void A_run_stopped_at_its_budget_and_resumed_equals_the_uninterrupted_run(long seed, int stopAt)
    {
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        var uninterrupted = new TinyQAgent(7, 2, Seeds.Agent(seed));
        Train(whole.Path, seed, 50, uninterrupted);

        Train(split.Path, seed, stopAt);
        var resumedAgent = new TinyQAgent(7, 2, Seeds.Agent(seed + 1000)); // overwritten by the checkpoint
        var result = Train(split.Path, seed, 50, resumedAgent, resume: true);

        Assert.Equal(stopAt, result.ResumedFromEpisode);
        Assert.Equal(50, result.Episodes);
        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(split.Path, "metrics.csv")));
        Assert.Equal(uninterrupted.Bytes(), resumedAgent.Bytes());
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, "agent.bin")), File.ReadAllBytes(Path.Combine(split.Path, "agent.bin")));
    }

    [Fact]
    public void A_run_cancelled_at_an_episode_end_and_resumed_equals_the_uninterrupted_run()
    {
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        Train(whole.Path, 5, 45);

        using var cts = new CancellationTokenSource();
        var first = Train(split.Path, 5, 45, cancellation: cts.Token, observers: [new CancelAt(23, cts)]);
        Assert.True(first.Cancelled);
        Assert.Equal(24, first.Episodes);
        Assert.Equal(25, File.ReadAllLines(Path.Combine(split.Path, "metrics.csv")).Length);

        Train(split.Path, 5, 45, resume: true);
        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(split.Path, "metrics.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, "agent.bin")), File.ReadAllBytes(Path.Combine(split.Path, "agent.bin")));
    }

    [Fact]
    public void A_run_cancelled_mid_episode_resumes_exactly_from_the_saved_environment_state()
    {
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        Train(whole.Path, 5, 45);

        using var cts = new CancellationTokenSource();
        var first = Train(split.Path, 5, 45, cancellation: cts.Token, observers: [new CancelAtStep(101, cts)]);
        Assert.True(first.Cancelled);
        Assert.InRange(first.Episodes, 1, 44);
        var copy = Assert.Single(new RunDirectory(split.Path).Checkpoints.Load().Copies);
        Assert.NotNull(copy.State);
        Assert.False(copy.Resetting);
        Assert.True(copy.Length > 0, "the checkpoint should fall inside an episode");

        Train(split.Path, 5, 45, resume: true);
        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(split.Path, "metrics.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, "agent.bin")), File.ReadAllBytes(Path.Combine(split.Path, "agent.bin")));
    }

    [Fact]
    public void Resuming_cuts_metrics_rows_written_after_the_checkpoint()
    {
        using var dir = new TempDirectory();
        using var whole = new TempDirectory();
        Train(whole.Path, 9, 30);
        Train(dir.Path, 9, 20);
        // Rows a crashed session wrote after its last checkpoint must not be duplicated by the resume.
        var metrics = Path.Combine(dir.Path, "metrics.csv");
        File.AppendAllText(metrics, "20,999,1,1,0.5,1,\n21,1000,1,1,0.5,1,\n22,10");
        Train(dir.Path, 9, 30, resume: true);
        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(metrics));
    }

    [Fact]
    public void Cancelling_mid_episode_on_an_env_that_cannot_save_its_state_keeps_its_generator_and_says_so()
    {
        using var dir = new TempDirectory();
        using var cts = new CancellationTokenSource();
        var env = new CorridorEnv(10);
        var agent = new TinyQAgent(11, 2, 1);
        var options = new TrainerOptions { Seed = 1, Episodes = 100, Directory = new RunDirectory(dir.Path), WriteLearningCurve = false, Observers = [new CancelAtStep(125, cts)] };
        var result = Trainer.Create(env, agent, options).Run(cts.Token);

        Assert.True(result.Cancelled);
        Assert.Equal(12, result.Episodes);
        Assert.Equal(125, result.TotalSteps);
        Assert.Equal(12, MetricsReader.Read(Path.Combine(dir.Path, "metrics.csv")).Count);
        var checkpoint = new RunDirectory(dir.Path).Checkpoints.Load();
        Assert.Equal(12, checkpoint.Episode);
        Assert.Equal(125, checkpoint.TotalSteps);
        var copy = Assert.Single(checkpoint.Copies);
        Assert.Null(copy.State);
        Assert.NotNull(copy.Random);
        Assert.Equal(agent.Bytes(), checkpoint.Agent);
    }

    [Fact]
    public void A_step_budget_stops_at_exactly_that_many_steps()
    {
        var result = Trainer.Create(new CorridorEnv(10), new TinyQAgent(11, 2, 1), new TrainerOptions { Seed = 0, Steps = 95 }).Run();
        Assert.Equal(9, result.Episodes);
        Assert.Equal(95, result.TotalSteps);
    }

    [Fact]
    public void Evaluation_on_its_own_environment_does_not_perturb_the_training_stream()
    {
        var withEval = Trainer.Create(new RandomWalkEnv(), new TinyQAgent(7, 2, 3), new TrainerOptions
        {
            Seed = 3, Episodes = 80, KeepReturns = true, EvalEvery = 5, EvalEpisodes = 4, EvaluationEnv = () => new RandomWalkEnv(),
        }).Run();
        var without = Trainer.Create(new RandomWalkEnv(), new TinyQAgent(7, 2, 3), new TrainerOptions { Seed = 3, Episodes = 80, KeepReturns = true }).Run();
        Assert.Equal(without.Returns, withEval.Returns);
        Assert.NotNull(withEval.LastEvaluation);
        Assert.Equal(4, withEval.LastEvaluation!.Episodes);
    }

    [Fact]
    public void Evaluation_returns_land_in_the_eval_column_at_the_cadence()
    {
        using var dir = new TempDirectory();
        Train(dir.Path, 4, 30);
        var rows = MetricsReader.Read(Path.Combine(dir.Path, "metrics.csv"));
        Assert.Equal([9, 19, 29], rows.Where(r => r.EvalReturn.HasValue).Select(r => r.Episode));
        Assert.All(rows, r => Assert.InRange(r.ExplorationRate, 0.05, 1.0));
    }

    [Fact]
    public void An_agent_for_other_spaces_is_refused_with_a_user_error()
    {
        var agent = new OtherTypesAgent();
        var e = Assert.Throws<UserInputException>(() => Trainer.Create(new RandomWalkEnv(), agent, new TrainerOptions { Episodes = 1 }));
        Assert.Contains("float-agent", e.Message);
        Assert.Contains("RandomWalk-test", e.Message);
    }

    [Fact]
    public void An_existing_run_is_refused_unless_forced_or_resumed()
    {
        using var dir = new TempDirectory();
        Train(dir.Path, 1, 5);
        var e = Assert.Throws<UserInputException>(() => Train(dir.Path, 1, 5));
        Assert.Contains("--force", e.Message);
        Assert.Contains("--resume", e.Message);
        var forced = Trainer.Create(new RandomWalkEnv(), new TinyQAgent(7, 2, 1), Options(dir.Path, 1, 3) with { Force = true }).Run();
        Assert.Equal(3, forced.Episodes);
        Assert.Equal(3, MetricsReader.Read(Path.Combine(dir.Path, "metrics.csv")).Count);
    }

    [Fact]
    public void A_run_stopped_after_its_last_checkpoint_but_before_its_agent_file_completes_to_the_uninterrupted_files()
    {
        using var whole = new TempDirectory();
        using var stopped = new TempDirectory();
        Train(whole.Path, 4, 30);
        Train(stopped.Path, 4, 30);
        File.Delete(Path.Combine(stopped.Path, "agent.bin"));

        Assert.Throws<UserInputException>(() => Train(stopped.Path, 4, 30, resume: true));
        var options = Options(stopped.Path, 4, 30) with { Resume = true, CompleteTrainedRun = true };
        var result = Trainer.Create(new RandomWalkEnv(), new TinyQAgent(7, 2, Seeds.Agent(99)), options).Run();

        Assert.Equal(30, result.Episodes);
        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(stopped.Path, "metrics.csv")));
        Assert.Equal(File.ReadAllBytes(Path.Combine(whole.Path, "agent.bin")), File.ReadAllBytes(Path.Combine(stopped.Path, "agent.bin")));
    }

    [Fact]
    public void Resuming_with_another_seed_is_refused_and_touches_nothing()
    {
        using var dir = new TempDirectory();
        Train(dir.Path, 1, 10);
        var metrics = File.ReadAllBytes(Path.Combine(dir.Path, "metrics.csv"));
        var e = Assert.Throws<UserInputException>(() => Train(dir.Path, 2, 20, resume: true));
        Assert.Contains("seed 1", e.Message);
        Assert.Equal(metrics, File.ReadAllBytes(Path.Combine(dir.Path, "metrics.csv")));
    }

    [Fact]
    public void The_run_directory_gets_a_learning_curve()
    {
        using var dir = new TempDirectory();
        var options = Options(dir.Path, 0, 30) with { WriteLearningCurve = true, MovingAverage = 5 };
        var result = Trainer.Create(new RandomWalkEnv(), new TinyQAgent(7, 2, 0), options).Run();
        Assert.Empty(result.Warnings);
        var png = File.ReadAllBytes(Path.Combine(dir.Path, "learning-curve.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
    }

    [Fact]
    public void A_run_cancelled_before_its_first_episode_resumes_from_the_seed()
    {
        using var whole = new TempDirectory();
        using var split = new TempDirectory();
        Train(whole.Path, 8, 20);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        var first = Train(split.Path, 8, 20, cancellation: cts.Token);
        Assert.True(first.Cancelled);
        Assert.Equal(0, first.Episodes);
        Train(split.Path, 8, 20, resume: true);
        Assert.Equal(MetricsFile.WithoutWallTime(Path.Combine(whole.Path, "metrics.csv")), MetricsFile.WithoutWallTime(Path.Combine(split.Path, "metrics.csv")));
    }

    private sealed class CancelAt(int episode, CancellationTokenSource cts) : ITrainingObserver
    {
        public void OnEpisode(EpisodeMetrics metrics)
        {
            if (metrics.Episode == episode) cts.Cancel();
        }
    }

    private sealed class CancelAtStep(long step, CancellationTokenSource cts) : ITrainingObserver
    {
        public void OnStep(Core.Environments.IEnv env, object observation, long totalSteps)
        {
            if (totalSteps == step) cts.Cancel();
        }
    }

    private sealed class OtherTypesAgent : Core.Agents.IAgent<float[], int>
    {
        public string Name => "float-agent";
        public int Act(float[] observation, bool explore) => 0;
        public void Observe(in Core.Agents.Transition<float[], int> transition) { }
        public void EndEpisode() { }
        public void Save(Stream stream) { }
        public void Load(Stream stream) { }
    }
}
