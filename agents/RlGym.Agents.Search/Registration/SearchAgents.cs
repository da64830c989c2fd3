using RlGym.Agents.Search.Imitation;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Settings;
using RlGym.Core.Spaces;

namespace RlGym.Agents.Search.Registration;

/// <summary>Registers the single-agent learners of this project: behaviour cloning.</summary>
public sealed class SearchAgents : IAgentPackage
{
    /// <inheritdoc />
    public void Register(AgentRegistry registry) => registry.Register(new BehaviourCloningFactory());

    private sealed class BehaviourCloningFactory : IAgentFactory
    {
        public AgentInfo Info { get; } = new(BehaviourCloningAgent.AgentName,
            "behaviour cloning: π(a|s; θ) fitted to a demonstrator's moves, L(θ) = −(1/B) Σ ln π(a_i|s_i; θ)",
            "Discrete or flat Box observations, Discrete actions; needs demonstrations=PATH",
            SettingsBinder.Describe(new BehaviourCloningOptions()));

        public string? Refusal(IEnv env)
        {
            string id = env.Spec?.Id ?? env.GetType().Name;
            string? observations = env.ObservationSpace switch
            {
                Discrete or Box { Shape.Count: 1 } => null,
                var other => $"{Info.Name} needs Discrete or flat Box observations; {id} has {other}",
            };
            return observations ?? (env.ActionSpace is Discrete { Start: 0 }
                ? null
                : $"{Info.Name} needs Discrete actions from 0; {id} has {env.ActionSpace}");
        }

        public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
        {
            if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
            var options = SettingsBinder.Bind(new BehaviourCloningOptions(), settings);
            if (string.IsNullOrWhiteSpace(options.Demonstrations))
                throw new UserInputException($"{Info.Name} needs demonstrations=PATH, a file written by 'rlgym rollout ID --policy plan|DIR -n N'");
            int actions = ((Discrete)env.ActionSpace).N;
            var demonstrations = Demonstrations.Read(options.Demonstrations, env.ObservationSpace, actions);
            return new BehaviourCloningAgent(env.ObservationSpace, actions, demonstrations, options, seed);
        }
    }
}
