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

    private SelfPlayTrainer<TicTacToeState, Ttt> Trainer(string name, int games, int seed = 3)
    {
        var dir = new RunDirectory(Path.Combine(_root, name));
        Directory.CreateDirectory(dir.Path);
        var learner = new AlphaZeroPlayer<TicTacToeState, Ttt>(default, s_small, seed);
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

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }
}
