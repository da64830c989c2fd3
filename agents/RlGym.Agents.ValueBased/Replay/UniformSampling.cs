using RlGym.Core.Random;

namespace RlGym.Agents.ValueBased;

/// <summary>The lectures' experience replay: every stored transition equally likely, with replacement.</summary>
public sealed class UniformSampling : IReplaySampling
{
    /// <inheritdoc/>
    public void Added(int index)
    {
    }

    /// <inheritdoc/>
    public void Sample(Rng rng, int count, double beta, Span<int> indices, Span<double> weights)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            indices[i] = rng.NextInt(count);
            weights[i] = 1;
        }
    }

    /// <inheritdoc/>
    public void Update(ReadOnlySpan<int> indices, ReadOnlySpan<double> tdErrors)
    {
    }

    /// <inheritdoc/>
    public void Clear()
    {
    }

    /// <inheritdoc/>
    public void Write(BinaryWriter writer, int count)
    {
    }

    /// <inheritdoc/>
    public void Read(BinaryReader reader, int count)
    {
    }

    /// <inheritdoc/>
    public double Probability(int index, int count) => 1.0 / count;
}
