using RlGym.Core.Random;

namespace RlGym.Envs.ClassicControl.Tests.CartPole;

public sealed class CartPoleDynamicsTests
{
    public static TheoryData<long, string> SeedsAndPolicies()
    {
        var data = new TheoryData<long, string>();
        foreach (var seed in new long[] { 0, 1, 7, 42, 12345 })
            foreach (var policy in new[] { "left", "right", "alternate", "random", "balance" })
                data.Add(seed, policy);
        return data;
    }

    private static Func<int, CartPoleReference, int> Policy(string name, long seed)
    {
        var rng = new Rng(seed + 1000);
        return name switch
        {
            "left" => (_, _) => 0,
            "right" => (_, _) => 1,
            "alternate" => (t, _) => (t / 3) % 2,
            "random" => (_, _) => rng.NextInt(2),
            _ => (_, s) => 0.05 * s.X + 0.1 * s.XDot + s.Theta + 0.5 * s.ThetaDot > 0 ? 1 : 0,
        };
    }

    [Theory]
    [MemberData(nameof(SeedsAndPolicies))]
    public void Euler_trajectory_equals_the_published_equations_in_every_float32_observation(long seed, string policyName)
    {
        var env = new CartPoleEnv();
        env.Reset(seed);
        var start = env.State;
        var reference = new CartPoleReference(start.X, start.XDot, start.Theta, start.ThetaDot);
        var policy = Policy(policyName, seed);

        int steps = 0;
        for (int t = 0; t < 500; t++)
        {
            int action = policy(t, reference);
            bool refTerminated = reference.Step(action);
            var r = env.Step(action);
            steps++;
            Assert.Equal(reference.Observation, r.Observation);
            Assert.Equal(refTerminated, r.Terminated);
            Assert.Equal(1.0, r.Reward);
            if (refTerminated) break;
        }

        // Pushing one way fails within a few dozen steps, so those runs check the exact terminating step;
        // the balancing controller lasts the whole 500.
        if (policyName is "left" or "right") Assert.InRange(steps, 5, 60);
        if (policyName == "balance") Assert.Equal(500, steps);
    }

    [Theory]
    [InlineData(3L)]
    [InlineData(99L)]
    [InlineData(2024L)]
    public void Semi_implicit_euler_updates_velocities_before_positions(long seed)
    {
        var env = new CartPoleEnv(integrator: KinematicsIntegrator.SemiImplicitEuler);
        env.Reset(seed);
        var s = env.State;
        var reference = new CartPoleReference(s.X, s.XDot, s.Theta, s.ThetaDot, semiImplicit: true);
        var rng = new Rng(seed);
        for (int t = 0; t < 500; t++)
        {
            int action = rng.NextInt(2);
            bool refTerminated = reference.Step(action);
            var r = env.Step(action);
            Assert.Equal(reference.Observation, r.Observation);
            Assert.Equal(refTerminated, r.Terminated);
            if (refTerminated) return;
        }
    }

    [Fact]
    public void The_state_is_kept_in_float64_and_the_observation_is_its_float32_copy()
    {
        var env = new CartPoleEnv();
        env.Reset(5);
        env.State = new CartPoleState(0.1 + 1e-12, 0, 0, 0);
        var r = env.Step(1);
        Assert.Equal(0.1 + 1e-12, env.State.X);
        Assert.Equal((float)(0.1 + 1e-12), r.Observation[0]);
    }
}
