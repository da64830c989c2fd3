using RlGym.Core.Agents;
using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Textbook;

namespace RlGym.Agents.Tabular.Tests.Masking;

public sealed class ActionMaskTests
{
    private static readonly Dictionary<string, string> None = new();

    public static TheoryData<string> AgentNames => new(TabularAgents.Factories.Select(f => f.Info.Name));

    [Theory]
    [MemberData(nameof(AgentNames))]
    public void Agents_made_by_the_factory_never_choose_an_action_the_state_forbids(string name)
    {
        // Every agent, exploring (ε = 1: uniform over what it may choose) and greedy, for 2,000 episodes of one or
        // two steps: MaximizationBiasEnv throws on actions 2..9 in A, so one slip fails the test.
        var env = new MaximizationBiasEnv(bActions: 10);
        var factory = new AgentRegistry().Add(new TabularAgents()).Get(name);
        var agent = (IAgent<int, int>)factory.Create(env, new Dictionary<string, string> { ["epsilon"] = "1" }, seed: 3);
        var leftInA = 0;
        for (int episode = 0; episode < 2_000; episode++)
        {
            int s = env.Reset(episode).Observation;
            while (true)
            {
                int a = agent.Act(s, explore: episode % 2 == 0);
                if (s == MaximizationBiasEnv.StateA) Assert.InRange(a, 0, 1);
                if (s == MaximizationBiasEnv.StateA && a == MaximizationBiasEnv.Left) leftInA++;
                var step = env.Step(a);
                agent.Observe(new Transition<int, int>(s, a, step.Reward, step.Observation, step.Terminated, step.Truncated));
                s = step.Observation;
                if (step.Done) break;
            }
        }
        Assert.InRange(leftInA, 1, 1_999);
    }

    public static TheoryData<string, string> AllocationCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var name in TabularAgents.Factories.Select(f => f.Info.Name))
            {
                data.Add(name, "epsilon-greedy");
                data.Add(name, "softmax");
            }
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(AllocationCases))]
    public void Masked_learning_allocates_nothing_after_warm_up(string name, string exploration)
    {
        var env = new MaximizationBiasEnv(bActions: 10);
        var settings = new Dictionary<string, string> { ["exploration"] = exploration, ["epsilon"] = "0.3" };
        var agent = (IAgent<int, int>)new AgentRegistry().Add(new TabularAgents()).Get(name).Create(env, settings, seed: 2);
        Mdps.Loop.Train(agent, env, episodes: 50, seed: 2);

        long before = GC.GetAllocatedBytesForCurrentThread();
        Mdps.Loop.Train(agent, env, episodes: 200, seed: null);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Exploring_is_uniform_over_the_valid_actions_only()
    {
        // ε = 1 in A: left must come up half the time (not 1/10); 10,000 draws put 0.5 within ±0.02 at over 4σ.
        var agent = new QLearningAgent(4, 10, new QLearningOptions { Epsilon = 1 }, seed: 5);
        agent.RestrictActions(new MaximizationBiasEnv(bActions: 10));
        int left = 0;
        for (int i = 0; i < 10_000; i++)
            if (agent.Act(MaximizationBiasEnv.StateA, explore: true) == MaximizationBiasEnv.Left) left++;
        Assert.InRange(left / 10_000.0, 0.48, 0.52);
    }

    [Fact]
    public void Bootstrapping_ignores_forbidden_actions_even_when_they_look_best()
    {
        // Q(A, 5) is forbidden and left at +10; the target of a step into A must use max over {0, 1} = −1.
        var agent = new QLearningAgent(4, 10, new QLearningOptions { Alpha = 1, Gamma = 1 }, seed: 0);
        agent.RestrictActions(new MaximizationBiasEnv(bActions: 10));
        agent.Q[MaximizationBiasEnv.StateA, 0] = -1;
        agent.Q[MaximizationBiasEnv.StateA, 1] = -2;
        agent.Q[MaximizationBiasEnv.StateA, 5] = 10;
        agent.Observe(new Transition<int, int>(MaximizationBiasEnv.StateB, 0, 0, MaximizationBiasEnv.StateA, false, false));
        Assert.Equal(-1, agent.Q[MaximizationBiasEnv.StateB, 0]);
        Assert.Equal(0, agent.Act(MaximizationBiasEnv.StateA, explore: false));
    }

    [Fact]
    public void Expected_sarsa_gives_forbidden_actions_no_probability()
    {
        var agent = new ExpectedSarsaAgent(4, 10, new ExpectedSarsaOptions { Alpha = 1, Gamma = 1, Epsilon = 0.2 }, seed: 0);
        agent.RestrictActions(new MaximizationBiasEnv(bActions: 10));
        agent.Q[MaximizationBiasEnv.StateA, 0] = 1;
        agent.Q[MaximizationBiasEnv.StateA, 7] = 100;
        agent.Observe(new Transition<int, int>(MaximizationBiasEnv.StateB, 0, 0, MaximizationBiasEnv.StateA, false, false));
        // π(0|A) = 0.8 + 0.2/2, π(1|A) = 0.2/2: y = 0.9 · 1 + 0.1 · 0.
        Assert.Equal(0.9, agent.Q[MaximizationBiasEnv.StateB, 0], 12);
    }

    [Fact]
    public void A_mask_that_allows_everything_leaves_the_agent_unrestricted()
    {
        IActionMask all = new AllowAll();
        var masked = new SarsaAgent(5, 3, seed: 9);
        masked.RestrictActions(all);
        var plain = new SarsaAgent(5, 3, seed: 9);
        for (int i = 0; i < 200; i++) Assert.Equal(plain.Act(i % 5, explore: true), masked.Act(i % 5, explore: true));
    }

    private sealed class AllowAll : IActionMask
    {
        public bool IsValidAction(int state, int action) => true;
    }
}
