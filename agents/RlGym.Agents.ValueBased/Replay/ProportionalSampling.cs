using RlGym.Core.Random;

namespace RlGym.Agents.ValueBased;

/// <summary>
/// Proportional prioritized replay: p_i = |δ_i| + ε and P(i) = p_i^α / Σ_k p_k^α, kept in a <see cref="SumTree"/>
/// so that adding, refreshing and drawing cost O(log n). A batch of B is drawn stratified: one u from each of B
/// equal segments of [0, Σ p^α).
/// </summary>
public sealed class ProportionalSampling : IReplaySampling
{
    private readonly double _alpha;
    private readonly double _epsilon;
    private double _maxPriority = 1;

    /// <summary>Creates the sampler for a buffer of <paramref name="capacity"/>.</summary>
    public ProportionalSampling(int capacity, double alpha, double epsilon)
    {
        Tree = new SumTree(capacity);
        _alpha = alpha;
        _epsilon = epsilon;
    }

    /// <summary>The leaves p_i^α.</summary>
    public SumTree Tree { get; }

    /// <inheritdoc/>
    public void Added(int index) => Tree.Set(index, Math.Pow(_maxPriority, _alpha));

    /// <inheritdoc/>
    public void Sample(Rng rng, int count, double beta, Span<int> indices, Span<double> weights)
    {
        double total = Tree.Total;
        double segment = total / indices.Length;
        double largest = 0;
        for (int k = 0; k < indices.Length; k++)
        {
            int i = Tree.Find((k + rng.NextDouble()) * segment);
            indices[k] = i;
            // w_i = (n P(i))^(−β)
            weights[k] = Math.Pow(count * Tree[i] / total, -beta);
            largest = Math.Max(largest, weights[k]);
        }
        for (int k = 0; k < weights.Length; k++) weights[k] /= largest;
    }

    /// <inheritdoc/>
    public void Update(ReadOnlySpan<int> indices, ReadOnlySpan<double> tdErrors)
    {
        for (int k = 0; k < indices.Length; k++)
        {
            // p_i = |δ_i| + ε
            double p = Math.Abs(tdErrors[k]) + _epsilon;
            _maxPriority = Math.Max(_maxPriority, p);
            Tree.Set(indices[k], Math.Pow(p, _alpha));
        }
    }

    /// <inheritdoc/>
    public void Clear()
    {
        Tree.Clear();
        _maxPriority = 1;
    }

    /// <inheritdoc/>
    public void Write(BinaryWriter writer, int count)
    {
        writer.Write(_maxPriority);
        for (int i = 0; i < count; i++) writer.Write(Tree[i]);
    }

    /// <inheritdoc/>
    public void Read(BinaryReader reader, int count)
    {
        double max = reader.ReadDouble();
        var leaves = new double[Tree.Capacity];
        for (int i = 0; i < count; i++) leaves[i] = reader.ReadDouble();
        Tree.SetAll(leaves);
        _maxPriority = max;
    }

    /// <inheritdoc/>
    public double Probability(int index, int count) => Tree[index] / Tree.Total;
}
