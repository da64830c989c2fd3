using RlGym.Core.Agents;
using RlGym.Core.Environments;

namespace RlGym.Training;

/// <summary>
/// Runs an agent on K copies of an environment (K = 1 unless <see cref="TrainerOptions.Envs"/> says more) for a
/// number of episodes or steps from one seed. The same seed, options and agent settings give the same
/// <c>metrics.csv</c> byte for byte except the <c>wall_seconds</c> column, and the same final agent. See
/// <see cref="Trainer{TObs,TAct}"/> for the loop. Disposing the trainer disposes its environment copies.
/// </summary>
public abstract class Trainer : IDisposable
{
    /// <summary>
    /// A trainer that makes <see cref="TrainerOptions.Envs"/> copies with <paramref name="makeEnv"/> (the same factory
    /// that makes the evaluation environment, so options and wrappers reach every copy). The environment's types are
    /// recovered with <see cref="IEnvVisitor{TResult}"/>; an agent that does not accept them is refused with a
    /// <see cref="Core.Errors.UserInputException"/>.
    /// </summary>
    public static Trainer Create(Func<IEnv> makeEnv, IAgent agent, TrainerOptions options)
    {
        var copies = new List<IEnv>(options.Envs);
        try
        {
            for (int i = 0; i < Math.Max(1, options.Envs); i++) copies.Add(makeEnv());
            return copies[0].Accept(new Builder(copies, agent, options));
        }
        catch
        {
            foreach (var env in copies) env.Dispose();
            throw;
        }
    }

    /// <summary>A trainer on the one environment <paramref name="env"/> (K = 1), which it disposes with itself.</summary>
    public static Trainer Create(IEnv env, IAgent agent, TrainerOptions options) =>
        env.Accept(new Builder([env], agent, options with { Envs = 1 }));

    /// <summary>Copy 0 of the environment trained on (the one the window and recordings follow).</summary>
    public abstract IEnv Environment { get; }

    /// <summary>Every copy of the environment, in copy order.</summary>
    public abstract IReadOnlyList<IEnv> Environments { get; }

    /// <summary>The agent trained.</summary>
    public abstract IAgent Agent { get; }

    /// <summary>
    /// Trains until the budget is reached or <paramref name="cancellation"/> is signalled. On cancellation the vector
    /// step in progress finishes, the metrics are flushed, a checkpoint and the agent are written, and the result says
    /// <see cref="TrainingResult.Cancelled"/>.
    /// </summary>
    public abstract TrainingResult Run(CancellationToken cancellation = default);

    /// <summary>Disposes the environment copies.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Disposes the environment copies when <paramref name="disposing"/>.</summary>
    protected abstract void Dispose(bool disposing);

    private sealed class Builder(IReadOnlyList<IEnv> copies, IAgent agent, TrainerOptions options) : IEnvVisitor<Trainer>
    {
        public Trainer Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull
        {
            if (agent is not IAgent<TObs, TAct> typed) throw Evaluation.Evaluator.Mismatch(agent, env);
            var typedCopies = copies.Select(c => c as IEnv<TObs, TAct> ?? throw new ArgumentException(
                $"environment copies differ in type: {c} is not like {env}")).ToArray();
            return new Trainer<TObs, TAct>(typedCopies, typed, options);
        }
    }
}
