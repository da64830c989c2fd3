using RlGym.Agents.Search.MultiAgent;
using RlGym.Agents.Search.Registration;
using RlGym.Core.Registration;
using RlGym.Envs.Games;
using RlGym.Training;
using RlGym.Core.Agents;
using RlGym.Envs.Games.MatrixGames;
using RlGym.Training.Games;
using Xunit.Abstractions;

namespace RlGym.Agents.Search.Tests;

/// <summary>
/// Lecture 7's point about independent learners: each one's environment holds the other learner, so single-agent
/// Q-learning's guarantee is gone. Where an action dominates (prisoner's dilemma) or the players only need to agree
/// (climbing game) they still settle; where the only equilibrium is mixed (matching pennies) they keep chasing each
/// other. One-round episodes, ε = 0.1, α = 0.1, Q = 0 at the start, seeds 1 to 5.
/// </summary>
public sealed class MultiAgentLearnerTests(ITestOutputHelper output)
{
    private const int Start = 4; // the observation before the first round of a 2×2 game
    private static readonly IndependentQLearnerOptions s_options = new();

    private static IndependentQLearner[] Learners(MatrixGameEnv env, long seed) =>
    [
        new(env.ObservationSpace is Core.Spaces.Discrete d ? d.N : 0, env.ActionCount(0), s_options, seed),
        new(((Core.Spaces.Discrete)env.ObservationSpace).N, env.ActionCount(1), s_options, seed + 1000),
    ];

    /// <summary>Switches of each player's greedy action in the second half of <paramref name="rounds"/> rounds, and how often player 0 played action 0.</summary>
    private static (int[] Switches, double FirstActionShare, IndependentQLearner[] Players) Play(MatrixGame game, int rounds, long seed)
    {
        var env = new MatrixGameEnv(game);
        var players = Learners(env, seed);
        int start = env.ActionCount(0) * env.ActionCount(1);
        var switches = new int[2];
        var last = new[] { -1, -1 };
        int firstAction = 0;
        SimultaneousPlay.Run(env, players, rounds, seed, (round, joint, _) =>
        {
            if (joint[0] == 0) firstAction++;
            for (int i = 0; i < 2; i++)
            {
                int greedy = players[i].Greedy(start);
                if (round >= rounds / 2 && last[i] >= 0 && greedy != last[i]) switches[i]++;
                last[i] = greedy;
            }
        });
        return (switches, firstAction / (double)rounds, players);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void IndependentLearnersSettleOnMutualDefectionInThePrisonersDilemma(long seed)
    {
        var (switches, _, players) = Play(MatrixGame.PrisonersDilemma(), 5000, seed);
        output.WriteLine($"seed {seed}: Q0 = [{players[0].Q(Start, 0):0.00}, {players[0].Q(Start, 1):0.00}], switches {switches[0]}, {switches[1]}");
        Assert.Equal(1, players[0].Greedy(Start));
        Assert.Equal(1, players[1].Greedy(Start));
        Assert.Equal([0, 0], switches);
    }

    // Measured (5,000 rounds): seeds 1 and 2 end on (a, a) = 11, seeds 3, 4 and 5 on (c, c) = 5, whose neighbours
    // cost nothing while the partner explores; player 0 still wavers between c and b on some seeds, since (c, c) is not
    // an equilibrium, only a safe place to be.
    [Fact]
    public void IndependentLearnersCoordinateInTheClimbingGameButNotAlwaysOnItsOptimum()
    {
        var game = MatrixGame.ClimbingGame();
        int optimal = 0;
        for (long seed = 1; seed <= 5; seed++)
        {
            var (switches, _, players) = Play(game, 5000, seed);
            int start = 9, a0 = players[0].Greedy(start), a1 = players[1].Greedy(start);
            output.WriteLine($"seed {seed}: greedy ({game.FirstActions[a0]}, {game.SecondActions[a1]}), switches {switches[0]}, {switches[1]}");
            // A coordinated outcome: both players choose the same action.
            Assert.Equal(a0, a1);
            if (a0 == 0) optimal++;
        }
        // ... but not always the optimum (a, a), whose neighbours cost −30 while the partner explores.
        Assert.True(optimal < 5, "independent learners found the optimum on every seed");
        Assert.True(optimal > 0, "independent learners never found the optimum");
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void ACentralisedCriticFindsTheClimbingGamesOptimum(long seed)
    {
        var game = MatrixGame.ClimbingGame();
        var env = new MatrixGameEnv(game);
        var critic = new CentralisedCritic(10, 3, 3, s_options, seed);
        var obs = env.Reset(seed).Observation;
        for (int round = 0; round < 5000; round++)
        {
            var action = critic.Act(obs, explore: true);
            var r = env.Step(action);
            critic.Observe(new Transition<int, int[]>(obs, action, r.Reward, r.Observation, r.Terminated, r.Truncated));
            obs = r.Done ? env.Reset().Observation : r.Observation;
        }
        output.WriteLine($"seed {seed}: Q(a, a) = {critic.Q(9, 0, 0):0.000}");
        Assert.Equal(0, critic.Decentralised(9, 0));
        Assert.Equal(0, critic.Decentralised(9, 1));
        Assert.Equal(11, critic.Q(9, 0, 0), 1);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void IndependentLearnersCycleInMatchingPennies(long seed)
    {
        var (switches, heads, players) = Play(MatrixGame.MatchingPennies(), 20000, seed);
        output.WriteLine($"seed {seed}: switches {switches[0]}, {switches[1]} in the last 10,000 rounds; heads {heads:0.000}; Q0 = [{players[0].Q(Start, 0):0.000}, {players[0].Q(Start, 1):0.000}]");
        // The last iterate does not settle: the greedy actions keep turning (measured: hundreds of switches per
        // player in the last 10,000 rounds) ...
        Assert.True(switches[0] >= 50 && switches[1] >= 50, $"greedy actions switched only {switches[0]} and {switches[1]} times");
        // ... while the time average of play is the mixed equilibrium, ½ – ½.
        Assert.Equal(0.5, heads, 1);
    }

    [Fact]
    public void TheCentralisedCriticTrainsThroughTheUsualLoopOnTheRegisteredClimbingGame()
    {
        using var env = new EnvRegistry().Add(new GameEnvironments()).Make("ClimbingGame-v0");
        var factory = new AgentRegistry().Add(new SearchAgents()).Get(CentralisedCritic.AgentName);
        var critic = (CentralisedCritic)factory.Create(env, new Dictionary<string, string>(), seed: 7);
        Trainer.Create(env, critic, new TrainerOptions { Episodes = 5000, Seed = 7, WriteLearningCurve = false }).Run();
        Assert.Equal(0, critic.Decentralised(9, 0));
        Assert.Equal(0, critic.Decentralised(9, 1));
        using var board = new EnvRegistry().Add(new GameEnvironments()).Make("TicTacToe-v0");
        Assert.Contains("simultaneous-move", factory.Refusal(board), StringComparison.Ordinal);
    }
}
