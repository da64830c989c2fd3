using RlGym.Core.Tabular;
using RlGym.Core.Wrappers;
using RlGym.Envs.ToyText.CliffWalking;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.CliffWalking;

public sealed class CliffWalkingTests
{
    private const int Up = 0, Right = 1, Down = 2, Left = 3;

    [Fact]
    public void Spaces_are_48_states_and_4_actions_and_episodes_start_at_36()
    {
        var env = new CliffWalkingEnv();
        Assert.Equal("Discrete(48)", env.ObservationSpace.ToString());
        Assert.Equal("Discrete(4)", env.ActionSpace.ToString());
        Assert.Equal(36, env.Reset(0).Observation);
    }

    [Fact]
    public void Stepping_into_the_cliff_returns_to_start_with_minus_100_and_does_not_end_the_episode()
    {
        var env = new CliffWalkingEnv();
        env.Reset(0);
        var r = env.Step(Right);
        Assert.Equal((36, -100.0, false, false), (r.Observation, r.Reward, r.Terminated, r.Truncated));

        env.SetState(2 * 12 + 5);
        r = env.Step(Down);
        Assert.Equal((36, -100.0, false), (r.Observation, r.Reward, r.Terminated));
    }

    [Fact]
    public void The_safe_shortest_path_takes_13_steps_at_minus_1_each()
    {
        var env = new CliffWalkingEnv();
        env.Reset(0);
        int[] path = [Up, .. Enumerable.Repeat(Right, 11), Down];
        double total = 0;
        for (int i = 0; i < path.Length; i++)
        {
            var r = env.Step(path[i]);
            total += r.Reward;
            Assert.Equal(i == path.Length - 1, r.Terminated);
        }
        Assert.Equal(-13, total);
        Assert.Equal(47, env.CurrentState);
    }

    [Fact]
    public void Moving_off_the_grid_stays_in_place_at_minus_1()
    {
        var env = new CliffWalkingEnv();
        env.Reset(0);
        var r = env.Step(Left);
        Assert.Equal((36, -1.0, false), (r.Observation, r.Reward, r.Terminated));
    }

    [Fact]
    public void Registry_adds_no_time_limit()
    {
        var env = ToyTextRegistry.Create().Make<int, int>("CliffWalking-v1");
        Assert.IsNotType<TimeLimit<int, int>>(env);
        env.Reset(0);
        for (int t = 0; t < 1000; t++) Assert.False(env.Step(Left).Done);
    }

    [Fact]
    public void Goal_is_terminal_and_loops_onto_itself()
    {
        var env = new CliffWalkingEnv();
        Assert.True(env.IsTerminal(47));
        Assert.Equal(new Outcome(1, 47, 0, true), Assert.Single(env.Outcomes(47, Up)));
    }

    [Fact]
    public void Slippery_version_moves_the_intended_way_or_perpendicular_one_third_each()
    {
        var env = (CliffWalkingEnv)ToyTextRegistry.Create().Make("CliffWalkingSlippery-v1").Unwrapped;
        Assert.True(env.IsSlippery);
        // From (2, 5) going right: slips up to (1, 5), goes right to (2, 6), or slips down into the cliff.
        var outcomes = env.Outcomes(2 * 12 + 5, Right);
        Assert.Equal([(17, -1.0), (30, -1.0), (36, -100.0)], outcomes.Select(o => (o.NextState, o.Reward)));
        Assert.All(outcomes, o => Assert.Equal(1.0 / 3, o.Probability, 12));
    }

    [Fact]
    public void Optimal_return_is_minus_13()
    {
        var v = ModelSolver.FiniteHorizonOptimalValues(new CliffWalkingEnv(), 100);
        Assert.Equal(-13, v[36], 9);
    }
}
