using RlGym.Core.Random;

namespace RlGym.Agents.ValueBased.Tests;

public sealed class PrioritizedReplayTests
{
    [Theory]
    [InlineData(PrioritizationKind.Proportional)]
    [InlineData(PrioritizationKind.Rank)]
    public void New_transitions_enter_at_the_highest_priority_seen(PrioritizationKind kind)
    {
        IReplaySampling sampling = kind == PrioritizationKind.Proportional
            ? new ProportionalSampling(16, 1, 0)
            : new RankSampling(16, 1, 0);
        for (int i = 0; i < 4; i++) sampling.Added(i);
        sampling.Update([0, 1, 2, 3], [0.1, -5, 0.2, 0.3]);
        sampling.Added(4);
        // Slot 4 enters with the top priority 5, shared with slot 1: proportionally they are equally likely; by rank the
        // newcomer rises past its equal to rank 1.
        if (kind == PrioritizationKind.Proportional) Assert.Equal(sampling.Probability(1, 5), sampling.Probability(4, 5), 12);
        else Assert.Equal(1, ((RankSampling)sampling).Rank(4));
        for (int i = 0; i < 4; i++)
        {
            Assert.True(sampling.Probability(4, 5) >= sampling.Probability(i, 5));
            if (i != 1) Assert.True(sampling.Probability(4, 5) > sampling.Probability(i, 5));
        }
    }

    [Fact]
    public void Proportional_importance_weights_are_n_p_to_minus_beta_over_their_max()
    {
        var sampling = new ProportionalSampling(4, alpha: 1, epsilon: 0);
        for (int i = 0; i < 4; i++) sampling.Added(i);
        sampling.Update([0, 1, 2, 3], [1, 2, 3, 4]);
        var indices = new int[64];
        var weights = new double[64];
        sampling.Sample(new Rng(3), 4, 0.5, indices, weights);
        double largest = indices.Max(i => Math.Pow(4 * (i + 1) / 10.0, -0.5));
        for (int k = 0; k < 64; k++)
            Assert.Equal(Math.Pow(4 * (indices[k] + 1) / 10.0, -0.5) / largest, weights[k], 12);
        Assert.Equal(1.0, weights.Max(), 12);
    }

    [Fact]
    public void Rank_sampling_draws_rank_k_with_probability_k_to_minus_alpha()
    {
        // After a full sort the heap position is the exact rank. 20 slots with distinct |δ|; α = 0.7.
        const int n = 20, batches = 4_000, batch = 32;
        var sampling = new RankSampling(n, alpha: 0.7, epsilon: 0);
        var slots = Enumerable.Range(0, n).ToArray();
        var deltas = slots.Select(i => (double)((i * 7) % n + 1)).ToArray();
        foreach (int i in slots) sampling.Added(i);
        sampling.Update(slots, deltas); // n adds + n updates ≥ n changes: one full sort
        Assert.True(sampling.Sorts >= 1);
        foreach (int i in slots) Assert.Equal(n + 1 - (int)deltas[i], sampling.Rank(i));

        var rng = new Rng(5);
        var counts = new int[n + 1];
        var indices = new int[batch];
        var weights = new double[batch];
        for (int b = 0; b < batches; b++)
        {
            sampling.Sample(rng, n, 0.5, indices, weights);
            foreach (int i in indices) counts[sampling.Rank(i)]++;
        }
        double norm = Enumerable.Range(1, n).Sum(k => Math.Pow(k, -0.7)), chi2 = 0;
        for (int k = 1; k <= n; k++)
        {
            double expected = batches * batch * Math.Pow(k, -0.7) / norm;
            chi2 += (counts[k] - expected) * (counts[k] - expected) / expected;
        }
        Assert.True(chi2 < 43.82, $"χ² = {chi2:F2} ≥ 43.82 (df 19, p = 0.001)");
    }

    [Fact]
    public void Rank_heap_keeps_larger_errors_above_smaller_ones_between_sorts()
    {
        var sampling = new RankSampling(1000, 0.7, 0);
        var rng = new Rng(9);
        var priority = new double[100];
        for (int i = 0; i < 100; i++) sampling.Added(i);
        for (int round = 0; round < 5; round++)
        {
            var slots = Enumerable.Range(0, 10).Select(_ => rng.NextInt(100)).Distinct().ToArray();
            var deltas = slots.Select(_ => rng.NextDouble() * 10).ToArray();
            sampling.Update(slots, deltas);
            for (int k = 0; k < slots.Length; k++) priority[slots[k]] = deltas[k];
        }
        Assert.Equal(0, sampling.Sorts);
        // Heap order: a slot's parent position never holds a smaller priority; rank 1 holds the largest.
        int top = Enumerable.Range(0, 100).Single(i => sampling.Rank(i) == 1);
        Assert.Equal(priority.Max(), priority[top]);
    }
}
