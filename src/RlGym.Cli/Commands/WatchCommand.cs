using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Games;
using RlGym.Cli.Hosting;
using RlGym.Cli.Runs;
using RlGym.Core.Errors;
using RlGym.Rendering.Live;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Recording;
using RlGym.Training;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym watch DIR</c>: replays the saved agent of a run greedily in the raylib window at the environment's render
/// rate (<c>--pace</c> changes it; Space pauses, Right steps, Up/Down change the pace, V hides the values, S saves a screenshot, Esc closes). With
/// <c>--record PATH</c> the episodes are also recorded; with <c>--no-window</c>, or when no window can open, they are
/// only recorded. A missing raylib or display is reported before anything runs. <c>rlgym watch GAME --players A,B</c>
/// (or a self-play run) replays board games move by move instead (<see cref="GameWatch"/>).
/// </summary>
public sealed class WatchCommand : Command
{
    private readonly Argument<string> _dir = new("DIR") { Description = "Run directory written by 'rlgym train', or a board game (TicTacToe-v0, ConnectFour-v0) with --players" };
    private readonly Option<int> _episodes = new("--episodes", "-n", "--games") { Description = "Episodes (board games) to replay", DefaultValueFactory = _ => 3, HelpName = "N" };
    private readonly Option<string?> _players = new("--players", "-p") { Description = "Replay board games between two players, e.g. mcts:simulations=200,minimax or runs/c4,mcts (pace in moves per second, default 1)", HelpName = "A,B" };
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the first reset (default: the run's evaluation seed); of the players for board games (default 0, as the arena's)");
    private readonly Option<string?> _record = new("--record") { Description = "Also record the episodes to PATH: a directory of PNG frames, or .mp4/.gif (ffmpeg)", HelpName = "PATH" };
    private readonly Option<string?> _pace = CommonOptions.Pace();
    private readonly Option<bool> _startPaused = CommonOptions.StartPaused();
    private readonly Option<bool> _noWindow = new("--no-window") { Description = "Do not open the window; only record (needs --record)" };

    /// <summary>Creates the command.</summary>
    public WatchCommand(CliSession session) : base("watch", "Replay the trained agent of a run directory greedily in a window, or board games between two players move by move")
    {
        Arguments.Add(_dir);
        foreach (var o in new Option[] { _episodes, _players, _seed, _record, _pace, _startPaused, _noWindow }) Options.Add(o);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        var log = session.Logger("watch");
        int episodes = parse.GetValue(_episodes);
        string? record = parse.GetValue(_record);
        bool noWindow = parse.GetValue(_noWindow);
        double? pace = CommonOptions.ParsePace(parse.GetValue(_pace));
        if (episodes < 1) throw new UserInputException($"--episodes {episodes} is not allowed; use 1 or more");
        if (record is not null) RecordingTarget.FormatOf(record);
        if (noWindow && record is null) throw new UserInputException("--no-window leaves nothing to do without --record PATH");
        bool window = !noWindow && (record is null ? EnsureWindow() : CanOpenWindow(log));
        string target = parse.GetValue(_dir)!;
        string? players = parse.GetValue(_players);
        if (GameWatch.Handles(session, target, players))
            return GameWatch.Run(session, new GameWatch.Request(target, players, episodes, parse.GetValue(_seed) ?? 0, record, pace,
                parse.GetValue(_startPaused), window), ct);

        using var run = SavedAgent.Open(session, target);
        long seed = parse.GetValue(_seed) ?? Seeds.Evaluation(run.Config.Seed);
        string title = $"{run.Config.Env} / {run.Config.Agent}";
        var options = new LiveViewOptions(ShowWindow: window, RecordPath: record, RecordSchedule: RecordingSchedule.Every, StepsPerSecond: pace,
            StartPaused: parse.GetValue(_startPaused), ReplayEpisodes: episodes,
            Window: new RaylibWindowOptions(Title: $"RlGym: {title} (greedy replay)", ScreenshotDirectory: run.Directory.Path));

        EpisodePlayer.Replay? replay = null;
        RenderCommand.WriteOrExplain(record ?? run.Directory.Path, () => LiveView.Run(run.Env, run.Agent, options,
            (observer, token) => replay = EpisodePlayer.Play(ObservedEnv.Wrap(run.Env, observer, token), run.Agent, episodes, seed), ct));

        ct.ThrowIfCancellationRequested();
        if (replay is null)
        {
            session.Error.WriteLine($"rlgym: window closed before the replay of {title} ended");
            return 0;
        }
        var inv = CultureInfo.InvariantCulture;
        session.Error.WriteLine($"rlgym: replayed {title} greedily: {replay.Returns.Count} episodes, mean return {replay.Returns.Average().ToString("0.###", inv)}, seed {seed}");
        if (record is not null) log.LogInformation("recorded the episodes to {Path}", Path.GetFullPath(record));
        return 0;
    }

    private static bool EnsureWindow()
    {
        RaylibWindow.EnsureCanOpen();
        return true;
    }

    private static bool CanOpenWindow(ILogger log)
    {
        try
        {
            RaylibWindow.EnsureCanOpen();
            return true;
        }
        catch (UserInputException e)
        {
            log.LogInformation("recording without a window: {Reason}", e.Message);
            return false;
        }
    }
}
