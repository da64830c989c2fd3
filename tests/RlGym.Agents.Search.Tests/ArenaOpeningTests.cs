using RlGym.Core.MultiAgent;
using RlGym.Envs.Games.ConnectFour;
using RlGym.Envs.Games.TicTacToe;
using RlGym.Training.Games;

namespace RlGym.Agents.Search.Tests;

public sealed class ArenaOpeningTests
{
    private static readonly ConnectFourRules s_c4 = default;

    /// <summary>A deterministic player: the lowest legal column, every time.</summary>
    private sealed class LowestLegalPlayer<TState, TRules>(TRules rules) : IGamePlayer<TState>
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        public string Name => "lowest";

        public int ChooseAction(in TState state)
        {
            Span<int> legal = stackalloc int[rules.ActionCount];
            rules.LegalActions(state, legal);
            return legal[0];
        }

        public void Save(Stream stream) { }

        public void Load(Stream stream) { }
    }

    private static List<GameRecord> Games(int games, int openings, bool swap, long seed = 5)
    {
        var records = new List<GameRecord>();
        var a = new LowestLegalPlayer<ConnectFourState, ConnectFourRules>(s_c4);
        var b = new LowestLegalPlayer<ConnectFourState, ConnectFourRules>(s_c4);
        Arena.Play(s_c4, a, b, games, swap, onGame: records.Add, openingMoves: openings, openingSeed: seed);
        return records;
    }

    [Fact]
    public void Deterministic_players_play_one_game_without_openings_and_different_games_with_them()
    {
        Assert.Single(Games(20, 0, swap: false).Select(g => string.Join(",", g.Moves)).Distinct());
        Assert.True(Games(20, 4, swap: false).Select(g => string.Join(",", g.Moves)).Distinct().Count() >= 15);
    }

    [Fact]
    public void With_swapped_sides_both_players_get_each_opening_once_from_each_side()
    {
        var games = Games(20, 3, swap: true);
        for (int n = 0; n < 10; n++)
        {
            Assert.Equal(games[2 * n].Moves.Take(3), games[2 * n + 1].Moves.Take(3));
            Assert.NotEqual(games[2 * n].Opener, games[2 * n + 1].Opener);
        }
        Assert.True(games.Select(g => string.Join(",", g.Moves.Take(3))).Distinct().Count() >= 8);
    }

    [Fact]
    public void The_same_seed_gives_the_same_openings_and_another_seed_others()
    {
        static string Openings(List<GameRecord> games) => string.Join("|", games.Select(g => string.Join(",", g.Moves.Take(4))));
        Assert.Equal(Openings(Games(10, 4, swap: false, seed: 1)), Openings(Games(10, 4, swap: false, seed: 1)));
        Assert.NotEqual(Openings(Games(10, 4, swap: false, seed: 1)), Openings(Games(10, 4, swap: false, seed: 2)));
    }

    [Fact]
    public void An_opening_never_ends_the_game_and_stops_short_when_every_move_would()
    {
        var ttt = default(TicTacToeRules);
        var random = new RlGym.Core.Random.Rng(3);
        for (int index = 0; index < 200; index++)
        {
            var opening = Arena.Opening<TicTacToeState, TicTacToeRules>(ttt, 9, random);
            var s = ttt.Initial;
            foreach (int move in opening)
            {
                Assert.True(ttt.IsLegal(s, move));
                s = ttt.Play(s, move);
                Assert.False(ttt.IsOver(s));
            }
            Assert.True(opening.Count < 9);
        }
    }
}
