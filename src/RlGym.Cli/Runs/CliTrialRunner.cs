using RlGym.Core.Errors;
using RlGym.Sweeps.Running;
using RlGym.Training;
using RlGym.Training.Runs;

namespace RlGym.Cli.Runs;

/// <summary>
/// Trains a sweep's trial the way <c>rlgym train</c> does, into an ordinary run directory: a new run when the
/// directory holds no checkpoint, else <c>train --resume</c> up to the (possibly grown) budget. The config.json is
/// rewritten with the trial's configuration, so the directory reruns, evaluates and resumes on its own.
/// </summary>
public sealed class CliTrialRunner(RunSetup setup) : ITrialRunner
{
    /// <inheritdoc />
    public TrialOutcome Run(RunConfig config, string directory, bool learningCurve, CancellationToken cancellation)
    {
        config.Validate();
        var dir = new RunDirectory(directory);
        var checkpoint = ResumableCheckpoint(dir, config);
        bool resume = checkpoint is not null;
        // A trial that already trained its whole budget (its report was lost with a worker) is done: report it again.
        // Stopped after its last checkpoint but before its agent file or plot, it resumes to write them.
        bool trained = checkpoint is not null
            && (config.Episodes is { } episodes ? checkpoint.Episode >= episodes : checkpoint.TotalSteps >= config.Steps);
        if (trained && File.Exists(dir.MetricsPath) && File.Exists(dir.AgentPath)
            && (!learningCurve || File.Exists(dir.LearningCurvePath)))
            return TrialOutcome.FromMetrics(dir.MetricsPath);
        var env = setup.MakeEnv(config);
        try
        {
            var factory = setup.Factory(config, env);
            var agent = factory.Create(env, config.Settings, Seeds.Agent(config.Seed));
            if (!resume) dir.PrepareFresh(force: true);
            dir.WriteConfig(config);
            var options = TrainerOptions.FromConfig(config, dir,
                evaluationEnv: config.EvalEvery > 0 ? () => setup.MakeEnv(config) : null,
                force: !resume, resume: resume) with { WriteLearningCurve = learningCurve, CompleteTrainedRun = trained, Envs = config.NumEnvs ?? factory.Info.DefaultEnvs };
            bool first = true;
            using var trainer = Trainer.Create(() =>
            {
                if (!first) return setup.MakeEnv(config);
                first = false;
                return env;
            }, agent, options);
            var result = trainer.Run(cancellation);
            if (result.Cancelled) throw new OperationCanceledException(cancellation);
            return TrialOutcome.FromMetrics(dir.MetricsPath);
        }
        finally
        {
            env.Dispose();
        }
    }

    /// <summary>A checkpoint of this trial that loads; a damaged one is started over (its run is deterministic).</summary>
    private static Training.Checkpoints.Checkpoint? ResumableCheckpoint(RunDirectory dir, RunConfig config)
    {
        if (!dir.Checkpoints.Exists) return null;
        try
        {
            var checkpoint = dir.Checkpoints.Load(config.Env, config.Agent);
            return checkpoint.Seed == config.Seed ? checkpoint : null;
        }
        catch (UserInputException)
        {
            return null;
        }
    }
}
