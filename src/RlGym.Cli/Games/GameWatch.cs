using System.Globalization;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Commands;
using RlGym.Cli.Hosting;
using RlGym.Core.Errors;
using RlGym.Core.MultiAgent;
using RlGym.Rendering.Games;
using RlGym.Rendering.Raylib;
using RlGym.Training.Runs;

namespace RlGym.Cli.Games;

/// <summary>
/// The board-game path of <c>rlgym watch</c>: <c>rlgym watch GAME --players A,B</c> replays games between two players
/// move by move, and <c>rlgym watch RUN</c> of a self-play run (alphazero) replays its trained learner against itself.
/// Each move is shown with the mover's visit count and value per move; each game ends on its result; the players take
/// turns to open.
/// </summary>
public static class GameWatch
{
    /// <summary>The pace a game replay starts at, in moves per second: slow enough to read the numbers.</summary>
    public const double DefaultMovesPerSecond = 1;

    /// <summary>True when <c>rlgym watch</c> of <paramref name="target"/> is a game replay: players were given, or it is a self-play run.</summary>
    public static bool Handles(CliSession session, string target, string? players) =>
        players is not null || (File.Exists(Path.Combine(target, RunDirectory.ConfigFileName)) && SelfPlayTraining.Handles(session, new RunDirectory(target).ReadConfig()));

    /// <summary>What to replay, how, and where.</summary>
    public sealed record Request(string Target, string? Players, int Games, long Seed, string? Record, double? Pace, bool StartPaused, bool Window);

    /// <summary>Replays the games; returns the process's exit code.</summary>
    public static int Run(CliSession session, Request request, CancellationToken ct)
    {
        string id;
        IReadOnlyList<PlayerSpec> specs;
        if (request.Players is null)
        {
            // A self-play run: its learner against itself, as it trained.
            id = new RunDirectory(request.Target).ReadConfig().Env;
            var run = PlayerSpec.Parse(request.Target);
            specs = [run, run];
        }
        else
        {
            id = request.Target;
            if (Directory.Exists(id)) throw new UserInputException($"'{id}' is a directory; with --players give the game, e.g. rlgym watch ConnectFour-v0 --players {id},mcts");
            specs = PlayerSpec.ParseList(request.Players);
            if (specs.Count != 2) throw new UserInputException($"--players names {specs.Count} players; a replay needs exactly two, e.g. --players mcts,minimax");
        }
        using var env = session.Envs.Make(id);
        if (env.Unwrapped is not IBoardGame game)
            throw new UserInputException($"{id} is not a two-player board game; --players replays TicTacToe-v0 and ConnectFour-v0");
        // X and O on every board, as the arena's recordings draw them (Connect Four names its players "first" and "second").
        string[] pieces = ["X", "O"];
        string[] labels = [.. specs.Select(GamePlayers.Label)];
        if (labels[0] == labels[1]) labels = [labels[0] + " #1", labels[1] + " #2"];
        var replay = game.Accept(new Replay(session, id, specs, labels, pieces, request.Games, request.Seed));

        string screenshots = request.Players is null ? request.Target : ".";
        var options = new GameReplayViewOptions(request.Window, request.Record, request.Pace ?? DefaultMovesPerSecond, request.StartPaused,
            new RaylibWindowOptions(Title: $"RlGym: {id}, {labels[0]} against {labels[1]}", ScreenshotDirectory: screenshots));
        bool ended = GameReplayView.Run(replay.Run, options, ct);
        ct.ThrowIfCancellationRequested();
        if (!ended)
        {
            session.Error.WriteLine($"rlgym: window closed before the {request.Games} games of {id} ended");
            return 0;
        }
        session.Error.WriteLine($"rlgym: replayed {request.Games} {(request.Games == 1 ? "game" : "games")} of {id}: {replay.Score()}, seed {request.Seed.ToString(CultureInfo.InvariantCulture)}");
        if (request.Record is not null) session.Logger("watch").LogInformation("recorded the games to {Path}", Path.GetFullPath(request.Record));
        return 0;
    }

    /// <summary>A replay of any game, seen from the command without its types.</summary>
    private interface IReplay
    {
        void Run(Action<Rendering.Live.FrameSnapshot> show, Action<Rendering.Live.FrameSnapshot> showLast, CancellationToken ct);
        string Score();
    }

    private sealed class Replay(CliSession session, string id, IReadOnlyList<PlayerSpec> specs, IReadOnlyList<string> labels,
        IReadOnlyList<string> pieces, int games, long seed) : IGameVisitor<IReplay>
    {
        public IReplay Visit<TState, TRules>(TRules rules) where TState : struct where TRules : struct, IGameRules<TState>
        {
            // The arena's seeds, so a replay shows the games 'rlgym arena --seed N --swap' plays.
            var a = GamePlayers.Create<TState, TRules>(session, id, rules, specs[0], 2 * seed + 1);
            var b = GamePlayers.Create<TState, TRules>(session, id, rules, specs[1], 2 * seed + 2);
            return new Typed<TState, TRules>(new GameReplay<TState, TRules>(rules, [a, b], labels, pieces, games));
        }
    }

    private sealed class Typed<TState, TRules>(GameReplay<TState, TRules> replay) : IReplay
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        public void Run(Action<Rendering.Live.FrameSnapshot> show, Action<Rendering.Live.FrameSnapshot> showLast, CancellationToken ct) => replay.Run(show, showLast, ct);
        public string Score() => replay.Score();
    }
}
