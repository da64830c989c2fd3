using RlGym.Core.Spaces;
using RlGym.Envs.ToyText.FrozenLake;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.FrozenLake;

public sealed class FrozenLakeEpisodeTests
{
    private const int Left = 0, Down = 1, Right = 2, Up = 3;

    [Fact]
    public void Spaces_are_sixteen_states_and_four_actions_on_the_4x4_map()
    {
        var env = new FrozenLakeEnv();
        Assert.Equal("Discrete(16)", env.ObservationSpace.ToString());
        Assert.Equal("Discrete(4)", env.ActionSpace.ToString());
        Assert.Equal(64, ((Discrete)new FrozenLakeEnv("8x8").ObservationSpace).N);
    }

    [Fact]
    public void Episodes_start_at_the_top_left()
    {
        var env = new FrozenLakeEnv();
        for (int seed = 0; seed < 5; seed++) Assert.Equal(0, env.Reset(seed).Observation);
    }

    [Fact]
    public void The_shortest_dry_path_reaches_the_goal_in_six_steps_with_reward_one()
    {
        var env = new FrozenLakeEnv(isSlippery: false);
        env.Reset(1);
        int[] path = [Down, Down, Right, Right, Down, Right];
        int[] expected = [4, 8, 9, 10, 14, 15];
        for (int i = 0; i < path.Length; i++)
        {
            var r = env.Step(path[i]);
            Assert.Equal(expected[i], r.Observation);
            Assert.Equal(i == path.Length - 1, r.Terminated);
            Assert.Equal(i == path.Length - 1 ? 1.0 : 0.0, r.Reward);
            Assert.False(r.Truncated);
        }
    }

    [Fact]
    public void Falling_into_a_hole_ends_the_episode_with_reward_zero()
    {
        var env = new FrozenLakeEnv(isSlippery: false);
        env.Reset(1);
        env.Step(Right);
        var r = env.Step(Down);
        Assert.Equal((5, 0.0, true), (r.Observation, r.Reward, r.Terminated));
    }

    [Fact]
    public void Time_limit_truncates_after_100_steps()
    {
        var env = ToyTextRegistry.Create().Make<int, int>("FrozenLake-v1", ToyTextRegistry.Options("is_slippery=false"));
        env.Reset(3);
        for (int t = 1; t < 100; t++) Assert.False(env.Step(Left).Done);
        var last = env.Step(Left);
        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
    }

    [Fact]
    public void Eight_by_eight_is_truncated_after_200_steps()
    {
        var env = ToyTextRegistry.Create().Make<int, int>("FrozenLake8x8-v1", ToyTextRegistry.Options("is_slippery=false"));
        Assert.Equal("Discrete(64)", env.ObservationSpace.ToString());
        env.Reset(3);
        int steps = 0;
        while (!env.Step(Up).Done) steps++;
        Assert.Equal(199, steps);
    }

    [Fact]
    public void Slips_happen_one_third_of_the_time_each_way()
    {
        // 30 000 draws: the standard error of a frequency near 1/3 is 0.0027, so ±0.01 is over 3.5 standard errors.
        var env = new FrozenLakeEnv();
        env.Reset(11);
        var counts = new Dictionary<int, int> { [5] = 0, [10] = 0, [7] = 0 };
        for (int i = 0; i < 30_000; i++)
        {
            env.SetState(6);
            counts[env.Step(Down).Observation]++;
        }
        Assert.All(counts.Values, c => Assert.Equal(1.0 / 3.0, c / 30_000.0, 0.01));
    }

    [Fact]
    public void Same_seed_gives_the_same_trajectory()
    {
        Assert.Equal(Trajectory(42, episodes: 3), Trajectory(42, episodes: 3));
        Assert.NotEqual(Trajectory(42, episodes: 3), Trajectory(43, episodes: 3));
    }

    [Fact]
    public void Reset_without_seed_continues_the_stream()
    {
        var env = new FrozenLakeEnv();
        env.Reset(5);
        var first = Walk(env, 200);
        env.Reset();
        var second = Walk(env, 200);
        env.Reset(5);
        Assert.Equal(first, Walk(env, 200));
        Assert.NotEqual(first, second);
    }

    private static List<int> Trajectory(long seed, int episodes)
    {
        var env = new FrozenLakeEnv();
        var states = new List<int> { env.Reset(seed).Observation };
        for (int e = 0; e < episodes; e++)
        {
            if (e > 0) states.Add(env.Reset().Observation);
            for (int t = 0; t < 100; t++)
            {
                var r = env.Step(t % 4);
                states.Add(r.Observation);
                if (r.Terminated) break;
            }
        }
        return states;
    }

    // Steps from the corner over and over, so every step draws a slip.
    private static List<int> Walk(FrozenLakeEnv env, int steps)
    {
        var states = new List<int>();
        for (int i = 0; i < steps; i++)
        {
            env.SetState(0);
            states.Add(env.Step(Right).Observation);
        }
        return states;
    }
}
