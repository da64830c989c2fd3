using RlGym.Core.Random;

namespace RlGym.Agents.ValueBased.Tests;

public sealed class SumTreeTests
{
    [Fact]
    public void Inner_nodes_hold_the_sum_of_the_leaves()
    {
        var tree = new SumTree(5);
        double[] p = [0.5, 2, 0, 1.25, 3];
        for (int i = 0; i < p.Length; i++) tree.Set(i, p[i]);
        Assert.Equal(6.75, tree.Total, 12);
        tree.Set(1, 0.25);
        Assert.Equal(5.0, tree.Total, 12);
        Assert.Equal(0.25, tree[1]);
    }

    [Fact]
    public void Prefix_sums_land_on_the_leaf_whose_interval_holds_them()
    {
        var tree = new SumTree(4);
        double[] p = [1, 0, 2, 3];
        for (int i = 0; i < p.Length; i++) tree.Set(i, p[i]);
        Assert.Equal(0, tree.Find(0));
        Assert.Equal(0, tree.Find(0.999));
        Assert.Equal(2, tree.Find(1.0)); // leaf 1 is empty: [1, 3) belongs to leaf 2
        Assert.Equal(2, tree.Find(2.999));
        Assert.Equal(3, tree.Find(3.0));
        Assert.Equal(3, tree.Find(5.999));
        Assert.Equal(3, tree.Find(6.0 + 1e-12)); // rounding above the total stays on a non-empty leaf
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Sampling_frequencies_match_the_priorities(long seed)
    {
        // 10 leaves with p_i = i + 1; 200 000 draws; Pearson's χ² with 9 degrees of freedom stays below 27.88,
        // its 0.999 quantile, unless the frequencies are wrong.
        const int n = 10, draws = 200_000;
        var tree = new SumTree(n);
        for (int i = 0; i < n; i++) tree.Set(i, i + 1);
        var rng = new Rng(seed);
        var counts = new int[n];
        for (int k = 0; k < draws; k++) counts[tree.Find(rng.NextDouble() * tree.Total)]++;
        double chi2 = 0;
        for (int i = 0; i < n; i++)
        {
            double expected = draws * (i + 1) / tree.Total;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        Assert.True(chi2 < 27.88, $"χ² = {chi2:F2} ≥ 27.88 (df 9, p = 0.001)");
    }

    [Fact]
    public void Stratified_prioritized_batches_match_the_priorities()
    {
        // Through ProportionalSampling with α = 1: batches of 32 stratified draws over p_i = |δ_i| + ε.
        const int n = 8, batches = 5_000;
        var sampling = new ProportionalSampling(n, alpha: 1, epsilon: 0);
        int[] slots = [0, 1, 2, 3, 4, 5, 6, 7];
        double[] deltas = [0.5, -1, 2, -0.25, 3, 1, -1.5, 0.75];
        for (int i = 0; i < n; i++) sampling.Added(i);
        sampling.Update(slots, deltas);
        var rng = new Rng(11);
        var counts = new int[n];
        Span<int> indices = stackalloc int[32];
        Span<double> weights = stackalloc double[32];
        for (int b = 0; b < batches; b++)
        {
            sampling.Sample(rng, n, 0.4, indices, weights);
            foreach (int i in indices) counts[i]++;
        }
        double total = deltas.Sum(Math.Abs), chi2 = 0;
        for (int i = 0; i < n; i++)
        {
            double expected = batches * 32 * Math.Abs(deltas[i]) / total;
            chi2 += (counts[i] - expected) * (counts[i] - expected) / expected;
        }
        // Stratification makes the counts less variable than independent draws, so the χ² bound (df 7, p = 0.001) is loose.
        Assert.True(chi2 < 24.32, $"χ² = {chi2:F2} ≥ 24.32");
    }

    [Theory]
    [InlineData(1_000, 10)]
    [InlineData(1_024, 10)]
    [InlineData(1_000_000, 20)]
    public void Update_and_sample_visit_one_node_per_level(int capacity, int depth)
    {
        var tree = new SumTree(capacity);
        var rng = new Rng(1);
        for (int i = 0; i < 1000; i++) tree.Set(rng.NextInt(capacity), rng.NextDouble());
        long before = tree.NodeVisits;
        tree.Set(rng.NextInt(capacity), 0.5);
        Assert.Equal(depth + 1, tree.NodeVisits - before);
        before = tree.NodeVisits;
        tree.Find(rng.NextDouble() * tree.Total);
        Assert.Equal(depth + 1, tree.NodeVisits - before);
    }

    [Fact]
    public void A_prioritized_batch_costs_log_n_per_draw_and_per_refresh()
    {
        // B draws and B refreshes: 2 B (log₂ n + 1) node visits, whether n is 2¹⁰ or 2²⁰.
        foreach (var (n, depth) in new[] { (1 << 10, 10), (1 << 20, 20) })
        {
            var sampling = new ProportionalSampling(n, 0.6, 1e-6);
            for (int i = 0; i < 5000; i++) sampling.Added(i % n);
            var indices = new int[64];
            var weights = new double[64];
            var deltas = new double[64];
            long before = sampling.Tree.NodeVisits;
            sampling.Sample(new Rng(2), Math.Min(n, 5000), 0.5, indices, weights);
            sampling.Update(indices, deltas);
            Assert.Equal(2 * 64 * (depth + 1), sampling.Tree.NodeVisits - before);
        }
    }
}
