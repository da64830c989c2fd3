using RlGym.Core.Checking;
using RlGym.Core.MultiAgent;
using RlGym.Core.Registration;
using RlGym.Envs.Games;
using RlGym.Envs.Games.ConnectFour;
using RlGym.Envs.Games.MatrixGames;
using RlGym.Envs.Games.TicTacToe;

namespace RlGym.Agents.Search.Tests;

public sealed class GameRulesTests
{
    [Theory]
    [InlineData("XXX/OO./...", 0)]
    [InlineData("X.O/XO./O.X", 1)]
    [InlineData("XOX/XOO/OXX", -1)]
    public void TicTacToeFindsTheWinner(string board, int winner)
    {
        Assert.Equal(winner, new TicTacToeRules().Winner(TicTacToeRules.Parse(board)));
    }

    [Theory]
    [InlineData(new[] { 0, 1, 0, 1, 0, 1, 0 }, 0)]          // vertical
    [InlineData(new[] { 0, 0, 1, 1, 2, 2, 3 }, 0)]          // horizontal
    [InlineData(new[] { 0, 1, 1, 2, 2, 3, 2, 3, 3, 6, 3 }, 0)] // rising diagonal
    [InlineData(new[] { 6, 5, 5, 4, 4, 3, 4, 3, 3, 0, 3 }, 0)] // falling diagonal
    [InlineData(new[] { 6, 0, 6, 1, 6, 2, 5, 3 }, 1)]       // second player's row
    public void ConnectFourFindsFourInALine(int[] moves, int winner)
    {
        var rules = new ConnectFourRules();
        var s = rules.Initial;
        foreach (var m in moves)
        {
            Assert.False(rules.IsOver(s));
            s = rules.Play(s, m);
        }
        Assert.Equal(winner, rules.Winner(s));
    }

    [Fact]
    public void ConnectFourLinesDoNotWrapAroundColumns()
    {
        // Three at the top of column 0 and one at the bottom of column 1 are not a vertical four.
        var rules = new ConnectFourRules();
        var s = ConnectFourRules.Parse("X....../X....../X....../O....../O....../OX.....");
        Assert.Equal(-1, rules.Winner(s));
    }

    [Fact]
    public void AFullColumnIsNotLegal()
    {
        var rules = new ConnectFourRules();
        var s = rules.Initial;
        for (int i = 0; i < 6; i++) s = rules.Play(s, 3);
        Assert.False(rules.IsLegal(s, 3));
        Span<int> legal = stackalloc int[7];
        Assert.Equal(6, rules.LegalActions(s, legal));
    }

    [Fact]
    public void TheObservationIsFromTheMoversPointOfView()
    {
        using var env = new TicTacToeEnv();
        env.Reset(0);
        var obs = env.Step(4).Observation;             // X in the centre; O to move
        Assert.Equal(1, env.CurrentPlayer);
        Assert.Equal(0f, obs[2 * 4]);                  // O's plane: empty
        Assert.Equal(1f, obs[2 * 4 + 1]);              // opponent's plane: X
        var xView = new float[18];
        env.Observe(0, xView);
        Assert.Equal(1f, xView[2 * 4]);
    }

    [Fact]
    public void AWinRewardsBothPlayersAndEndsTheGameForBoth()
    {
        using var env = new TicTacToeEnv();
        env.Reset(0);
        foreach (var a in new[] { 0, 3, 1, 4 }) env.Step(a);
        var last = env.Step(2);
        Assert.True(last.Terminated);
        Assert.Equal(1, last.Reward);
        Assert.Equal([1.0, -1.0], env.Rewards.ToArray());
        Assert.True(env.IsTerminated(0) && env.IsTerminated(1));
    }

    [Fact]
    public void AnIllegalMoveLosesTheGameForItsMaker()
    {
        using var env = new ConnectFourEnv();
        env.Reset(0);
        for (int i = 0; i < 6; i++) env.Step(0);
        var mask = new bool[7];
        env.ActionMask(mask);
        Assert.False(mask[0]);
        var r = env.Step(0);
        Assert.True(r.Terminated);
        Assert.Equal(-1, r.Reward);
        Assert.Equal([-1.0, 0.0], env.Rewards.ToArray());
    }

    [Fact]
    public void ThePrisonersDilemmaPaysBothPlayers()
    {
        using var env = new MatrixGameEnv(MatrixGame.PrisonersDilemma());
        env.Reset(0);
        var r = env.Step([0, 1]);
        Assert.Equal(0, r.Reward);
        Assert.Equal([0.0, 5.0], env.Rewards.ToArray());
        Assert.True(r.Terminated);
    }

    [Theory]
    [InlineData("TicTacToe-v0")]
    [InlineData("ConnectFour-v0")]
    [InlineData("PrisonersDilemma-v0")]
    [InlineData("MatchingPennies-v0")]
    [InlineData("ClimbingGame-v0")]
    public void EveryGamePassesTheEnvChecker(string id)
    {
        var registry = new EnvRegistry().Add(new GameEnvironments());
        var report = EnvChecker.Check(registry.Make(id), seed: 0);
        Assert.True(report.Passed, string.Join("\n", report.Results.Where(r => !r.Passed).Select(r => $"{r.Name}: {r.Message}")));
    }

    [Fact]
    public void TheRegistryEnvReachesTheTurnBasedContractAndTheRules()
    {
        var registry = new EnvRegistry().Add(new GameEnvironments());
        using var env = registry.Make("ConnectFour-v0");
        Assert.IsAssignableFrom<ITurnBasedEnv>(env.Unwrapped);
        Assert.Equal("connect-four", ((IBoardGame)env.Unwrapped).Accept(new NameOf()));
    }

    private sealed class NameOf : IGameVisitor<string>
    {
        public string Visit<TState, TRules>(TRules rules) where TState : struct where TRules : struct, IGameRules<TState> => rules.Name;
    }
}
