using RlGym.Core.Random;

namespace RlGym.Agents.Tabular;

/// <summary>
/// Action values Q(s, a) for every state and action, in one flat array of states × actions (row s holds the
/// actions of state s), so a row is a span and nothing is allocated while learning.
/// </summary>
public sealed class QTable
{
    /// <summary>Creates a table with every entry equal to <paramref name="initialValue"/>.</summary>
    public QTable(int stateCount, int actionCount, double initialValue = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stateCount);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(actionCount);
        StateCount = stateCount;
        ActionCount = actionCount;
        Values = new double[stateCount * actionCount];
        Array.Fill(Values, initialValue);
    }

    /// <summary>Number of states (rows).</summary>
    public int StateCount { get; }

    /// <summary>Number of actions (columns).</summary>
    public int ActionCount { get; }

    /// <summary>The entries, row-major: Q(s, a) is at <c>s * ActionCount + a</c>.</summary>
    public double[] Values { get; }

    /// <summary>Q(s, a).</summary>
    public ref double this[int state, int action] => ref Values[state * ActionCount + action];

    /// <summary>The values of every action in <paramref name="state"/>.</summary>
    public Span<double> Row(int state) => Values.AsSpan(state * ActionCount, ActionCount);

    /// <summary>max_a Q(s, a).</summary>
    public double Max(int state) => Max(Row(state));

    /// <summary>A greedy action of <paramref name="state"/>; ties are broken uniformly at random by <paramref name="rng"/>.</summary>
    public int Argmax(int state, Rng rng) => Argmax(Row(state), rng);

    /// <summary>The largest value of a row.</summary>
    public static double Max(ReadOnlySpan<double> values)
    {
        double best = values[0];
        for (int a = 1; a < values.Length; a++)
            if (values[a] > best) best = values[a];
        return best;
    }

    /// <summary>
    /// An index of the largest value. Among equal values one is drawn uniformly with <paramref name="rng"/>; the
    /// generator is used only when there is a tie, so a table without ties never disturbs the random stream.
    /// Always picking the first would make a fresh table (all equal) walk the same direction forever.
    /// </summary>
    public static int Argmax(ReadOnlySpan<double> values, Rng rng)
    {
        double best = values[0];
        int ties = 1;
        for (int a = 1; a < values.Length; a++)
        {
            if (values[a] > best) { best = values[a]; ties = 1; }
            else if (values[a] == best) ties++;
        }
        if (ties == 1) return values.IndexOf(best);
        int k = rng.NextInt(ties);
        for (int a = 0; a < values.Length; a++)
            if (values[a] == best && k-- == 0) return a;
        return values.IndexOf(best);
    }

    /// <summary>
    /// The largest value among the actions marked in <paramref name="valid"/> (one flag per action; an empty span
    /// means every action is valid).
    /// </summary>
    public static double Max(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid)
    {
        if (valid.IsEmpty) return Max(values);
        double best = double.NegativeInfinity;
        for (int a = 0; a < values.Length; a++)
            if (valid[a] && values[a] > best) best = values[a];
        return best;
    }

    /// <summary>
    /// <see cref="Argmax(ReadOnlySpan{double}, Rng)"/> among the actions marked in <paramref name="valid"/> (empty:
    /// all). With every action valid it draws exactly as the unmasked version, so masks do not change results.
    /// </summary>
    public static int Argmax(ReadOnlySpan<double> values, ReadOnlySpan<bool> valid, Rng rng)
    {
        if (valid.IsEmpty) return Argmax(values, rng);
        double best = Max(values, valid);
        int ties = CountMax(values, best, valid);
        int k = ties == 1 ? 0 : rng.NextInt(ties);
        for (int a = 0; a < values.Length; a++)
            if (valid[a] && values[a] == best && k-- == 0) return a;
        throw new InvalidOperationException("no valid action: a state must allow at least one action");
    }

    /// <summary>Number of valid actions (empty <paramref name="valid"/>: all) whose value equals <paramref name="max"/>.</summary>
    public static int CountMax(ReadOnlySpan<double> values, double max, ReadOnlySpan<bool> valid)
    {
        if (valid.IsEmpty) return CountMax(values, max);
        int ties = 0;
        for (int a = 0; a < values.Length; a++)
            if (valid[a] && values[a] == max) ties++;
        return ties;
    }

    /// <summary>The <paramref name="k"/>-th valid action (0-based; empty <paramref name="valid"/>: action k).</summary>
    public static int NthValid(ReadOnlySpan<bool> valid, int k)
    {
        if (valid.IsEmpty) return k;
        for (int a = 0; a < valid.Length; a++)
            if (valid[a] && k-- == 0) return a;
        throw new ArgumentOutOfRangeException(nameof(k), "fewer valid actions than asked for");
    }

    /// <summary>Number of valid actions (empty <paramref name="valid"/> stands for all <paramref name="actionCount"/>).</summary>
    public static int CountValid(ReadOnlySpan<bool> valid, int actionCount)
    {
        if (valid.IsEmpty) return actionCount;
        int n = 0;
        foreach (bool v in valid)
            if (v) n++;
        return n;
    }

    /// <summary>Number of actions whose value equals the row's maximum.</summary>
    public static int CountMax(ReadOnlySpan<double> values, double max)
    {
        int ties = 0;
        foreach (var v in values)
            if (v == max) ties++;
        return ties;
    }
}
