using RlGym.Core.Agents;
using RlGym.Core.Environments;

namespace RlGym.Training;

/// <summary>
/// Runs an agent on an environment for a number of episodes or steps from one seed. The same seed, options and
/// agent settings give the same <c>metrics.csv</c> byte for byte except the <c>wall_seconds</c> column, and the same
/// final agent. See <see cref="Trainer{TObs,TAct}"/> for the loop.
/// </summary>
public abstract class Trainer
{
    /// <summary>
    /// A trainer for an environment and agent whose types are not known statically (what the command line has):
    /// the environment's types are recovered with <see cref="IEnvVisitor{TResult}"/>, and an agent that does not
    /// accept them is refused with a <see cref="Core.Errors.UserInputException"/>.
    /// </summary>
    public static Trainer Create(IEnv env, IAgent agent, TrainerOptions options) =>
        env.Accept(new Builder(agent, options));

    /// <summary>The environment trained on.</summary>
    public abstract IEnv Environment { get; }

    /// <summary>The agent trained.</summary>
    public abstract IAgent Agent { get; }

    /// <summary>
    /// Trains until the budget is reached or <paramref name="cancellation"/> is signalled. On cancellation the step
    /// in progress finishes, the metrics are flushed, a checkpoint and the agent are written, and the result says
    /// <see cref="TrainingResult.Cancelled"/>.
    /// </summary>
    public abstract TrainingResult Run(CancellationToken cancellation = default);

    private sealed class Builder(IAgent agent, TrainerOptions options) : IEnvVisitor<Trainer>
    {
        public Trainer Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            agent is IAgent<TObs, TAct> typed
                ? new Trainer<TObs, TAct>(env, typed, options)
                : throw Evaluation.Evaluator.Mismatch(agent, env);
    }
}
