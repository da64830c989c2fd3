using System.CommandLine;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Games;
using RlGym.Cli.Hosting;
using RlGym.Cli.Output;
using RlGym.Core.Errors;
using RlGym.Core.MultiAgent;
using RlGym.Training.Games;
using Spectre.Console;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym arena GAME --players A,B --games N [--swap] [--json]</c>: plays N games of a two-player board game and
/// prints wins, draws and losses per player. Players are names with settings (<c>mcts:simulations=200</c>,
/// <c>minimax</c>, <c>random</c>, <c>alphazero</c>) or run directories of trained learners. With <c>--swap</c> the
/// second player opens every odd game; without it the first player always opens. <c>--openings N</c> starts every game
/// with N random legal moves, so that deterministic players play different games. <c>--record DIR</c> draws the first
/// game offscreen, one PNG per position, with the mover's visit count and value per move when it searches.
/// </summary>
public sealed class ArenaCommand : Command
{
    private readonly Argument<string> _game = new("GAME") { Description = "A two-player board game: TicTacToe-v0 or ConnectFour-v0" };
    private readonly Option<string> _players = new("--players", "-p") { Description = "Two players, e.g. mcts:simulations=200,minimax or runs/c4,mcts", HelpName = "A,B", Required = true };
    private readonly Option<int> _games = new("--games", "-n") { Description = "Games to play", DefaultValueFactory = _ => 100, HelpName = "N" };
    private readonly Option<bool> _swap = new("--swap") { Description = "Let the second player open every other game" };
    private readonly Option<int> _openings = new("--openings") { Description = "Start every game with N random legal moves drawn from the seed (with --swap each opening is played from both sides), so that players that always choose the same move still play different games", DefaultValueFactory = _ => 0, HelpName = "N" };
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the players (default 0)");
    private readonly Option<bool> _json = CommonOptions.Json();
    private readonly Option<string?> _record = new("--record") { Description = "Draw the first game to DIR, one PNG per position with the search's visits and values per move", HelpName = "DIR" };

    /// <summary>Creates the command.</summary>
    public ArenaCommand(CliSession session) : base("arena", "Play games between two players of a board game and count wins, draws and losses")
    {
        Arguments.Add(_game);
        foreach (var o in new Option[] { _players, _games, _swap, _openings, _seed, _json, _record }) Options.Add(o);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        string id = parse.GetValue(_game)!;
        int games = parse.GetValue(_games);
        if (games < 1) throw new UserInputException($"--games {games} is not allowed; use 1 or more");
        int openings = parse.GetValue(_openings);
        if (openings is < 0 or > MaxOpeningMoves) throw new UserInputException($"--openings {openings} is not allowed; use 0 to {MaxOpeningMoves} random moves");
        var specs = PlayerSpec.ParseList(parse.GetValue(_players)!);
        if (specs.Count != 2) throw new UserInputException($"--players names {specs.Count} players; the arena needs exactly two, e.g. --players mcts,minimax");
        using var env = session.Envs.Make(id);
        if (env.Unwrapped is not IBoardGame game)
            throw new UserInputException($"{id} is not a two-player board game; the arena plays TicTacToe-v0 and ConnectFour-v0");
        long seed = parse.GetValue(_seed) ?? 0;
        string? record = parse.GetValue(_record);
        if (record is not null && File.Exists(record)) throw new UserInputException($"--record {record} is a file; give a directory for the PNG frames");
        var result = game.Accept(new Match(session, id, specs, games, parse.GetValue(_swap), openings, seed, record, ct));
        string[] labels = [.. specs.Select(GamePlayers.Label)];

        if (parse.GetValue(_json))
        {
            new JsonOutput(session.Out).Write(json =>
            {
                json.WriteStartObject();
                json.WriteString("game", id);
                json.WriteStartArray("players");
                foreach (var l in labels) json.WriteStringValue(l);
                json.WriteEndArray();
                json.WriteStartArray("wins");
                foreach (var w in result.Wins) json.WriteNumberValue(w);
                json.WriteEndArray();
                json.WriteNumber("draws", result.Draws);
                json.WriteNumber("games", result.Games);
                if (openings > 0) json.WriteNumber("openings", openings);
                json.WriteEndObject();
            });
            return 0;
        }
        var table = new Table().AddColumns("player", "wins", "draws", "losses", "opened");
        for (int i = 0; i < 2; i++)
            table.AddRow(Markup.Escape(labels[i]), result.Wins[i].ToString(), result.Draws.ToString(), result.Losses(i).ToString(), result.FirstMoves[i].ToString());
        var console = session.TableConsole();
        console.WriteLine($"{id}: {result.Games} games" + (openings > 0 ? $", each opened with {openings} random moves" : "") + (result.IllegalMoves > 0 ? $" ({result.IllegalMoves} lost by an illegal move)" : ""));
        console.Write(table);
        session.Logger("arena").LogDebug("arena seed {Seed}", seed);
        return 0;
    }

    // Connect Four's longest opening that can leave a game to play; longer ones would mostly be the game itself.
    private const int MaxOpeningMoves = 20;

    private sealed class Match(CliSession session, string id, IReadOnlyList<PlayerSpec> specs, int games, bool swap, int openings, long seed, string? record, CancellationToken ct)
        : IGameVisitor<ArenaResult>
    {
        public ArenaResult Visit<TState, TRules>(TRules rules) where TState : struct where TRules : struct, IGameRules<TState>
        {
            var a = GamePlayers.Create<TState, TRules>(session, id, rules, specs[0], 2 * seed + 1);
            var b = GamePlayers.Create<TState, TRules>(session, id, rules, specs[1], 2 * seed + 2);
            long openingSeed = 2 * seed + 3;
            if (record is null) return Arena.Play(rules, a, b, games, swap, cancellationToken: ct, openingMoves: openings, openingSeed: openingSeed);

            using var recorder = new BoardRecorder<TState, TRules>(rules, record, [GamePlayers.Label(specs[0]), GamePlayers.Label(specs[1])], [a, b]);
            var result = Arena.Play(rules, a, b, games, swap, onGame: g => { if (g.Index == 0) recorder.Finish(g); }, cancellationToken: ct,
                onMove: (g, state, player, action) => { if (g == 0) recorder.Move(state, player, action); }, openingMoves: openings, openingSeed: openingSeed);
            session.Logger("arena").LogInformation("drew the first game's {Frames} positions to {Path}", recorder.Frames, Path.GetFullPath(record));
            return result;
        }
    }
}
