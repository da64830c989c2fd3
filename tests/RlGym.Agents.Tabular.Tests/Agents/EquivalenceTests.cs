using RlGym.Agents.Tabular.Tests.Mdps;
using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular.Tests.Agents;

/// <summary>n = 1 multi-step agents are the one-step agents, bit for bit, with the same seed.</summary>
public sealed class EquivalenceTests
{
    public static TheoryData<long> Seeds => [1, 2, 3];

    private static void AssertSameRun(IAgent<int, int> a, QTable qa, IAgent<int, int> b, QTable qb, long seed)
    {
        var envA = TestMdps.CliffWalking();
        var envB = TestMdps.CliffWalking();
        Loop.Train(a, envA, 40, seed, maxSteps: 200);
        Loop.Train(b, envB, 40, seed, maxSteps: 200);
        Assert.Equal(qa.Values, qb.Values);
        Assert.Equal(envA.State, envB.State);
        Assert.Contains(qa.Values, v => v != 0); // something was learned
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void One_step_sarsa_is_sarsa(long seed)
    {
        var o = new SarsaOptions { Alpha = 0.5, Gamma = 0.95, Epsilon = 0.2 };
        var sarsa = new SarsaAgent(48, 4, o, seed);
        var nStep = new NStepSarsaAgent(48, 4, new NStepSarsaOptions { Alpha = 0.5, Gamma = 0.95, Epsilon = 0.2, N = 1 }, seed);
        AssertSameRun(sarsa, sarsa.Q, nStep, nStep.Q, seed);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void One_step_q_learning_is_q_learning(long seed)
    {
        var q = new QLearningAgent(48, 4, new QLearningOptions { Alpha = 0.5, Gamma = 0.95, Epsilon = 0.2 }, seed);
        var nStep = new NStepQLearningAgent(48, 4, new NStepQLearningOptions { Alpha = 0.5, Gamma = 0.95, Epsilon = 0.2, N = 1 }, seed);
        AssertSameRun(q, q.Q, nStep, nStep.Q, seed);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void One_step_sarsa_with_truncated_episodes_is_sarsa(long seed)
    {
        // Episodes cut at 15 steps exercise the truncation path (bootstrapping on the drawn a').
        var sarsa = new SarsaAgent(48, 4, new SarsaOptions { Epsilon = 0.3 }, seed);
        var nStep = new NStepSarsaAgent(48, 4, new NStepSarsaOptions { Epsilon = 0.3, N = 1 }, seed);
        Loop.Train(sarsa, TestMdps.CliffWalking(), 30, seed, maxSteps: 15);
        Loop.Train(nStep, TestMdps.CliffWalking(), 30, seed, maxSteps: 15);
        Assert.Equal(sarsa.Q.Values, nStep.Q.Values);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Sarsa_takes_every_action_it_bootstrapped_on_during_training(long seed)
    {
        var agent = new SarsaAgent(48, 4, new SarsaOptions { Epsilon = 0.3 }, seed);
        var env = TestMdps.CliffWalking();
        int s = env.Reset(seed).Observation, promises = 0;
        for (int t = 0; t < 3000; t++)
        {
            int promised = agent.PendingAction;
            int a = agent.Act(s, explore: true);
            if (promised != -1)
            {
                Assert.Equal(promised, a);
                promises++;
            }
            var r = env.Step(a);
            agent.Observe(new Transition<int, int>(s, a, r.Reward, r.Observation, r.Terminated, false));
            s = r.Observation;
            if (r.Terminated) s = env.Reset().Observation;
        }
        Assert.True(promises > 2900, $"{promises} promised actions");
    }
}
