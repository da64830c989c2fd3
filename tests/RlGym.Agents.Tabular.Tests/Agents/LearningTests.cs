using RlGym.Agents.Tabular.Planning;
using RlGym.Agents.Tabular.Tests.Mdps;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular.Tests.Agents;

/// <summary>Whole runs: the agents reach the values and policies the planners say they should.</summary>
public sealed class LearningTests
{
    public static TheoryData<long> Seeds => [1, 2, 3];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Q_learning_finds_the_cliff_edge_path_but_sarsa_earns_more_while_exploring(long seed)
    {
        // Sutton & Barto Example 6.6 (ε = 0.1, α = 0.5, undiscounted): Q-learning learns the optimal path along the
        // edge (13 steps) and keeps falling off it while exploring; Sarsa values the ε-greedy policy it follows and
        // walks further from the edge, so its returns during training are higher (about −25 against −50 in the book).
        var q = new QLearningAgent(48, 4, new QLearningOptions { Alpha = 0.5, Gamma = 1, Epsilon = 0.1 }, seed);
        var sarsa = new SarsaAgent(48, 4, new SarsaOptions { Alpha = 0.5, Gamma = 1, Epsilon = 0.1 }, seed);
        var qReturns = new double[500];
        var sarsaReturns = new double[500];
        Loop.Train(q, TestMdps.CliffWalking(), 500, seed, returns: qReturns);
        Loop.Train(sarsa, TestMdps.CliffWalking(), 500, seed, returns: sarsaReturns);

        Assert.Equal(-13, Loop.GreedyReturn(q, TestMdps.CliffWalking(), seed));
        double qOnline = qReturns[^200..].Average(), sarsaOnline = sarsaReturns[^200..].Average();
        // Measured (mean of the last 200 episodes), seeds 1–6: Q-learning −46.5 −39.8 −44.1 −47.3 −54.4 −52.8,
        // Sarsa −22.9 −25.7 −32.5 −26.0 −40.1 −28.0; Sarsa ahead by 11.6 to 24.8.
        Assert.True(sarsaOnline > qOnline + 8, $"Sarsa {sarsaOnline:F1}, Q-learning {qOnline:F1}");
        Assert.InRange(qOnline, -65, -30);
    }

    public static TheoryData<string, long> AgentsAndSeeds
    {
        get
        {
            var data = new TheoryData<string, long>();
            foreach (var f in TabularAgents.Factories)
                foreach (long seed in new long[] { 1, 2, 3 })
                    data.Add(f.Info.Name, seed);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AgentsAndSeeds))]
    public void Every_agent_learns_the_optimal_policy_of_the_slippery_chain(string name, long seed)
    {
        // γ = 0.9, the optimal policy is "right" everywhere; a random start and exploration ε = 0.3 visit every state.
        var env = TestMdps.SlipperyChain();
        var plan = ValueIteration.Solve(env, 0.9);
        var agent = AgentCatalog.Create(name, seed, new Dictionary<string, string>
        {
            ["gamma"] = "0.9", ["epsilon"] = "0.3", ["alpha"] = "0.1",
        }, env);
        Loop.Train(agent, env, 1500, seed, maxSteps: 100);
        var values = new double[2];
        for (int s = 0; s < 6; s++)
        {
            ((IActionValues<int>)agent).ActionValues(s, values);
            Assert.True(values[1] > values[0], $"{name}: state {s} prefers left ({values[0]:F3} vs {values[1]:F3})");
            Assert.Equal(plan.Policy[s], agent.Act(s, explore: false));
        }
    }
}
