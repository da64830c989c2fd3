using RlGym.Core.Random;

namespace RlGym.Agents.ValueBased;

/// <summary>
/// Rank-based prioritized replay: P(i) = rank(i)^(−α) / Σ_k k^(−α), ranks by |δ| + ε from the largest. As in the
/// paper, the order is kept approximately by a binary max-heap (heap position stands for rank; adding and refreshing
/// are O(log n) sifts) that is sorted completely after every n changes. Because rank probabilities depend only on
/// the position, their prefix sums are computed once and a stratified draw is a binary search: O(log n).
/// </summary>
public sealed class RankSampling : IReplaySampling
{
    private readonly double[] _priority;   // |δ| + ε by slot
    private readonly int[] _heap;          // slot at each position (position 0 = rank 1)
    private readonly int[] _position;      // position of each slot, −1 when absent
    private readonly double[] _cumulative; // Σ_{k≤pos} (k+1)^(−α)
    private readonly double[] _sortKeys;
    private readonly double _alpha;
    private readonly double _epsilon;
    private double _maxPriority = 1;
    private int _size;
    private int _changesSinceSort;

    /// <summary>Creates the sampler for a buffer of <paramref name="capacity"/>.</summary>
    public RankSampling(int capacity, double alpha, double epsilon)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _alpha = alpha;
        _epsilon = epsilon;
        _priority = new double[capacity];
        _heap = new int[capacity];
        _position = new int[capacity];
        Array.Fill(_position, -1);
        _cumulative = new double[capacity];
        _sortKeys = new double[capacity];
        double sum = 0;
        for (int k = 0; k < capacity; k++) _cumulative[k] = sum += Math.Pow(k + 1, -alpha);
    }

    /// <summary>Complete sorts done so far.</summary>
    public int Sorts { get; private set; }

    /// <summary>The approximate rank (1 = highest priority) of slot <paramref name="index"/>.</summary>
    public int Rank(int index) => _position[index] + 1;

    /// <inheritdoc/>
    public void Added(int index)
    {
        _priority[index] = _maxPriority;
        int pos = _position[index];
        if (pos < 0)
        {
            pos = _size++;
            _heap[pos] = index;
            _position[index] = pos;
        }
        SiftUp(pos, rising: true);
        Changed();
    }

    /// <inheritdoc/>
    public void Sample(Rng rng, int count, double beta, Span<int> indices, Span<double> weights)
    {
        double total = _cumulative[count - 1];
        double segment = total / indices.Length;
        double largest = 0;
        for (int k = 0; k < indices.Length; k++)
        {
            double u = (k + rng.NextDouble()) * segment;
            int pos = Math.Min(FirstAbove(u, count), count - 1);
            indices[k] = _heap[pos];
            // w_i = (n P(i))^(−β), P(i) = rank^(−α) / Σ
            weights[k] = Math.Pow(count * Math.Pow(pos + 1, -_alpha) / total, -beta);
            largest = Math.Max(largest, weights[k]);
        }
        for (int k = 0; k < weights.Length; k++) weights[k] /= largest;
    }

    /// <inheritdoc/>
    public void Update(ReadOnlySpan<int> indices, ReadOnlySpan<double> tdErrors)
    {
        for (int k = 0; k < indices.Length; k++)
        {
            int i = indices[k];
            double p = Math.Abs(tdErrors[k]) + _epsilon;
            _maxPriority = Math.Max(_maxPriority, p);
            double old = _priority[i];
            _priority[i] = p;
            if (p > old) SiftUp(_position[i], rising: false);
            else SiftDown(_position[i]);
            Changed();
        }
    }

    /// <inheritdoc/>
    public void Clear()
    {
        Array.Fill(_position, -1);
        _size = 0;
        _changesSinceSort = 0;
        _maxPriority = 1;
    }

    /// <inheritdoc/>
    public void Write(BinaryWriter writer, int count)
    {
        writer.Write(_maxPriority);
        writer.Write(_size);
        writer.Write(_changesSinceSort);
        writer.Write(Sorts);
        for (int i = 0; i < count; i++) writer.Write(_priority[i]);
        for (int pos = 0; pos < _size; pos++) writer.Write(_heap[pos]);
    }

    /// <inheritdoc/>
    public void Read(BinaryReader reader, int count)
    {
        double max = reader.ReadDouble();
        int size = reader.ReadInt32(), changes = reader.ReadInt32(), sorts = reader.ReadInt32();
        if (size != count || changes < 0)
            throw new InvalidDataException($"The saved rank order holds {size} transitions; the buffer holds {count}.");
        for (int i = 0; i < count; i++) _priority[i] = reader.ReadDouble();
        Array.Fill(_position, -1);
        for (int pos = 0; pos < size; pos++)
        {
            int slot = reader.ReadInt32();
            if ((uint)slot >= (uint)count || _position[slot] >= 0)
                throw new InvalidDataException($"The saved rank order is damaged (slot {slot} at rank {pos + 1}).");
            Place(pos, slot);
        }
        (_maxPriority, _size, _changesSinceSort, Sorts) = (max, size, changes, sorts);
    }

    /// <inheritdoc/>
    public double Probability(int index, int count) => Math.Pow(_position[index] + 1, -_alpha) / _cumulative[count - 1];

    // A sorted array is a valid heap, and makes heap position the exact rank again.
    private void Changed()
    {
        if (++_changesSinceSort < _heap.Length) return;
        _changesSinceSort = 0;
        for (int pos = 0; pos < _size; pos++) _sortKeys[pos] = -_priority[_heap[pos]];
        _sortKeys.AsSpan(0, _size).Sort(_heap.AsSpan(0, _size));
        for (int pos = 0; pos < _size; pos++) _position[_heap[pos]] = pos;
        Sorts++;
    }

    private int FirstAbove(double u, int count)
    {
        int lo = 0, hi = count - 1;
        while (lo < hi)
        {
            int mid = (lo + hi) >> 1;
            if (_cumulative[mid] > u) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    // New transitions rise past equal priorities, so the newest of the maximum-priority ones is sampled first.
    private void SiftUp(int pos, bool rising)
    {
        int slot = _heap[pos];
        double p = _priority[slot];
        while (pos > 0)
        {
            int parent = (pos - 1) >> 1;
            double q = _priority[_heap[parent]];
            if (rising ? p < q : p <= q) break;
            Place(pos, _heap[parent]);
            pos = parent;
        }
        Place(pos, slot);
    }

    private void SiftDown(int pos)
    {
        int slot = _heap[pos];
        double p = _priority[slot];
        while (true)
        {
            int child = 2 * pos + 1;
            if (child >= _size) break;
            if (child + 1 < _size && _priority[_heap[child + 1]] > _priority[_heap[child]]) child++;
            if (_priority[_heap[child]] <= p) break;
            Place(pos, _heap[child]);
            pos = child;
        }
        Place(pos, slot);
    }

    private void Place(int pos, int slot)
    {
        _heap[pos] = slot;
        _position[slot] = pos;
    }
}
