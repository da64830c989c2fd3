using RlGym.Agents.Search.Imitation;
using RlGym.Agents.Search.MultiAgent;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.MultiAgent;
using RlGym.Core.Settings;
using RlGym.Core.Spaces;

namespace RlGym.Agents.Search.Registration;

/// <summary>
/// Registers the learners of this project that train through the usual loop: behaviour cloning, and the centralised
/// critic, which plays both sides of a cooperative matrix game as one joint action.
/// </summary>
public sealed class SearchAgents : IAgentPackage
{
    /// <inheritdoc />
    public void Register(AgentRegistry registry)
    {
        registry.Register(new BehaviourCloningFactory());
        registry.Register(new CentralisedCriticFactory());
    }

    private sealed class CentralisedCriticFactory : IAgentFactory
    {
        public AgentInfo Info { get; } = new(CentralisedCritic.AgentName,
            "centralised critic for cooperative two-player matrix games: Q(s, a₀, a₁) ← Q + α (r + γ max Q(s′,·,·) − Q); each player plays its part of argmax Q",
            "two-player simultaneous-move games (ClimbingGame-v0); the team's reward is player 0's",
            SettingsBinder.Describe(new IndependentQLearnerOptions()));

        public string? Refusal(IEnv env) =>
            env.Unwrapped is ISimultaneousEnv { PlayerCount: 2 } && env.ObservationSpace is Discrete && env is IEnv<int, int[]>
                ? null
                : $"{Info.Name} plays two-player simultaneous-move games with Discrete observations (PrisonersDilemma-v0, MatchingPennies-v0, ClimbingGame-v0); {env.Spec?.Id ?? env.GetType().Name} is not one";

        public IAgent Create(IEnv env, IReadOnlyDictionary<string, string> settings, long seed)
        {
            if (Refusal(env) is { } refusal) throw new UserInputException(refusal);
            var game = (ISimultaneousEnv)env.Unwrapped;
            return new CentralisedCritic(((Discrete)env.ObservationSpace).N, game.ActionCount(0), game.ActionCount(1),
                SettingsBinder.Bind(new IndependentQLearnerOptions(), settings), seed);
        }
    }

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
