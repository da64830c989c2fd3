using RlGym.Core.Random;

namespace RlGym.Agents.Tabular.Tests.Exploration;

public sealed class ExplorationTests
{
    [Fact]
    public void Linear_schedule_falls_in_a_straight_line_then_stays()
    {
        var schedule = new EpsilonSchedule(EpsilonDecay.Linear, 1.0, 0.1, 100);
        Assert.Equal(1.0, schedule.At(0));
        Assert.Equal(0.55, schedule.At(50), 12);
        Assert.Equal(0.1, schedule.At(100));
        Assert.Equal(0.1, schedule.At(10_000));
    }

    [Fact]
    public void Exponential_schedule_closes_the_gap_by_e_every_decay_steps()
    {
        var schedule = new EpsilonSchedule(EpsilonDecay.Exponential, 1.0, 0.1, 100);
        Assert.Equal(1.0, schedule.At(0));
        Assert.Equal(0.1 + 0.9 / Math.E, schedule.At(100), 12);
        Assert.Equal(0.1, schedule.At(100_000), 12);
    }

    [Fact]
    public void Constant_schedule_never_moves()
    {
        var schedule = new EpsilonSchedule(EpsilonDecay.Constant, 0.3, 0.01, 10);
        Assert.Equal(0.3, schedule.At(1_000_000));
    }

    [Fact]
    public void An_agent_reports_its_scheduled_epsilon_as_its_exploration_rate()
    {
        var agent = new QLearningAgent(2, 2, new QLearningOptions { Epsilon = 1, EpsilonEnd = 0, EpsilonSchedule = EpsilonDecay.Linear, EpsilonDecaySteps = 10 });
        for (int i = 0; i < 4; i++) agent.Observe(new(0, 0, 0, 1, false, false));
        Assert.Equal(0.6, agent.ExplorationRate, 12);
        var softmax = new SarsaAgent(2, 2, new SarsaOptions { Exploration = ExplorationKind.Softmax, Temperature = 0.5 });
        Assert.Equal(0.5, softmax.ExplorationRate);
    }

    [Fact]
    public void Epsilon_greedy_probabilities_share_the_greedy_mass_among_ties()
    {
        var policy = new ExplorationPolicy(ExplorationKind.EpsilonGreedy, 1, 4);
        var p = new double[4];
        policy.Probabilities([1, 3, 3, 0], 0.2, p);
        Assert.Equal([0.05, 0.45, 0.45, 0.05], p.Select(x => Math.Round(x, 12)));
    }

    [Fact]
    public void Softmax_probabilities_are_boltzmann_weights()
    {
        var policy = new ExplorationPolicy(ExplorationKind.Softmax, 2, 3);
        var p = new double[3];
        policy.Probabilities([0, 2, 4], 0, p);
        double z = 1 + Math.E + Math.E * Math.E;
        Assert.Equal(1 / z, p[0], 12);
        Assert.Equal(Math.E / z, p[1], 12);
        Assert.Equal(Math.E * Math.E / z, p[2], 12);
    }

    [Theory]
    [InlineData(ExplorationKind.EpsilonGreedy)]
    [InlineData(ExplorationKind.Softmax)]
    public void Sampled_actions_follow_the_probabilities(ExplorationKind kind)
    {
        double[] q = [0.5, 1.0, 0.0];
        var policy = new ExplorationPolicy(kind, 0.5, 3);
        var p = new double[3];
        policy.Probabilities(q, 0.3, p);
        var counts = new int[3];
        var rng = new Rng(42);
        const int n = 60_000;
        for (int i = 0; i < n; i++) counts[policy.Sample(q, 0.3, rng)]++;
        // Five standard errors of a frequency near p with 60 000 draws is at most 0.0102.
        for (int a = 0; a < 3; a++) Assert.Equal(p[a], counts[a] / (double)n, 0.0102);
    }

    [Fact]
    public void Argmax_breaks_ties_uniformly_and_draws_nothing_without_a_tie()
    {
        var rng = new Rng(7);
        var counts = new int[4];
        for (int i = 0; i < 40_000; i++) counts[QTable.Argmax([2, 5, 5, 5], rng)]++;
        Assert.Equal(0, counts[0]);
        for (int a = 1; a < 4; a++) Assert.InRange(counts[a], 12_700, 14_000); // 13 333 ± 6 standard errors

        var untouched = new Rng(9);
        var state = untouched.GetState();
        Assert.Equal(2, QTable.Argmax([1, 2, 7, 3], untouched));
        Assert.Equal(state, untouched.GetState());
    }
}
