using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging;
using RlGym.Cli.Hosting;
using RlGym.Cli.Runs;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Rendering.Live;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Recording;
using RlGym.Training;
using RlGym.Training.Metrics;
using RlGym.Training.Runs;

namespace RlGym.Cli.Commands;

/// <summary>
/// <c>rlgym train [ID] --agent NAME ...</c>: trains an agent and writes a run directory (config.json, metrics.csv,
/// checkpoint/, agent.bin, learning-curve.png). The configuration is resolved in layers, later ones winning:
/// the defaults, <c>--config run.json</c> (or the run being resumed), the <c>Run</c> section of appsettings.json and
/// <c>RLGYM_RUN__*</c> environment variables, then the command line. Without arguments it trains Q-learning on
/// FrozenLake-v1 long enough to pass its 0.70 threshold (<see cref="DefaultRun"/>).
/// </summary>
public sealed class TrainCommand : Command
{
    /// <summary>The environment trained when none is named.</summary>
    public const string DefaultEnv = DefaultRun.Env;

    /// <summary>The agent trained when none is named.</summary>
    public const string DefaultAgent = DefaultRun.Agent;

    /// <summary>Episodes when an environment or agent is named but no budget is.</summary>
    public const int DefaultEpisodes = 1_000;

    private readonly Argument<string?> _id = new("ID") { Description = $"Environment id (default {DefaultEnv})", Arity = ArgumentArity.ZeroOrOne };
    private readonly Option<string?> _agent = new("--agent", "-a") { Description = $"Agent name (default {DefaultAgent}; see 'rlgym agents')", HelpName = "NAME" };
    private readonly Option<int?> _episodes = new("--episodes", "-n") { Description = "Training episodes", HelpName = "N" };
    private readonly Option<long?> _steps = new("--steps") { Description = "Training steps of all environment copies together (instead of --episodes)", HelpName = "N" };
    private readonly Option<int?> _envs = CommonOptions.Envs();
    private readonly Option<long?> _seed = CommonOptions.Seed("Seed of the run (default 0)");
    private readonly Option<string[]> _settings = CommonOptions.Settings();
    private readonly Option<string[]> _wrap = new("--wrap")
    {
        Description = "Wrapper applied after the registry's, e.g. --wrap one-hot or --wrap discretize:bins=6 (repeatable, first innermost)",
        HelpName = "NAME[:params]",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };
    private readonly Option<string[]> _options = CommonOptions.EnvOptions();
    private readonly Option<int?> _maxSteps = new("--max-steps") { Description = "Truncate episodes after N steps (overrides the environment's limit)", HelpName = "N" };
    private readonly Option<string?> _out = new("--out") { Description = "Run directory (default runs/<env>-<agent>-<time>)", HelpName = "DIR" };
    private readonly Option<string?> _config = new("--config") { Description = "Run configuration file (a config.json of an earlier run)", HelpName = "run.json" };
    private readonly Option<string?> _resume = new("--resume") { Description = "Continue the run in DIR from its checkpoint", HelpName = "DIR" };
    private readonly Option<bool> _force = new("--force") { Description = "Overwrite a run directory that already holds a run" };
    private readonly Option<bool> _render = new("--render") { Description = "Watch the training in a window (raylib; Space pause, Right step, Up/Down pace, S screenshot, Esc stop)" };
    private readonly Option<string?> _pace = CommonOptions.Pace();
    private readonly Option<bool> _startPaused = CommonOptions.StartPaused();
    private readonly Option<int?> _mosaic = new("--mosaic")
    {
        Description = $"Show the first N environment copies side by side in the window and recordings (1 to {MaxMosaic}, at most --envs; default 1: copy 0)",
        HelpName = "N",
    };
    private readonly Option<string?> _record = new("--record") { Description = "Record episodes 0, 1, 8, 27, ... to PATH: a directory of PNG frames, or .mp4/.gif (ffmpeg)", HelpName = "PATH" };
    private readonly Option<int?> _evalEvery = new("--eval-every") { Description = "Greedy evaluation every N episodes (0: none)", HelpName = "N" };
    private readonly Option<int?> _checkpointEvery = new("--checkpoint-every") { Description = "Checkpoint every N episodes (0: at the end only)", HelpName = "N" };

    /// <summary>Creates the command.</summary>
    public TrainCommand(CliSession session) : base("train", "Train an agent on an environment and write a run directory")
    {
        Arguments.Add(_id);
        foreach (var o in new Option[] { _agent, _episodes, _steps, _envs, _seed, _settings, _wrap, _options, _maxSteps, _out, _config, _resume, _force, _render, _pace, _startPaused, _record, _mosaic, _evalEvery, _checkpointEvery })
            Options.Add(o);
        SetAction((parse, ct) => Task.FromResult(Run(session, parse, ct)));
    }

    /// <summary>The most copies a mosaic shows (a 4 × 4 grid).</summary>
    public const int MaxMosaic = 16;

    private int Run(CliSession session, ParseResult parse, CancellationToken ct)
    {
        var log = session.Logger("train");
        string? resumeDir = parse.GetValue(_resume);
        bool force = parse.GetValue(_force);
        if (resumeDir is not null && parse.GetValue(_config) is not null) throw new UserInputException("--resume and --config cannot be used together; a resumed run keeps its config.json");
        if (resumeDir is not null && parse.GetValue(_out) is { } o && Path.GetFullPath(o) != Path.GetFullPath(resumeDir))
            throw new UserInputException("--resume DIR continues the run in DIR; --out cannot name another directory");
        bool render = parse.GetValue(_render);
        string? record = parse.GetValue(_record);
        if (record is not null) RecordingTarget.FormatOf(record);
        double? pace = CommonOptions.ParsePace(parse.GetValue(_pace));
        bool startPaused = parse.GetValue(_startPaused);
        if ((pace is not null || startPaused) && !render) throw new UserInputException("--pace and --start-paused set the window's pace; add --render");
        int? mosaic = parse.GetValue(_mosaic);
        if (mosaic is < 1 or > MaxMosaic) throw new UserInputException($"--mosaic {mosaic} is not allowed; allowed: 1 to {MaxMosaic} copies");
        if (mosaic is not null && !render && record is null) throw new UserInputException("--mosaic arranges the window and the recordings; add --render or --record");
        if (render) RaylibWindow.EnsureCanOpen();

        var (config, dir) = resumeDir is not null ? ResolveResume(session, parse, resumeDir) : ResolveFresh(session, parse);
        if (SelfPlayTraining.Handles(session, config))
        {
            if (mosaic is > 1) throw new UserInputException($"--mosaic {mosaic} is not allowed for {config.Env}: self-play trains on one board; allowed: 1");
            return SelfPlayTraining.Run(session, config, dir, resumeDir is not null, force, render || record is not null, ct);
        }
        var setup = RunSetup.Of(session);

        // Everything that can refuse the run (unknown id, bad options, agent refusal, bad settings, occupied
        // directory) runs before any file is written.
        var env = setup.MakeEnv(config);
        try
        {
            var factory = setup.Factory(config, env);
            var agent = factory.Create(env, config.Settings, Seeds.Agent(config.Seed));
            int envs = config.NumEnvs ?? factory.Info.DefaultEnvs;
            if (mosaic > envs)
                throw new UserInputException($"--mosaic {mosaic} is not allowed: the run trains {envs} environment {(envs == 1 ? "copy" : "copies")}; allowed: 1 to {envs}, or more copies with --envs");
            if (resumeDir is null)
            {
                dir.PrepareFresh(force);
                dir.WriteConfig(config);
            }

            var progress = new TrainingProgress(config.Episodes, config.Steps, config.MovingAverage, session.Interactive ? null : log);
            // 'rlgym serve' shows the environment through this; it draws only when a dashboard asks.
            using var liveFrames = new LiveFramePublisher(env, agent, dir.Path);
            var options = TrainerOptions.FromConfig(config, dir,
                evaluationEnv: config.EvalEvery > 0 ? () => setup.MakeEnv(config) : null,
                force: force, resume: resumeDir is not null, observers: [progress, liveFrames]) with { Envs = envs };
            // Copy 0 is the environment already made (the window and the live frames draw it); the others come
            // from the same factory, so options and wrappers reach every copy.
            bool first = true;
            Func<IEnv> copies = () =>
            {
                if (!first) return setup.MakeEnv(config);
                first = false;
                return env;
            };

            string title = $"{config.Env} / {config.Agent}";
            log.LogInformation("training {Agent} on {Env} for {Budget}, seed {Seed}, into {Dir}",
                config.Agent, config.Env, config.Episodes is { } e ? $"{e} episodes" : $"{config.Steps} steps", config.Seed, dir.Path);
            Func<TrainingResult> train = render || record is not null
                ? () => TrainWatched(env, copies, agent, options, dir, new LiveViewOptions(ShowWindow: render, RecordPath: record, StepsPerSecond: pace,
                    StartPaused: startPaused, Window: new RaylibWindowOptions(Title: $"RlGym: {title}", ScreenshotDirectory: dir.Path), Mosaic: mosaic ?? 1), ct)
                : () =>
                {
                    using var trainer = Trainer.Create(copies, agent, options);
                    return trainer.Run(ct);
                };
            var result = session.Interactive ? ProgressBarDisplay.Run(session.ProgressConsole(), progress, title, train) : train();

            foreach (var w in result.Warnings) log.LogWarning("{Warning}", w);
            if (record is not null) log.LogInformation("recorded episodes to {Path}", Path.GetFullPath(record));
            WriteSummary(session, config, dir, result, progress, env.Spec?.RewardThreshold);
            // Closing the window also stops the run early; only a signal makes it a cancelled process.
            return result.Cancelled && ct.IsCancellationRequested ? RlGymApp.Cancelled : 0;
        }
        finally
        {
            env.Dispose();
        }
    }

    /// <summary>
    /// Trains with the window (on this thread, training on a worker) and/or the recorder watching: the live view's
    /// observer joins the trainer's observers, and Esc in the window stops the run as Ctrl+C does.
    /// </summary>
    private static TrainingResult TrainWatched(IEnv env, Func<IEnv> copies, IAgent agent, TrainerOptions options, RunDirectory dir, LiveViewOptions view, CancellationToken ct)
    {
        TrainingResult? result = null;
        LiveView.Run(env, agent, view, (observer, token) =>
        {
            using var trainer = Trainer.Create(copies, agent, options with { Observers = [.. options.Observers, observer] });
            result = trainer.Run(token);
        }, ct);
        return result ?? throw new InvalidOperationException("The live view returned without running the training.");
    }

    private (RunConfig, RunDirectory) ResolveFresh(CliSession session, ParseResult parse)
    {
        string? configPath = parse.GetValue(_config);
        var config = configPath is not null ? RunConfig.Load(configPath) : new RunConfig();
        session.EnsurePlugins(config.Plugins);
        if (string.IsNullOrEmpty(config.Env)) config.Env = DefaultEnv;
        if (configPath is null && parse.GetValue(_id) is null)
        {
            // The default run: FrozenLake with a tabular agent, a budget and a schedule that pass its threshold;
            // the configuration and the command line below override any of it.
            config.Agent = parse.GetValue(_agent) ?? DefaultAgent;
            DefaultRun.Apply(config);
        }
        if (string.IsNullOrEmpty(config.Agent)) config.Agent = DefaultAgent;
        if (config.Episodes is null && config.Steps is null) config.Episodes = DefaultEpisodes;
        RunConfigSources.Apply(session.Configuration, config);
        ApplyCommandLine(parse, config);
        config.Plugins = [.. session.Plugins];
        config.Validate();
        session.Envs.Spec(config.Env);

        string outPath = parse.GetValue(_out)
            ?? Path.Combine("runs", $"{config.Env}-{config.Agent}-{DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}");
        return (config, new RunDirectory(outPath));
    }

    private (RunConfig, RunDirectory) ResolveResume(CliSession session, ParseResult parse, string resumeDir)
    {
        var dir = new RunDirectory(resumeDir);
        var config = dir.ReadConfig();
        session.EnsurePlugins(config.Plugins);
        if (parse.GetValue(_id) is { } id && id != config.Env)
            throw new UserInputException($"the run in '{resumeDir}' trains on {config.Env}, not {id}");
        if (parse.GetValue(_agent) is { } a && a != config.Agent)
            throw new UserInputException($"the run in '{resumeDir}' trains {config.Agent}, not {a}");
        if ((parse.GetValue(_settings)?.Length ?? 0) > 0 || (parse.GetValue(_options)?.Length ?? 0) > 0 || (parse.GetValue(_wrap)?.Length ?? 0) > 0
            || parse.GetValue(_seed) is not null || parse.GetValue(_maxSteps) is not null || parse.GetValue(_envs) is not null)
            throw new UserInputException("a resumed run keeps its environment, agent, settings, copies and seed; only --episodes or --steps may change (to extend it)");
        var before = config.ToJson();
        if (parse.GetValue(_episodes) is { } n) (config.Episodes, config.Steps) = (n, null);
        if (parse.GetValue(_steps) is { } s) (config.Steps, config.Episodes) = (s, null);
        if (parse.GetValue(_evalEvery) is { } ee) config.EvalEvery = ee;
        if (parse.GetValue(_checkpointEvery) is { } ce) config.CheckpointEvery = ce;
        config.Validate();
        // The extended budget is part of what reruns the run; a damaged checkpoint refuses the resume before then,
        // so a refused resume leaves every file as it was.
        if (config.ToJson() != before)
        {
            var checkpoint = dir.Checkpoints.Load(config.Env, config.Agent);
            if (config.Episodes is { } episodes && checkpoint.Episode >= episodes)
                throw new UserInputException($"the run in '{resumeDir}' already has {checkpoint.Episode} episodes; resume with --episodes above {checkpoint.Episode}");
            if (config.Steps is { } steps && checkpoint.TotalSteps >= steps)
                throw new UserInputException($"the run in '{resumeDir}' already has {checkpoint.TotalSteps} steps; resume with --steps above {checkpoint.TotalSteps}");
            dir.WriteConfig(config);
        }
        return (config, dir);
    }

    private void ApplyCommandLine(ParseResult parse, RunConfig config)
    {
        if (parse.GetValue(_id) is { } id) config.Env = id;
        if (parse.GetValue(_agent) is { } agent) config.Agent = agent;
        int? episodes = parse.GetValue(_episodes);
        long? steps = parse.GetValue(_steps);
        if (episodes is not null && steps is not null) throw new UserInputException("--episodes and --steps cannot be used together; the budget is one or the other");
        if (episodes is { } n) (config.Episodes, config.Steps) = (n, null);
        if (steps is { } s) (config.Steps, config.Episodes) = (s, null);
        if (parse.GetValue(_seed) is { } seed) config.Seed = seed;
        if (parse.GetValue(_envs) is { } copies) config.NumEnvs = copies;
        foreach (var (k, v) in CommonOptions.ParseSettings(parse.GetValue(_settings))) config.Settings[k] = v;
        foreach (var (k, v) in CommonOptions.ParseEnvOptions(parse.GetValue(_options)).Values) config.EnvOptions[k] = v;
        var wraps = parse.GetValue(_wrap) ?? [];
        if (wraps.Length > 0) config.Wrappers = [.. wraps];
        if (parse.GetValue(_maxSteps) is { } ms) config.MaxEpisodeSteps = ms;
        if (parse.GetValue(_evalEvery) is { } ee) config.EvalEvery = ee;
        if (parse.GetValue(_checkpointEvery) is { } ce) config.CheckpointEvery = ce;
    }

    private static void WriteSummary(CliSession session, RunConfig config, RunDirectory dir, TrainingResult result, TrainingProgress progress, double? threshold)
    {
        var inv = CultureInfo.InvariantCulture;
        var w = session.Error;
        w.WriteLine(result.Cancelled
            ? $"rlgym: training cancelled after {result.Episodes} episodes; checkpoint and metrics are in {dir.Path} (resume with: rlgym train --resume {dir.Path})"
            : $"rlgym: trained {config.Agent} on {config.Env}: {result.Episodes} episodes, {result.TotalSteps} steps in {result.WallSeconds.ToString("0.0", inv)} s");
        w.WriteLine($"rlgym: mean return of the last {Math.Min(progress.Episodes, config.MovingAverage)} episodes {progress.MovingAverage.ToString("0.000", inv)}, best {result.BestReturn.ToString("0.###", inv)}");
        if (result.LastEvaluation is { } ev)
            w.WriteLine($"rlgym: last greedy evaluation {ev.Mean.ToString("0.000", inv)} ± {ev.StandardDeviation.ToString("0.000", inv)} (std) over {ev.Episodes} episodes"
                + (threshold is { } t ? $"; reward threshold {t.ToString("R", inv)} {(ev.Mean >= t ? "reached" : "not reached")}" : ""));
        w.WriteLine($"rlgym: run directory {dir.Path}; evaluate with: rlgym eval {dir.Path}");
        w.Flush();
    }
}
