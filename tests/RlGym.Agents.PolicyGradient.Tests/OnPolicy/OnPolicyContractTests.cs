using RlGym.Core.Agents;
using RlGym.Core.Errors;

namespace RlGym.Agents.PolicyGradient.Tests.OnPolicy;

public sealed class OnPolicyContractTests
{
    private static IAgent Create(string name, string id, long seed) =>
        new AgentRegistry().Add(new OnPolicyAgents()).Get(name).Create(VectorLoop.Registry().Make(id),
            new Dictionary<string, string> { ["num_steps"] = "16", ["hidden_sizes"] = "8" }, seed);

    private static byte[] Bytes(IAgent agent)
    {
        using var s = new MemoryStream();
        agent.Save(s);
        return s.ToArray();
    }

    public static TheoryData<string, string> Cases() => new()
    {
        { "ppo", "CartPole-v1" }, { "ppo", "Pendulum-v1" }, { "trpo", "CartPole-v1" }, { "trpo", "Pendulum-v1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_run_saved_mid_rollout_continues_exactly_after_loading(string name, string id)
    {
        if (id == "CartPole-v1") Check<int>();
        else Check<float[]>();

        void Check<TAct>() where TAct : notnull
        {
            var a = (IAgent<float[], TAct>)Create(name, id, 3);
            // 3 copies × 16 steps per rollout; 70 steps per copy end in the middle of the fifth rollout.
            VectorLoop.Train(id, a, copies: 3, envSteps: 210, seed: 1);
            var b = (IAgent<float[], TAct>)Create(name, id, 77);
            using (var s = new MemoryStream(Bytes(a))) b.Load(s);
            Assert.Equal(Bytes(a), Bytes(b));
            VectorLoop.Train(id, a, copies: 3, envSteps: 120, seed: 50);
            VectorLoop.Train(id, b, copies: 3, envSteps: 120, seed: 50);
            Assert.Equal(Bytes(a), Bytes(b));
        }
    }

    [Fact]
    public void Ppo_and_trpo_take_discrete_and_box_actions_with_their_default_copies()
    {
        var registry = new AgentRegistry().Add(new OnPolicyAgents());
        Assert.Equal(4, registry.Get("ppo").Info.DefaultEnvs);
        Assert.Equal(2, registry.Get("trpo").Info.DefaultEnvs);
        var pendulum = registry.Get("ppo").Create(VectorLoop.Registry().Make("Pendulum-v1"), new Dictionary<string, string>(), 1);
        var ppo = Assert.IsType<PpoAgent<float[]>>(pendulum);
        Assert.Equal(PpoOptions.Continuous, ppo.Options);
        Assert.IsType<TrpoAgent<int>>(registry.Get("trpo").Create(VectorLoop.Registry().Make("CartPole-v1"), new Dictionary<string, string>(), 1));
        var e = Assert.Throws<UserInputException>(() => registry.Get("ppo").Create(VectorLoop.Registry().Make("CartPole-v1"),
            new Dictionary<string, string> { ["clip_coef"] = "-1" }, 1));
        Assert.Contains("clip_coef", e.Message);
    }

    [Fact]
    public void Gaussian_actions_reach_the_env_clipped_while_the_rollout_keeps_the_unclipped_sample()
    {
        var agent = (PpoAgent<float[]>)Create("ppo", "Pendulum-v1", 1);
        agent.Head.Parameters[0].Values.Fill(3.0); // σ = e³ ≈ 20: most samples fall outside [-2, 2]
        var obs = new float[] { 1, 0, 0 };
        var actions = new float[8][];
        agent.Act(Enumerable.Repeat(obs, 8).ToArray(), actions);
        Assert.All(actions, a => Assert.InRange(a[0], -2f, 2f));
        for (int i = 0; i < 8; i++)
            agent.Observe(new Transition<float[], float[]>(obs, actions[i], -1, obs, false, false, i));
        var stored = Enumerable.Range(0, 8).Select(i => agent.Rollout.Action(i)[0]).ToArray();
        Assert.Contains(stored, a => Math.Abs(a) > 2);
        for (int i = 0; i < 8; i++) Assert.Equal((float)Math.Clamp(stored[i], -2, 2), actions[i][0]);
    }
}
