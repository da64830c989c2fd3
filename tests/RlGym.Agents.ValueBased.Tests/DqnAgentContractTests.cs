using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Envs.ToyText;

namespace RlGym.Agents.ValueBased.Tests;

public sealed class DqnAgentContractTests
{
    private static readonly AgentRegistry Agents = new AgentRegistry().Add(new ValueBasedAgents());

    private static DqnOptions Small(PrioritizationKind prioritized = PrioritizationKind.None) => new()
    {
        HiddenSizes = [32, 32], BufferSize = 5_000, BatchSize = 32, LearningStarts = 200, TrainFrequency = 4, GradientSteps = 2,
        TargetUpdateInterval = 100, TotalSteps = 2_000, Prioritized = prioritized,
    };

    [Fact]
    public void The_package_registers_dqn_double_dqn_and_dueling_dqn()
    {
        Assert.Equal(["double-dqn", "dqn", "dueling-dqn"], Agents.Factories.Select(f => f.Info.Name).Order());
        using var env = Episodes.Make("CartPole-v1");
        var plain = Assert.IsType<DqnAgent>(Agents.Get("dqn").Create(env, new Dictionary<string, string>(), 1));
        var @double = Assert.IsType<DqnAgent>(Agents.Get("double-dqn").Create(env, new Dictionary<string, string>(), 1));
        var dueling = Assert.IsType<DqnAgent>(Agents.Get("dueling-dqn").Create(env, new Dictionary<string, string>(), 1));
        Assert.False(plain.Options.Double || plain.Options.Dueling);
        Assert.True(@double.Options.Double);
        Assert.True(dueling.Options.Dueling);
        Assert.Equal("double-dqn", @double.Name);
    }

    [Fact]
    public void Every_refinement_is_a_setting()
    {
        using var env = Episodes.Make("CartPole-v1");
        var settings = new Dictionary<string, string>
        {
            ["double"] = "true", ["dueling"] = "true", ["prioritized"] = "rank", ["n"] = "3", ["alpha"] = "0.001",
            ["target_update"] = "soft", ["tau"] = "0.01", ["loss"] = "mse", ["hidden_sizes"] = "64,64",
        };
        var agent = (DqnAgent)Agents.Get("dqn").Create(env, settings, 1);
        Assert.Equal(new DqnOptions
        {
            Double = true, Dueling = true, Prioritized = PrioritizationKind.Rank, N = 3, Alpha = 1e-3, TargetUpdate = TargetUpdateKind.Soft,
            Tau = 0.01, Loss = TdLoss.Mse, HiddenSizes = agent.Options.HiddenSizes,
        }, agent.Options);
        Assert.Equal([64, 64], agent.Options.HiddenSizes);
        Assert.IsType<RankSampling>(agent.Sampling);
    }

    [Theory]
    [InlineData("prioritized", "sometimes", "allowed: none, proportional, rank")]
    [InlineData("n", "0", "out of range")]
    [InlineData("tau", "2", "out of range")]
    [InlineData("priority_beta", "x", "not a valid float")]
    [InlineData("replay", "1", "unknown setting 'replay'")]
    public void Setting_mistakes_are_one_line_errors(string key, string value, string expected)
    {
        using var env = Episodes.Make("CartPole-v1");
        var error = Assert.Throws<UserInputException>(() => Agents.Get("dqn").Create(env, new Dictionary<string, string> { [key] = value }, 1));
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Discrete_observations_are_refused_with_the_one_hot_wrapper_named()
    {
        using var env = new EnvRegistry().Add(new ToyTextEnvironments()).Make("FrozenLake-v1");
        Assert.Contains("--wrap one-hot", Agents.Get("dqn").Refusal(env));
        Assert.Throws<UserInputException>(() => Agents.Get("dqn").Create(env, new Dictionary<string, string>(), 1));
    }

    [Fact]
    public void Box_actions_are_refused()
    {
        using var env = Episodes.Registry.Make("Pendulum-v1");
        Assert.Contains("needs Discrete actions", Agents.Get("double-dqn").Refusal(env));
        Assert.Null(Agents.Get("dqn").Refusal(Episodes.Registry.Make("Acrobot-v1")));
    }

    [Fact]
    public void Epsilon_falls_linearly_over_the_exploration_fraction_then_stays()
    {
        var agent = new DqnAgent(2, 2, Small() with { Epsilon = 1, EpsilonEnd = 0.1, ExplorationFraction = 0.5, TotalSteps = 1000, LearningStarts = 1_000_000 }, 1);
        Assert.Equal(1.0, agent.ExplorationRate);
        float[] s = [0, 0];
        for (int t = 0; t < 250; t++) agent.Observe(new Transition<float[], int>(s, 0, 0, s, false, false));
        Assert.Equal(0.55, agent.ExplorationRate, 12);
        for (int t = 0; t < 1000; t++) agent.Observe(new Transition<float[], int>(s, 0, 0, s, false, false));
        Assert.Equal(0.1, agent.ExplorationRate, 12);
    }

    [Fact]
    public void Alpha_falls_linearly_over_the_gradient_steps_total_steps_plans_then_stays()
    {
        // 2 000 planned steps, training every 4 after the first 200: 450 rounds of 2 gradient steps.
        var agent = new DqnAgent(2, 2, Small() with { Alpha = 1e-3, AlphaEndFraction = 0.1 }, 1);
        Assert.Equal(1e-3, agent.LearningRate);
        float[] s = [0, 0];
        for (int t = 0; t < 1_100; t++) agent.Observe(new Transition<float[], int>(s, 0, 0, s, false, false));
        Assert.Equal(450, agent.Updates);
        Assert.Equal(5.5e-4, agent.LearningRate, 12);
        for (int t = 0; t < 2_000; t++) agent.Observe(new Transition<float[], int>(s, 0, 0, s, false, false));
        Assert.Equal(1e-4, agent.LearningRate, 12);
        Assert.Equal(1e-3, new DqnAgent(2, 2, Small() with { Alpha = 1e-3, AlphaEndFraction = 1 }, 1).LearningRate);
    }

    [Theory]
    [InlineData(PrioritizationKind.None)]
    [InlineData(PrioritizationKind.Proportional)]
    [InlineData(PrioritizationKind.Rank)]
    public void Save_and_load_restore_weights_target_optimizer_generator_and_counters(PrioritizationKind prioritized)
    {
        using var env = Episodes.Make("CartPole-v1");
        var options = Small(prioritized) with { Double = true, N = 2 };
        var agent = Episodes.Agent(env, options, 3);
        Episodes.Train(env, agent, 1_500, 3);
        using var saved = new MemoryStream();
        agent.Save(saved);

        var copy = Episodes.Agent(env, options, 99);
        saved.Position = 0;
        copy.Load(saved);
        Assert.Equal(agent.Steps, copy.Steps);
        Assert.Equal(agent.Updates, copy.Updates);
        Assert.Equal(agent.ExplorationRate, copy.ExplorationRate);
        Assert.Equal(agent.Buffer.Count, copy.Buffer.Count); // the replay buffer is saved too
        Assert.True(copy.Buffer.Count > 0);
        float[] s = [0.01f, -0.2f, 0.03f, 0.4f];
        Span<double> q1 = stackalloc double[2], q2 = stackalloc double[2];
        agent.ActionValues(s, q1);
        copy.ActionValues(s, q2);
        Assert.Equal(q1.ToArray(), q2.ToArray());
        Assert.Equal(agent.TargetNetwork.Predict(s).ToArray(), copy.TargetNetwork.Predict(s).ToArray());
        for (int t = 0; t < 50; t++) Assert.Equal(agent.Act(s, explore: true), copy.Act(s, explore: true));

        // Both restarted from the file (same buffer, same generator): the same transitions and one gradient step
        // each give the same weights, so Load restored everything a step reads.
        var transitions = Enumerable.Range(0, 64).Select(i => new Transition<float[], int>(
            [i * 0.01f, 0, -i * 0.01f, 0.1f], i % 2, 1, [i * 0.01f, 0.1f, 0, 0], i % 7 == 0, false)).ToArray();
        agent.Load(new MemoryStream(saved.ToArray()));
        copy.Load(new MemoryStream(saved.ToArray()));
        foreach (var t in transitions) { agent.Observe(t); copy.Observe(t); }
        agent.TrainStep();
        copy.TrainStep();
        agent.ActionValues(s, q1);
        copy.ActionValues(s, q2);
        Assert.Equal(q1.ToArray(), q2.ToArray());
    }

    [Fact]
    public void Loading_another_shape_fails_with_a_clear_message()
    {
        var agent = new DqnAgent(4, 2, Small(), 1);
        using var saved = new MemoryStream();
        agent.Save(saved);
        saved.Position = 0;
        var other = new DqnAgent(4, 3, Small(), 1);
        var error = Assert.Throws<UserInputException>(() => other.Load(saved));
        Assert.StartsWith("cannot load dqn: ", error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.Throws<UserInputException>(() => other.Load(new MemoryStream([1, 2, 3, 4, 5, 6, 7, 8])));
    }

    [Fact]
    public void Action_values_are_the_online_network_outputs_and_act_is_their_argmax()
    {
        var agent = new DqnAgent(3, 4, Small(), 5);
        float[] s = [0.3f, -1, 0.5f];
        Span<double> q = stackalloc double[4];
        agent.ActionValues(s, q);
        int best = 0;
        for (int a = 1; a < 4; a++) if (q[a] > q[best]) best = a;
        Assert.Equal(best, agent.Act(s, explore: false));
        Assert.Equal(4, agent.ActionCount);
    }

    [Theory]
    [InlineData(PrioritizationKind.None, false, false, 1)]
    [InlineData(PrioritizationKind.Proportional, true, true, 3)]
    [InlineData(PrioritizationKind.Rank, true, false, 2)]
    public void Acting_and_training_allocate_nothing_after_warm_up(PrioritizationKind prioritized, bool @double, bool dueling, int nStep)
    {
        using var env = Episodes.Make("CartPole-v1");
        var options = Small(prioritized) with { Double = @double, Dueling = dueling, N = nStep, BufferSize = 1_000, TargetUpdate = TargetUpdateKind.Hard };
        var agent = Episodes.Agent(env, options, 7);
        Episodes.Train(env, agent, 1_500, 7); // warm-up: the buffer wraps, every batch size has been seen, rank re-sorts happen
        var obs = env.Reset(8).Observation;
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int t = 0; t < 2_000; t++)
        {
            int a = agent.Act(obs, explore: true);
            var r = env.Step(a);
            agent.Observe(new Transition<float[], int>(obs, a, r.Reward, r.Observation, r.Terminated, r.Truncated));
            obs = r.Done ? env.Reset().Observation : r.Observation;
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(agent.Updates > 0);
    }
}
