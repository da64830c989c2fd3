using RlGym.Core.Errors;
using RlGym.Training.Evaluation;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

public sealed class EvaluatorTests
{
    [Fact]
    public void A_deterministic_env_gives_its_exact_return_and_full_success()
    {
        var r = Evaluator.Run(new CorridorEnv(10), new TinyQAgent(11, 2, 0), 5, seed: 0, threshold: 10);
        Assert.Equal([10.0, 10, 10, 10, 10], r.Returns);
        Assert.Equal(10, r.Mean);
        Assert.Equal(0, r.StandardDeviation);
        Assert.Equal(1.0, r.SuccessRate);
        Assert.True(r.Solved);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(9)]
    public void The_success_rate_counts_episodes_reaching_the_spec_threshold(long seed)
    {
        // RandomWalk's spec threshold is 0.5: an episode succeeds when it reaches the right end (return 1).
        var agent = new TinyQAgent(7, 2, 0); // untrained: greedy ties pick action 0 (left), slipping right 20% of the time
        var r = Evaluator.Run(new RandomWalkEnv(), agent, 200, seed);
        Assert.Equal(0.5, r.Threshold);
        Assert.Equal(r.Returns.Count(x => x >= 0.5) / 200.0, r.SuccessRate);
        Assert.Equal(r.Returns.Average(), r.Mean, 12);
        // Gambler's ruin from cell 3 of 0..6 stepping right with p = 0.2: P(right end) = (1 − 4³)/(1 − 4⁶) = 63/4095 ≈ 0.015;
        // over 200 episodes its standard error is 0.0087, so 0.06 is five standard errors away.
        Assert.InRange(r.SuccessRate!.Value, 0.0, 0.06);
        Assert.Equal(r.Returns, Evaluator.Run(new RandomWalkEnv(), agent, 200, seed).Returns);
    }

    [Fact]
    public void Without_a_threshold_there_is_no_success_rate()
    {
        var r = Evaluator.Run(new CorridorEnv(3), new TinyQAgent(4, 2, 0), 2, seed: 1);
        Assert.Null(r.SuccessRate);
        Assert.Null(r.Solved);
    }

    [Fact]
    public void The_untyped_entry_refuses_an_agent_of_other_types()
    {
        Assert.Throws<UserInputException>(() => Evaluator.Run(new BoxFaultEnv(100), (Core.Agents.IAgent)new TinyQAgent(2, 2, 0), 1, 0));
    }
}
