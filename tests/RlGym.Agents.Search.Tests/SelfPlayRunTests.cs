using RlGym.Agents.Search.AlphaZero;
using RlGym.Agents.Search.Mcts;
using RlGym.Envs.Games.TicTacToe;
using RlGym.Training.Runs;
using RlGym.Training.SelfPlay;
using Ttt = RlGym.Envs.Games.TicTacToe.TicTacToeRules;

namespace RlGym.Agents.Search.Tests;

public sealed class SelfPlayRunTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "rlgym-selfplay-" + Guid.NewGuid().ToString("N"));

    private static readonly AlphaZeroOptions s_small = new() { Simulations = 16, HiddenSizes = [32], BatchSize = 16, BufferSize = 2000 };

    private SelfPlayTrainer<TicTacToeState, Ttt> Trainer(string name, int games, int seed = 3, int parallelGames = 1)
    {
        var dir = new RunDirectory(Path.Combine(_root, name));
        Directory.CreateDirectory(dir.Path);
        var learner = new AlphaZeroPlayer<TicTacToeState, Ttt>(default, s_small with { ParallelGames = parallelGames }, seed);
        return new SelfPlayTrainer<TicTacToeState, Ttt>(default, learner,
            s => new MctsPlayer<TicTacToeState, Ttt>(default, new MctsOptions { Simulations = 16 }, s), dir,
            new SelfPlayOptions { Games = games, EvalEvery = 3, EvalGames = 4, CheckpointEvery = 3, Seed = seed, EnvId = "TicTacToe-v0", AgentName = "alphazero" });
    }

    private string[] MetricsWithoutWallClock(string name) =>
        [.. File.ReadAllLines(Path.Combine(_root, name, "metrics.csv")).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != 6)))];

    [Fact]
    public void AResumedRunContinuesExactlyAsOneThatWasNeverStopped()
    {
        Trainer("straight", 6).Run(resume: false);
        var first = Trainer("stopped", 3).Run(resume: false);
        Assert.Equal(3, first.Games);
        var resumed = Trainer("stopped", 6).Run(resume: true);
        Assert.Equal(6, resumed.Games);

        var straight = MetricsWithoutWallClock("straight");
        Assert.Equal(7, straight.Length);
        Assert.Equal(straight, MetricsWithoutWallClock("stopped"));
        // The win rate against the baseline fills the rows of games 3 and 6.
        Assert.NotEqual("", straight[3].Split(',')[^2]);
        Assert.NotEqual("", straight[6].Split(',')[^2]);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "straight", "agent.bin")), File.ReadAllBytes(Path.Combine(_root, "stopped", "agent.bin")));
    }

    [Fact]
    public void Games_played_in_parallel_give_the_same_run_every_time()
    {
        Trainer("first", 8, parallelGames: 3).Run(resume: false);
        Trainer("second", 8, parallelGames: 3).Run(resume: false);

        Assert.Equal(MetricsWithoutWallClock("first"), MetricsWithoutWallClock("second"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "first", "agent.bin")), File.ReadAllBytes(Path.Combine(_root, "second", "agent.bin")));
    }

    [Fact]
    public void A_run_of_parallel_games_resumed_continues_exactly_as_one_that_was_never_stopped()
    {
        // Checkpoints every 3 games with 2 games at a time: groups of 2, 1, 2, 1, 2 end on the checkpoints and the budget.
        Trainer("straight", 8, parallelGames: 2).Run(resume: false);
        Assert.Equal(3, Trainer("stopped", 3, parallelGames: 2).Run(resume: false).Games);
        Assert.Equal(8, Trainer("stopped", 8, parallelGames: 2).Run(resume: true).Games);

        Assert.Equal(9, MetricsWithoutWallClock("straight").Length);
        Assert.Equal(MetricsWithoutWallClock("straight"), MetricsWithoutWallClock("stopped"));
        Assert.Equal(File.ReadAllBytes(Path.Combine(_root, "straight", "agent.bin")), File.ReadAllBytes(Path.Combine(_root, "stopped", "agent.bin")));
    }

    [Fact]
    public void Parallel_games_learn_from_the_networks_before_the_group_so_they_differ_from_one_game_at_a_time()
    {
        Trainer("one", 6).Run(resume: false);
        Trainer("two", 6, parallelGames: 2).Run(resume: false);

        // The first game is the same kind of game either way, but the groups' generators and networks differ afterwards.
        Assert.NotEqual(MetricsWithoutWallClock("one"), MetricsWithoutWallClock("two"));
    }

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
