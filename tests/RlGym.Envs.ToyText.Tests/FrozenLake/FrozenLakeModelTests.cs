using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.FrozenLake;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.FrozenLake;

public sealed class FrozenLakeModelTests
{
    private const int Left = 0, Down = 1, Right = 2, Up = 3;

    [Fact]
    public void Slippery_move_goes_each_of_three_ways_with_probability_one_third()
    {
        var env = new FrozenLakeEnv();
        // State 6 is (1, 2): down slips left into the hole 5 or right into the hole 7.
        var outcomes = env.Outcomes(6, Down);
        Assert.Equal(3, outcomes.Count);
        Assert.All(outcomes, o => Assert.Equal(1.0 / 3.0, o.Probability, 12));
        Assert.Equal([5, 10, 7], outcomes.Select(o => o.NextState));
        Assert.Equal([true, false, true], outcomes.Select(o => o.Terminal));
    }

    [Fact]
    public void Slips_against_the_wall_stay_in_place_in_the_corner()
    {
        var env = new FrozenLakeEnv();
        // From the top-left corner, "left" slips up (wall), goes left (wall) or slips down.
        var outcomes = env.Outcomes(0, Left);
        Assert.Equal([0, 0, 4], outcomes.Select(o => o.NextState));
        Assert.Equal(2.0 / 3.0, outcomes.Where(o => o.NextState == 0).Sum(o => o.Probability), 12);
        // "up" slips right, goes up (wall) or slips left (wall), in Gymnasium's order (a-1, a, a+1) mod 4.
        Assert.Equal([1, 0, 0], env.Outcomes(0, Up).Select(o => o.NextState));
    }

    [Fact]
    public void Without_slip_every_move_is_certain()
    {
        var env = new FrozenLakeEnv(isSlippery: false);
        var o = Assert.Single(env.Outcomes(0, Right));
        Assert.Equal(new Outcome(1.0, 1, 0, false), o);
    }

    [Fact]
    public void Success_rate_splits_the_rest_between_the_perpendicular_moves()
    {
        var env = FrozenLakeEnv.FromOptions(ToyTextRegistry.Options("success_rate=0.8"));
        Assert.Equal([0.1, 0.8, 0.1], env.Outcomes(9, Down).Select(o => o.Probability), new ToleranceComparer(1e-12));
    }

    [Fact]
    public void Holes_and_goal_are_terminal_and_loop_onto_themselves_with_reward_zero()
    {
        var env = new FrozenLakeEnv();
        foreach (int s in new[] { 5, 7, 11, 12, 15 })
        {
            Assert.True(env.IsTerminal(s));
            for (int a = 0; a < 4; a++) Assert.Equal(new Outcome(1.0, s, 0, true), Assert.Single(env.Outcomes(s, a)));
        }
        Assert.False(env.IsTerminal(0));
    }

    [Fact]
    public void Reaching_the_goal_pays_one_and_a_hole_pays_zero()
    {
        var env = new FrozenLakeEnv();
        Assert.Contains(env.Outcomes(14, Right), o => o is { NextState: 15, Reward: 1, Terminal: true });
        Assert.Contains(env.Outcomes(1, Down), o => o is { NextState: 5, Reward: 0, Terminal: true });
    }

    [Fact]
    public void Reward_schedule_sets_goal_hole_and_frozen_rewards()
    {
        var env = FrozenLakeEnv.FromOptions(ToyTextRegistry.Options("reward_schedule=10,-5,-0.1", "is_slippery=false"));
        Assert.Equal(10, env.Outcomes(14, Right)[0].Reward);
        Assert.Equal(-5, env.Outcomes(1, Down)[0].Reward);
        Assert.Equal(-0.1, env.Outcomes(0, Right)[0].Reward);
    }

    [Theory]
    [InlineData("4x4", 100, 0.74)]
    [InlineData("8x8", 200, 0.91)]
    public void Best_success_probability_within_the_time_limit_matches_gymnasiums_optimum(string map, int limit, double optimum)
    {
        // Gymnasium's registration notes the optimum success rate: 0.74 (4x4, 100 steps) and 0.91 (8x8, 200 steps).
        var env = new FrozenLakeEnv(map);
        var v = ModelSolver.FiniteHorizonOptimalValues(env, limit);
        Assert.Equal(optimum, v[0], 2);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;
        public int GetHashCode(double obj) => 0;
    }
}
