using RlGym.Agents.Search.AlphaZero;
using RlGym.Agents.Search.Mcts;
using RlGym.Agents.Search.Minimax;
using RlGym.Core.Agents;
using RlGym.Core.MultiAgent;
using RlGym.Core.Settings;

namespace RlGym.Agents.Search.Registration;

/// <summary>Registers the game players: random, minimax, mcts and the alphazero learner.</summary>
public sealed class SearchPlayers : IGamePlayerPackage
{
    /// <summary>What the players accept, for <c>rlgym agents</c>.</summary>
    public const string Accepts = "two-player board games (TicTacToe-v0, ConnectFour-v0)";

    /// <inheritdoc />
    public void Register(GamePlayerRegistry registry)
    {
        registry.Register(new RandomFactory());
        registry.Register(new MinimaxFactory());
        registry.Register(new MctsFactory());
        registry.Register(new AlphaZeroFactory());
    }

    private sealed class RandomFactory : IGamePlayerFactory
    {
        public AgentInfo Info { get; } = new("random", "a uniformly random legal move", Accepts, []);

        public IGamePlayer<TState> Create<TState, TRules>(TRules rules, IReadOnlyDictionary<string, string> settings, long seed)
            where TState : struct where TRules : struct, IGameRules<TState>
        {
            SettingsBinder.Bind(new NoOptions(), settings);
            return new RandomPlayer<TState, TRules>(rules, seed);
        }
    }

    private sealed class MinimaxFactory : IGamePlayerFactory
    {
        public AgentInfo Info { get; } = new("minimax", "minimax with alpha-beta pruning (depth-limited with a heuristic on large games)", Accepts,
            SettingsBinder.Describe(new MinimaxOptions()));

        public IGamePlayer<TState> Create<TState, TRules>(TRules rules, IReadOnlyDictionary<string, string> settings, long seed)
            where TState : struct where TRules : struct, IGameRules<TState> =>
            new MinimaxPlayer<TState, TRules>(rules, SettingsBinder.Bind(new MinimaxOptions(), settings), seed);
    }

    private sealed class MctsFactory : IGamePlayerFactory
    {
        public AgentInfo Info { get; } = new("mcts", "Monte Carlo tree search (UCT) with random rollouts", Accepts,
            SettingsBinder.Describe(new MctsOptions()));

        public IGamePlayer<TState> Create<TState, TRules>(TRules rules, IReadOnlyDictionary<string, string> settings, long seed)
            where TState : struct where TRules : struct, IGameRules<TState> =>
            new MctsPlayer<TState, TRules>(rules, SettingsBinder.Bind(new MctsOptions(), settings), seed);
    }

    private sealed class AlphaZeroFactory : IGamePlayerFactory
    {
        public AgentInfo Info { get; } = new("alphazero",
            "AlphaZero-style learner: PUCT search over policy and value networks, trained by self-play (optionally after behaviour cloning)",
            Accepts, SettingsBinder.Describe(new AlphaZeroOptions()));

        public IGamePlayer<TState> Create<TState, TRules>(TRules rules, IReadOnlyDictionary<string, string> settings, long seed)
            where TState : struct where TRules : struct, IGameRules<TState> =>
            new AlphaZeroPlayer<TState, TRules>(rules, SettingsBinder.Bind(new AlphaZeroOptions(), settings), seed);
    }

    private sealed record NoOptions;
}
