using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.MultiAgent;

namespace RlGym.Training.Games;

/// <summary>
/// The loop of independent learners in a simultaneous-move game (<see cref="ISimultaneousEnv"/>): every round each
/// player chooses its own action from its own observation, the environment plays the joint action, and each player
/// learns from its own transition with its own reward. The players never see each other's actions or rewards; that
/// is what makes them independent.
/// </summary>
public static class SimultaneousPlay
{
    /// <summary>
    /// Plays <paramref name="rounds"/> steps of <paramref name="env"/> (episodes reset as they end; the first reset is
    /// seeded with <paramref name="seed"/>). <paramref name="onRound"/> sees each round's joint action and rewards.
    /// </summary>
    public static void Run(IEnv<int, int[]> env, IReadOnlyList<IAgent<int, int>> players, int rounds, long seed,
        Action<int, ReadOnlySpan<int>, ReadOnlySpan<double>>? onRound = null)
    {
        var game = env.Unwrapped as ISimultaneousEnv
            ?? throw new ArgumentException($"{env} is not a simultaneous-move game.", nameof(env));
        if (players.Count != game.PlayerCount)
            throw new ArgumentException($"The game has {game.PlayerCount} players; {players.Count} were given.", nameof(players));
        int n = players.Count;
        var observations = new int[n];
        var joint = new int[n];
        env.Reset(seed);
        for (int round = 0; round < rounds; round++)
        {
            for (int i = 0; i < n; i++)
            {
                observations[i] = game.Observe(i);
                joint[i] = players[i].Act(observations[i], explore: true);
            }
            var result = env.Step(joint);
            var rewards = game.Rewards;
            for (int i = 0; i < n; i++)
                players[i].Observe(new Transition<int, int>(observations[i], joint[i], rewards[i], game.Observe(i),
                    game.IsTerminated(i), game.IsTruncated(i)));
            onRound?.Invoke(round, joint, rewards);
            if (result.Done) env.Reset();
        }
    }
}
