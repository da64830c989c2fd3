using RlGym.Core.Random;

namespace RlGym.Agents.Tabular;

/// <summary>
/// The behaviour policy π(a|s) built from one row of action values: ε-greedy or softmax. It samples actions and
/// writes the probabilities (Expected Sarsa needs them); a scratch row preallocated here keeps both allocation-free.
/// </summary>
public sealed class ExplorationPolicy
{
    private readonly double[] _scratch;

    /// <summary>Creates the policy for <paramref name="actionCount"/> actions.</summary>
    public ExplorationPolicy(ExplorationKind kind, double temperature, int actionCount)
    {
        Kind = kind;
        Temperature = temperature;
        _scratch = new double[actionCount];
    }

    /// <summary>ε-greedy or softmax.</summary>
    public ExplorationKind Kind { get; }

    /// <summary>The softmax temperature (unused by ε-greedy).</summary>
    public double Temperature { get; }

    /// <summary>
    /// Draws a ~ π(·|s) from the action values <paramref name="q"/> of s, among the actions marked in
    /// <paramref name="valid"/> (one flag per action; empty: every action).
    /// </summary>
    public int Sample(ReadOnlySpan<double> q, double epsilon, Rng rng, ReadOnlySpan<bool> valid = default)
    {
        if (Kind == ExplorationKind.Softmax)
        {
            var p = _scratch.AsSpan(0, q.Length);
            Probabilities(q, epsilon, p, valid);
            return rng.Categorical(p);
        }
        // Exploring draws from all valid actions, the greedy one included, so π(greedy|s) = 1 − ε + ε/|A(s)|.
        return rng.NextDouble() < epsilon
            ? QTable.NthValid(valid, rng.NextInt(QTable.CountValid(valid, q.Length)))
            : QTable.Argmax(q, valid, rng);
    }

    /// <summary>
    /// Writes π(a|s) for every action into <paramref name="probabilities"/>; actions not marked in
    /// <paramref name="valid"/> (when it is not empty) get 0.
    /// </summary>
    public void Probabilities(ReadOnlySpan<double> q, double epsilon, Span<double> probabilities, ReadOnlySpan<bool> valid = default)
    {
        int n = q.Length;
        int allowed = QTable.CountValid(valid, n);
        double max = QTable.Max(q, valid);
        if (Kind == ExplorationKind.Softmax)
        {
            // Subtracting the maximum keeps exp from overflowing; the probabilities do not change.
            double total = 0;
            for (int a = 0; a < n; a++)
                total += probabilities[a] = valid.IsEmpty || valid[a] ? Math.Exp((q[a] - max) / Temperature) : 0;
            for (int a = 0; a < n; a++) probabilities[a] /= total;
            return;
        }
        // Greedy ties share the 1 − ε of exploitation, as the random tie-breaking of Argmax does.
        int ties = QTable.CountMax(q, max, valid);
        for (int a = 0; a < n; a++)
            probabilities[a] = valid.IsEmpty || valid[a] ? epsilon / allowed + (q[a] == max ? (1 - epsilon) / ties : 0) : 0;
    }
}
