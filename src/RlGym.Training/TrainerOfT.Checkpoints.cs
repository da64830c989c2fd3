using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Training.Checkpoints;

namespace RlGym.Training;

// Checkpoints and resume: what lets a run stopped at any step continue exactly.
public sealed partial class Trainer<TObs, TAct>
{
    /// <summary>
    /// Loads the checkpoint into the agent, the copies and <paramref name="run"/>. Everything that can refuse the
    /// resume runs before any file is touched.
    /// </summary>
    private Checkpoint Resume(RunState run)
    {
        var o = _options;
        var store = o.Directory!.Checkpoints;
        var c = store.Load(_envId, _agent.Name);
        if (c.Seed != o.Seed)
            throw new UserInputException($"checkpoint '{store.FilePath}' was taken with seed {c.Seed}, not {o.Seed}; resume with seed {c.Seed} or use --force to start over");
        if (c.Copies.Count != _envs.Length)
            throw new UserInputException($"checkpoint '{store.FilePath}' was taken with {c.Copies.Count} environment copies, not {_envs.Length}; resume with --envs {c.Copies.Count}");
        if (o.Episodes is { } episodes && c.Episode >= episodes && !o.CompleteTrainedRun)
            throw new UserInputException($"the run in '{o.Directory.Path}' already has {c.Episode} episodes; resume with --episodes above {c.Episode}, or use --force to start over");
        if (o.Steps is { } steps && c.TotalSteps >= steps && !o.CompleteTrainedRun)
            throw new UserInputException($"the run in '{o.Directory.Path}' already has {c.TotalSteps} steps; resume with --steps above {c.TotalSteps}, or use --force to start over");
        using (var agentBytes = new MemoryStream(c.Agent, writable: false)) _agent.Load(agentBytes);

        run.Episode = c.Episode;
        run.TotalSteps = c.TotalSteps;
        run.WallOffset = c.WallSeconds;
        run.Best = c.BestReturn;
        run.Last = c.LastReturn;
        run.BestEvaluation = c.BestEvaluation;
        run.EvaluationStarted = c.EvaluationStarted;
        run.Seeded = c.Seeded;
        for (int i = 0; i < _envs.Length; i++)
        {
            var copy = c.Copies[i];
            if (copy.State is { } state && copy.Observation is { } observation)
            {
                EnvState.Restore(_envs[i], state);
                run.Observations[i] = (TObs)ValueCodec.Decode(observation);
                run.Resetting[i] = copy.Resetting;
                run.Returns[i] = copy.Return;
                run.Lengths[i] = copy.Length;
            }
            else if (c.Seeded)
            {
                // Only the generator was kept: the copy starts a new episode that continues its stream.
                if (copy.Random is { } rng && _envs[i] is Env<TObs, TAct> env) env.RandomState = rng;
                run.Resetting[i] = true;
            }
        }
        return c;
    }

    private static void RestoreEvaluation(IEnv<TObs, TAct> evalEnv, Checkpoint c)
    {
        if (c.EvaluationState is { } state && EnvState.CanSave(evalEnv)) EnvState.Restore(evalEnv, state);
        else if (c.EvaluationRandom is { } rng && evalEnv is Env<TObs, TAct> env) env.RandomState = rng;
    }

    private void SaveCheckpoint(Session session)
    {
        if (_options.Directory is not { } dir) return;
        session.Metrics?.Flush();
        dir.Checkpoints.Save(Snapshot(session));
    }

    private Checkpoint Snapshot(Session session)
    {
        var run = session.Run;
        using var agentBytes = new MemoryStream();
        _agent.Save(agentBytes);
        bool exact = ValueCodec.Supports(typeof(TObs));
        var copies = new CopyCheckpoint[_envs.Length];
        for (int i = 0; i < copies.Length; i++)
        {
            var env = _envs[i];
            bool saveable = exact && run.Seeded && EnvState.CanSave(env);
            copies[i] = new CopyCheckpoint
            {
                State = saveable ? EnvState.Save(env) : null,
                Random = saveable ? null : (env as Env<TObs, TAct>)?.RandomState,
                Observation = saveable ? ValueCodec.Encode(run.Observations[i]) : null,
                Resetting = run.Resetting[i],
                Return = run.Returns[i],
                Length = run.Lengths[i],
            };
        }
        return new Checkpoint
        {
            EnvId = _envId,
            AgentName = _agent.Name,
            Seed = _options.Seed,
            Episode = run.Episode,
            TotalSteps = run.TotalSteps,
            MetricsRows = session.Metrics?.RowCount ?? run.Episode,
            WallSeconds = run.WallOffset + session.Clock.Elapsed.TotalSeconds,
            BestReturn = run.Best,
            LastReturn = run.Last,
            BestEvaluation = run.BestEvaluation,
            Seeded = run.Seeded,
            EvaluationStarted = run.EvaluationStarted,
            EvaluationRandom = (session.EvaluationEnv as Env<TObs, TAct>)?.RandomState,
            EvaluationState = session.EvaluationEnv is { } evalEnv && run.EvaluationStarted && EnvState.CanSave(evalEnv) ? EnvState.Save(evalEnv) : null,
            Copies = copies,
            Agent = agentBytes.ToArray(),
        };
    }
}
