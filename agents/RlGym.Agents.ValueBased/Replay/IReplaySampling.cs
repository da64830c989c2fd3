using RlGym.Core.Random;

namespace RlGym.Agents.ValueBased;

/// <summary>
/// How minibatches are drawn from a <see cref="ReplayBuffer"/>: uniformly, or by priority (Schaul et al. 2016).
/// Prioritized samplers give new transitions the highest priority seen so far, take each sample's new |δ| after
/// it is used, and return importance weights (n P(i))^(−β) normalised by the batch's largest.
/// </summary>
public interface IReplaySampling
{
    /// <summary>Slot <paramref name="index"/> of the buffer now holds a new transition.</summary>
    void Added(int index);

    /// <summary>
    /// Fills <paramref name="indices"/> with slots among the first <paramref name="count"/> and <paramref name="weights"/>
    /// with their importance weights for exponent <paramref name="beta"/> (all 1 when uniform).
    /// </summary>
    void Sample(Rng rng, int count, double beta, Span<int> indices, Span<double> weights);

    /// <summary>The sampled transitions' new TD errors δ = q − y.</summary>
    void Update(ReadOnlySpan<int> indices, ReadOnlySpan<double> tdErrors);

    /// <summary>Forgets every priority (the buffer was cleared).</summary>
    void Clear();

    /// <summary>Writes the priorities of the first <paramref name="count"/> slots and whatever else drawing depends on.</summary>
    void Write(BinaryWriter writer, int count);

    /// <summary>Reads what <see cref="Write"/> wrote for a buffer holding <paramref name="count"/> transitions.</summary>
    void Read(BinaryReader reader, int count);

    /// <summary>The probability P(i) that one draw picks slot <paramref name="index"/> when <paramref name="count"/> are stored.</summary>
    double Probability(int index, int count);
}
