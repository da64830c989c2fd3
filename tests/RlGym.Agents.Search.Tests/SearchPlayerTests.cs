using RlGym.Agents.Search;
using RlGym.Agents.Search.Mcts;
using RlGym.Agents.Search.Minimax;
using RlGym.Envs.Games.ConnectFour;
using RlGym.Envs.Games.TicTacToe;
using RlGym.Training.Games;
using Ttt = RlGym.Envs.Games.TicTacToe.TicTacToeRules;

namespace RlGym.Agents.Search.Tests;

public sealed class SearchPlayerTests
{
    private static readonly Ttt s_ttt = default;

    private static MinimaxPlayer<TicTacToeState, Ttt> Minimax(long seed) => new(s_ttt, new MinimaxOptions(), seed);

    private static MctsPlayer<TicTacToeState, Ttt> Mcts(int simulations, long seed) => new(s_ttt, new MctsOptions { Simulations = simulations }, seed);

    [Fact]
    public void MinimaxValuesTheEmptyTicTacToeBoardAsADraw()
    {
        Assert.Equal(0, Minimax(0).Value(s_ttt.Initial, 9), 12);
    }

    [Fact]
    public void MinimaxTakesAWinAndBlocksALoss()
    {
        // X to move with two in the top row: win at cell 2.
        Assert.Equal(2, Minimax(0).ChooseAction(Ttt.Parse("XX./OO./...")));
        // O to move; X threatens the left column (0, 3): block at 6.
        Assert.Equal(6, Minimax(0).ChooseAction(Ttt.Parse("XO./X../...") with { Plies = 3 }));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void MinimaxNeverLosesTicTacToeToRandom(long seed)
    {
        var result = Arena.Play(s_ttt, Minimax(seed), new RandomPlayer<TicTacToeState, Ttt>(s_ttt, seed + 100), 100, swap: true);
        Assert.Equal(0, result.Losses(0));
        Assert.True(result.Wins[0] >= 80, $"minimax won only {result.Wins[0]} of 100 against random");
    }

    [Fact]
    public void MinimaxAgainstItselfDrawsEveryGame()
    {
        var result = Arena.Play(s_ttt, Minimax(1), Minimax(2), 20, swap: true);
        Assert.Equal(20, result.Draws);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void MctsWithAThousandSimulationsNeverLosesToMinimax(long seed)
    {
        var result = Arena.Play(s_ttt, Mcts(1000, seed), Minimax(seed + 10), 100, swap: true);
        Assert.Equal(0, result.Losses(0));
    }

    /// <summary>
    /// The target: MCTS(1,000) wins 95% of its games against random, sides swapped, and loses none. The best
    /// never-losing player wins 0.9556 (RandomOpponentTests), so a 100-game match cannot tell: even that player passes
    /// one only ~72% of the time. Over 20,000 games a seed the standard error is 0.15 points. Measured: 19,045 (95.23%,
    /// seed 1) and 19,094 (95.47%, seed 2), none lost; together 95.35% (95% interval 95.14–95.55), as the exact value of
    /// its moves says (0.9533, RandomOpponentTests). With the solver on, MCTS's moves are worth 0.9467 and it would pass a
    /// seed with a chance of about 2%.
    /// </summary>
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(1)]
    [InlineData(2)]
    public void MctsWithAThousandSimulationsBeatsRandom(long seed)
    {
        const int games = 20_000;
        var result = Arena.Play(s_ttt, Mcts(1000, seed), new RandomPlayer<TicTacToeState, Ttt>(s_ttt, seed + 10), games, swap: true);
        Assert.Equal(0, result.Losses(0));
        Assert.True(result.Wins[0] >= 0.95 * games, $"MCTS won {result.Wins[0]} of {games} against random");
    }

    [Fact]
    public void MctsIsReproducibleFromItsSeed()
    {
        var a = Arena.Play(s_ttt, Mcts(200, 7), new RandomPlayer<TicTacToeState, Ttt>(s_ttt, 8), 10, swap: true);
        var b = Arena.Play(s_ttt, Mcts(200, 7), new RandomPlayer<TicTacToeState, Ttt>(s_ttt, 8), 10, swap: true);
        Assert.Equal(a, b with { Wins = a.Wins, FirstMoves = a.FirstMoves });
        Assert.Equal(a.Wins, b.Wins);
    }

    [Fact]
    public void MctsSearchAllocatesNothingAfterTheFirstMove()
    {
        var rules = new ConnectFourRules();
        var mcts = new MctsPlayer<ConnectFourState, ConnectFourRules>(rules, new MctsOptions { Simulations = 500 }, 1);
        mcts.ChooseAction(rules.Initial);
        long before = GC.GetAllocatedBytesForCurrentThread();
        mcts.ChooseAction(rules.Initial);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void ConnectFourMinimaxBeatsRandom()
    {
        var rules = new ConnectFourRules();
        var result = Arena.Play(rules, new MinimaxPlayer<ConnectFourState, ConnectFourRules>(rules, new MinimaxOptions { Depth = 4 }, 1),
            new RandomPlayer<ConnectFourState, ConnectFourRules>(rules, 2), 20, swap: true);
        Assert.Equal(20, result.Wins[0]);
    }

    [Fact]
    public void ConnectFourMctsTakesAnImmediateWin()
    {
        var rules = new ConnectFourRules();
        // X (to move, 3 discs each) has three in the bottom row in columns 0–2.
        var s = ConnectFourRules.Parse("......./......./......./......./OOO..../XXX....");
        var mcts = new MctsPlayer<ConnectFourState, ConnectFourRules>(rules, new MctsOptions { Simulations = 2000 }, 3);
        Assert.Equal(3, mcts.ChooseAction(s));
    }
}
