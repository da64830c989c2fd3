namespace RlGym.Agents.ValueBased.Tests;

public sealed class NStepAccumulatorTests
{
    // One episode s0 … s5 with rewards 1, 2, 3, 4, 5 through a 3-step accumulator, γ = 0.9.
    private static ReplayBuffer Run(bool terminated)
    {
        var buffer = new ReplayBuffer(16, 1);
        var accumulator = new NStepAccumulator(3, 0.9, buffer, new UniformSampling());
        for (int t = 0; t < 5; t++)
            accumulator.Add([t], action: t, reward: t + 1, [t + 1], terminated && t == 4, !terminated && t == 4);
        Assert.Equal(0, accumulator.Pending);
        return buffer;
    }

    [Fact]
    public void Three_step_sums_by_hand_on_a_terminated_episode()
    {
        var buffer = Run(terminated: true);
        Assert.Equal(5, buffer.Count);
        // y_0 = 1 + 0.9·2 + 0.81·3 + 0.729 max_a Q(s3)
        // y_1 = 2 + 0.9·3 + 0.81·4 + 0.729 max_a Q(s4)
        // y_2 = 3 + 0.9·4 + 0.81·5           (s5 terminal)
        // y_3 = 4 + 0.9·5,  y_4 = 5
        double[] sums = [5.23, 7.94, 10.65, 8.5, 5];
        float[] next = [3, 4, 5, 5, 5];
        bool[] term = [false, false, true, true, true];
        int[] horizon = [3, 3, 3, 2, 1];
        for (int i = 0; i < 5; i++)
        {
            Assert.Equal(i, buffer.Actions[i]);
            Assert.Equal((float)i, buffer.Observation(i)[0]);
            Assert.Equal(sums[i], buffer.Rewards[i], 12);
            Assert.Equal(next[i], buffer.NextObservation(i)[0]);
            Assert.Equal(term[i], buffer.Terminated[i]);
            Assert.Equal(horizon[i], buffer.Horizons[i]);
        }
    }

    [Fact]
    public void Truncation_bootstraps_every_pending_step_from_the_last_state()
    {
        var buffer = Run(terminated: false);
        // y_2 = 3 + 0.9·4 + 0.81·5 + 0.729 max_a Q(s5), y_3 = 4 + 0.9·5 + 0.81 max_a Q(s5), y_4 = 5 + 0.9 max_a Q(s5)
        Assert.Equal([false, false, false, false, false], buffer.Terminated[..5].ToArray());
        Assert.Equal([3, 3, 3, 2, 1], buffer.Horizons[..5].ToArray());
        Assert.Equal(5f, buffer.NextObservation(4)[0]);
    }

    [Fact]
    public void One_step_is_plain_replay()
    {
        var buffer = new ReplayBuffer(4, 1);
        var accumulator = new NStepAccumulator(1, 0.9, buffer, new UniformSampling());
        accumulator.Add([0], 1, 2.5, [1], false, false);
        Assert.Equal(1, buffer.Count);
        Assert.Equal(2.5, buffer.Rewards[0]);
        Assert.Equal(1, buffer.Horizons[0]);
        Assert.Equal(1f, buffer.NextObservation(0)[0]);
    }
}
