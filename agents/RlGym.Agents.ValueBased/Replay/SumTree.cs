namespace RlGym.Agents.ValueBased;

/// <summary>
/// A binary tree whose leaves hold non-negative priorities and whose inner nodes hold the sums of their children,
/// stored as an array (node k has children 2k and 2k+1, leaves start at the first power of two ≥ capacity).
/// Setting a leaf and finding the leaf where a prefix sum falls both walk one root-to-leaf path: O(log n).
/// <see cref="NodeVisits"/> counts the nodes those walks touch, so tests can check the cost without timing.
/// </summary>
public sealed class SumTree
{
    private readonly double[] _nodes;
    private readonly int _leaves;

    /// <summary>Creates a tree of <paramref name="capacity"/> zero leaves.</summary>
    public SumTree(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        _leaves = (int)System.Numerics.BitOperations.RoundUpToPowerOf2((uint)capacity);
        _nodes = new double[2 * _leaves];
    }

    /// <summary>Number of leaves.</summary>
    public int Capacity { get; }

    /// <summary>Σ of every leaf.</summary>
    public double Total => _nodes[1];

    /// <summary>Nodes visited by <see cref="Set"/> and <see cref="Find"/> since creation.</summary>
    public long NodeVisits { get; private set; }

    /// <summary>The priority of leaf <paramref name="index"/>.</summary>
    public double this[int index] => _nodes[_leaves + index];

    /// <summary>Sets leaf <paramref name="index"/> to <paramref name="priority"/> and repairs the sums above it.</summary>
    public void Set(int index, double priority)
    {
        if ((uint)index >= (uint)Capacity) throw new ArgumentOutOfRangeException(nameof(index), index, $"Leaf must lie in [0, {Capacity}).");
        if (!(priority >= 0) || double.IsInfinity(priority)) throw new ArgumentOutOfRangeException(nameof(priority), priority, "Priorities must be finite and ≥ 0.");
        int k = _leaves + index;
        _nodes[k] = priority;
        long visits = 1;
        for (k >>= 1; k >= 1; k >>= 1)
        {
            _nodes[k] = _nodes[2 * k] + _nodes[2 * k + 1];
            visits++;
        }
        NodeVisits += visits;
    }

    /// <summary>Sets every leaf to zero.</summary>
    public void Clear() => Array.Clear(_nodes);

    /// <summary>
    /// Sets every leaf at once (a loaded replay buffer's priorities) and rebuilds the sums bottom-up in O(n); each
    /// sum is its children's, as <see cref="Set"/> leaves it, so the tree is the one the leaves were set into.
    /// </summary>
    public void SetAll(ReadOnlySpan<double> priorities)
    {
        if (priorities.Length != Capacity) throw new ArgumentException($"Give {Capacity} priorities, not {priorities.Length}.", nameof(priorities));
        Array.Clear(_nodes);
        for (int i = 0; i < Capacity; i++)
        {
            double p = priorities[i];
            if (!(p >= 0) || double.IsInfinity(p)) throw new ArgumentOutOfRangeException(nameof(priorities), p, "Priorities must be finite and ≥ 0.");
            _nodes[_leaves + i] = p;
        }
        for (int k = _leaves - 1; k >= 1; k--) _nodes[k] = _nodes[2 * k] + _nodes[2 * k + 1];
    }

    /// <summary>
    /// The leaf i with Σ_{j&lt;i} p_j ≤ <paramref name="prefixSum"/> &lt; Σ_{j≤i} p_j: sampling u uniformly in
    /// [0, <see cref="Total"/>) picks leaf i with probability p_i / Total. Leaves of priority zero are never returned.
    /// </summary>
    public int Find(double prefixSum)
    {
        int k = 1;
        long visits = 1;
        while (k < _leaves)
        {
            int left = 2 * k;
            // Rounding can leave u a hair above a subtree's sum; stepping right only into a non-empty subtree keeps zero leaves out.
            if (prefixSum < _nodes[left] || _nodes[left + 1] <= 0) k = left;
            else
            {
                prefixSum -= _nodes[left];
                k = left + 1;
            }
            visits++;
        }
        NodeVisits += visits;
        return Math.Min(k - _leaves, Capacity - 1);
    }
}
