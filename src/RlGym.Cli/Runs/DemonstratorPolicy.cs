using RlGym.Agents.Tabular.Planning;
using RlGym.Cli.Commands;
using RlGym.Cli.Hosting;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Tabular;

namespace RlGym.Cli.Runs;

/// <summary>
/// The demonstrator of <c>rlgym rollout --policy</c>: a tabular environment's optimal policy (<c>plan</c>) or the greedy
/// policy of a run directory's trained agent, with the environment it acts in. Disposing it disposes the environment.
/// </summary>
public sealed class DemonstratorPolicy : IDisposable
{
    private readonly Func<object, object> _act;
    private readonly IDisposable? _owner;

    private DemonstratorPolicy(IEnv env, Func<object, object> act, IDisposable? owner) => (Env, _act, _owner) = (env, act, owner);

    /// <summary>The environment the demonstrator acts in.</summary>
    public IEnv Env { get; }

    /// <summary>The demonstrator's action for <paramref name="observation"/>.</summary>
    public object Act(object observation) => _act(observation);

    /// <summary>
    /// The demonstrator <paramref name="policy"/> names for environment <paramref name="id"/>: null for <c>random</c> (or
    /// none); a policy that is neither <c>random</c>, <c>plan</c> nor a run directory is a user mistake.
    /// </summary>
    public static DemonstratorPolicy? Open(CliSession session, string id, string? policy, string[]? envOptions, int? maxSteps)
    {
        if (policy is null or "random") return null;
        if (policy == "plan")
        {
            var env = session.Envs.Make(id, CommonOptions.ParseEnvOptions(envOptions), maxSteps);
            if (env.Unwrapped is not ITabularModel model || env.ObservationSpace is not Core.Spaces.Discrete)
            {
                env.Dispose();
                throw new UserInputException($"--policy plan needs a tabular environment (FrozenLake-v1, CliffWalking-v1, Taxi-v3, ...); {id} has no transition model");
            }
            var plan = ValueIteration.Solve(model, 0.99);
            return new DemonstratorPolicy(env, observation => plan.Policy[(int)observation], env);
        }
        if (!Directory.Exists(policy))
            throw new UserInputException($"--policy {policy} is not allowed; allowed: random, plan, or a run directory written by 'rlgym train'");
        if (envOptions is { Length: > 0 } || maxSteps is not null)
            throw new UserInputException("--policy DIR acts in the run's own environment; leave out -o and --max-steps");
        var saved = SavedAgent.Open(session, policy);
        if (saved.Config.Env != id)
        {
            saved.Dispose();
            throw new UserInputException($"the run in {policy} was trained on {saved.Config.Env}, not {id}");
        }
        return new DemonstratorPolicy(saved.Env, saved.Env.Accept(new Greedy(saved.Agent)), saved);
    }

    /// <inheritdoc />
    public void Dispose() => _owner?.Dispose();

    private sealed class Greedy(IAgent agent) : IEnvVisitor<Func<object, object>>
    {
        public Func<object, object> Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            agent is IAgent<TObs, TAct> typed
                ? observation => typed.Act((TObs)observation, explore: false)
                : throw new UserInputException($"agent '{agent.Name}' cannot act on {env}");
    }
}
