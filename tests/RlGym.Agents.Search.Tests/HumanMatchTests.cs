using RlGym.Agents.Search.Minimax;
using RlGym.Core.MultiAgent;
using RlGym.Envs.Games.ConnectFour;
using RlGym.Envs.Games.TicTacToe;
using RlGym.Training.Games;
using Ttt = RlGym.Envs.Games.TicTacToe.TicTacToeRules;

namespace RlGym.Agents.Search.Tests;

public sealed class HumanMatchTests
{
    private static readonly Ttt s_ttt = default;

    /// <summary>
    /// A stand-in for the person at the window: it tries its moves in a fixed order and keeps the first one the match
    /// accepts, as a person clicking taken cells until one is free would; every refusal is counted.
    /// </summary>
    private sealed class ScriptedHuman(params int[] preferences)
    {
        public int Refused { get; private set; }

        public void Move<TState, TRules>(HumanMatch<TState, TRules> match)
            where TState : struct where TRules : struct, IGameRules<TState>
        {
            foreach (int a in preferences)
            {
                var result = match.TryHumanMove(a);
                if (result == HumanMoveResult.Played) return;
                Assert.Equal(HumanMoveResult.Illegal, result);
                Refused++;
            }
            throw new InvalidOperationException("the script ran out of moves");
        }
    }

    /// <summary>Plays one game to its end: the human from its script, the opponent by asking it.</summary>
    private static MatchOutcome PlayOut<TState, TRules>(HumanMatch<TState, TRules> match, ScriptedHuman human)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        while (!match.IsOver)
        {
            if (match.HumanToMove) human.Move(match);
            else match.PlayOpponent();
        }
        return match.Outcome;
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void A_human_never_beats_minimax_at_tic_tac_toe_from_either_side(long seed)
    {
        // Corners first, then the centre, then the edges: a reasonable person's habit, still no match for perfect play.
        var match = new HumanMatch<TicTacToeState, Ttt>(s_ttt, new MinimaxPlayer<TicTacToeState, Ttt>(s_ttt, new MinimaxOptions(), seed), humanMovesFirst: true);
        var human = new ScriptedHuman(0, 2, 6, 8, 4, 1, 3, 5, 7);
        for (int game = 0; game < 6; game++)
        {
            Assert.Equal(game % 2, match.HumanSeat); // sides swap every game
            Assert.NotEqual(MatchOutcome.HumanWon, PlayOut(match, human));
            if (game < 5) match.NewGame();
        }
        Assert.Equal(0, match.HumanWins);
        Assert.Equal(6, match.OpponentWins + match.Draws);
        Assert.True(human.Refused > 0, "the script met taken cells and was refused");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void Minimax_punishes_a_human_who_fills_the_top_row_first(long seed)
    {
        // Cells 1, 2, 3, ... in reading order ignore every threat: minimax (perfect play) wins every such game, opening
        // or not. Measured for seeds 1 and 2 over both sides.
        var match = new HumanMatch<TicTacToeState, Ttt>(s_ttt, new MinimaxPlayer<TicTacToeState, Ttt>(s_ttt, new MinimaxOptions(), seed), humanMovesFirst: false);
        var human = new ScriptedHuman(0, 1, 2, 3, 4, 5, 6, 7, 8);
        Assert.Equal(MatchOutcome.OpponentWon, PlayOut(match, human));
        match.NewGame();
        Assert.Equal(MatchOutcome.OpponentWon, PlayOut(match, human));
        Assert.Equal(2, match.OpponentWins);
    }

    [Fact]
    public void Refused_moves_change_nothing()
    {
        var match = new HumanMatch<TicTacToeState, Ttt>(s_ttt, new MinimaxPlayer<TicTacToeState, Ttt>(s_ttt, new MinimaxOptions(), 1), humanMovesFirst: true);
        Assert.True(match.HumanToMove);
        Assert.Equal(HumanMoveResult.Illegal, match.TryHumanMove(9));
        Assert.Equal(HumanMoveResult.Illegal, match.TryHumanMove(-1));
        Assert.Equal(HumanMoveResult.Played, match.TryHumanMove(4));
        var position = match.State;
        Assert.Equal(HumanMoveResult.NotYourTurn, match.TryHumanMove(0));
        var reply = match.PlayOpponent();
        Assert.NotEqual(4, reply.Action);
        Assert.NotNull(reply.Visits); // minimax tells its value per move
        Assert.Equal(HumanMoveResult.Illegal, match.TryHumanMove(4)); // taken by the human
        Assert.Equal(HumanMoveResult.Illegal, match.TryHumanMove(reply.Action)); // taken by the opponent
        Assert.Equal(2, match.Moves.Count);
        Assert.Equal(reply.Action, match.LastMove);
        Assert.NotEqual(position, match.State);
    }

    [Fact]
    public void A_reply_to_an_abandoned_game_is_not_played_into_the_next()
    {
        var match = new HumanMatch<TicTacToeState, Ttt>(s_ttt, new MinimaxPlayer<TicTacToeState, Ttt>(s_ttt, new MinimaxOptions(), 1), humanMovesFirst: false);
        var reply = match.ChooseOpponentMove();
        Assert.Empty(match.Moves); // asking changes nothing
        match.NewGame();
        Assert.True(match.HumanToMove);
        Assert.False(match.PlayOpponentMove(reply));
        Assert.Empty(match.Moves);
        Assert.Equal(0, match.HumanWins + match.OpponentWins + match.Draws); // an abandoned game is not counted
        Assert.Equal(2, match.Game);
    }

    [Fact]
    public void An_opponent_that_answers_an_illegal_move_forfeits()
    {
        var match = new HumanMatch<TicTacToeState, Ttt>(s_ttt, new AlwaysCell(4), humanMovesFirst: true);
        Assert.Equal(HumanMoveResult.Played, match.TryHumanMove(4));
        match.PlayOpponent();
        Assert.Equal(MatchOutcome.HumanWon, match.Outcome);
        Assert.True(match.OpponentForfeited);
        Assert.Equal(HumanMoveResult.GameOver, match.TryHumanMove(0));
    }

    [Fact]
    public void A_full_connect_four_column_is_refused()
    {
        var rules = default(ConnectFourRules);
        var match = new HumanMatch<ConnectFourState, ConnectFourRules>(rules, new AlwaysCell(3), humanMovesFirst: true);
        // Both players drop into column 3 until it is full; the opponent, asked once more, forfeits.
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(HumanMoveResult.Played, match.TryHumanMove(3));
            match.PlayOpponent();
        }
        Assert.Equal(MatchOutcome.Playing, match.Outcome);
        Assert.Equal(HumanMoveResult.Illegal, match.TryHumanMove(3));
        Assert.Equal(HumanMoveResult.Illegal, match.TryHumanMove(7));
        Assert.Equal(HumanMoveResult.Played, match.TryHumanMove(0));
        match.PlayOpponent();
        Assert.True(match.OpponentForfeited);
    }

    private sealed class AlwaysCell(int action) : IGamePlayer<TicTacToeState>, IGamePlayer<ConnectFourState>
    {
        public string Name => "always";
        public int ChooseAction(in TicTacToeState state) => action;
        public int ChooseAction(in ConnectFourState state) => action;
        public void Save(Stream stream) { }
        public void Load(Stream stream) { }
    }
}
