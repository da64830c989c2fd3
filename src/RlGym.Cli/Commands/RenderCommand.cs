using System.CommandLine;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Hosting;
using RlGym.Cli.Runs;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Rendering.Live;
using RlGym.Rendering.Recording;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym render ID --out frame.png</c>: draws an environment offscreen (Skia, no window, no display needed) after
/// its reset and <c>--steps K</c> steps. With <c>--agent DIR</c> the run's saved agent acts greedily and, on
/// grid-worlds, its values and greedy arrows are drawn; without it the actions are random (seeded by <c>--seed</c>).
/// An <c>--out</c> ending in .mp4 or .gif, or a directory, records a whole episode instead of one frame.
/// </summary>
public sealed class RenderCommand : Command
{
    private readonly Argument<string?> _id = new("ID") { Description = "Environment id, e.g. FrozenLake-v1 (default with --agent: the run's)", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the reset and of the random actions (default 0)");
    private readonly Option<string?> _agent = new("--agent") { Description = "Run directory whose saved agent acts greedily and whose values are drawn", HelpName = "DIR" };
    private readonly Option<string[]> _options = CommonOptions.EnvOptions();
    private readonly Option<long?> _steps = new("--steps") { Description = "Steps after the reset (one frame: default 0; a recording: default the whole episode)", HelpName = "K" };
    private readonly Option<string> _out = new("--out") { Description = "frame.png for one frame; a .mp4, .gif or a directory of PNG frames to record an episode", HelpName = "PATH", Required = true };

    /// <summary>Creates the command.</summary>
    public RenderCommand(CliSession session) : base("render", "Draw an environment to a PNG, or record an episode to .mp4/.gif/frames, without a window")
    {
        Arguments.Add(_id);
        foreach (var o in new Option[] { _seed, _agent, _options, _steps, _out }) Options.Add(o);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        string output = parse.GetValue(_out)!;
        long? steps = parse.GetValue(_steps);
        long seed = parse.GetValue(_seed) ?? 0;
        if (steps is < 0) throw new UserInputException($"--steps {steps} is not allowed; use 0 or more");
        bool oneFrame = Path.GetExtension(output).Equals(".png", StringComparison.OrdinalIgnoreCase);
        if (!oneFrame) RecordingTarget.FormatOf(output);
        // Anything else with an extension (frame.bmp, frame.jpg) is a file name the user meant, not a frames folder.
        if (!oneFrame && RecordingTarget.FormatOf(output) == RecordingFormat.PngFrames && Path.HasExtension(output) && !Directory.Exists(output))
            throw new UserInputException(
                $"--out '{output}': '{Path.GetExtension(output)}' is not supported; allowed: a .png file (one frame), a .mp4 or .gif file, or a directory for PNG frames");

        using var run = Open(session, parse);
        var (env, agent) = (run.Env, run.Agent);
        if (oneFrame)
        {
            // The observer sees the steps, so the frame shows the last action (Pendulum's torque arrow), reward and trail.
            var observer = new LiveViewObserver(env, agent);
            var replay = EpisodePlayer.Play(ObservedEnv.Wrap(env, observer, ct), agent, 1, seed, steps ?? 0);
            var frame = observer.Capture(replay.LastObservation);
            using var renderer = new FrameRenderer(new Layout(SceneCatalog.For(env), dashboard: null), 600, 600);
            WriteOrExplain(output, () => renderer.RenderToFile(frame, output));
            session.Logger("render").LogInformation("drew {Env} after {Steps} steps to {Path}", run.Title, replay.Steps, Path.GetFullPath(output));
            return 0;
        }

        EpisodePlayer.Replay? recorded = null;
        WriteOrExplain(output, () => LiveView.Run(env, agent, new LiveViewOptions(RecordPath: output, RecordSchedule: RecordingSchedule.Every),
            (observer, token) => recorded = EpisodePlayer.Play(ObservedEnv.Wrap(env, observer, token), agent, 1, seed, steps), ct));
        session.Logger("render").LogInformation("recorded an episode of {Env} ({Steps} steps, return {Return}) to {Path}",
            run.Title, recorded?.Steps, recorded?.Returns[0], Path.GetFullPath(output));
        return 0;
    }

    private sealed record Target(IEnv Env, IAgent? Agent, string Title, SavedAgent? Saved) : IDisposable
    {
        public void Dispose()
        {
            if (Saved is not null) Saved.Dispose();
            else Env.Dispose();
        }
    }

    private Target Open(CliSession session, ParseResult parse)
    {
        string? id = parse.GetValue(_id);
        var envOptions = parse.GetValue(_options) ?? [];
        if (parse.GetValue(_agent) is not { } dir)
        {
            if (id is null) throw new UserInputException("render needs an environment ID, or --agent DIR to draw a run's environment");
            var env = session.Envs.Make(id, CommonOptions.ParseEnvOptions(envOptions));
            return new Target(env, null, id, null);
        }
        var saved = SavedAgent.Open(session, dir);
        try
        {
            if (id is not null && id != saved.Config.Env)
                throw new UserInputException($"the agent in '{dir}' was trained on {saved.Config.Env}, not {id}");
            if (envOptions.Length > 0)
                throw new UserInputException($"--agent draws the run's own environment; -o cannot change its options (they are in {saved.Directory.ConfigPath})");
            return new Target(saved.Env, saved.Agent, $"{saved.Config.Env} / {saved.Config.Agent}", saved);
        }
        catch
        {
            saved.Dispose();
            throw;
        }
    }

    /// <summary>Turns a path that cannot be written (its folder is a file, no permission) into a user mistake.</summary>
    internal static void WriteOrExplain(string path, Action write)
    {
        try { write(); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not FileNotFoundException)
        {
            throw new UserInputException($"cannot write '{path}': {e.Message}");
        }
    }
}
