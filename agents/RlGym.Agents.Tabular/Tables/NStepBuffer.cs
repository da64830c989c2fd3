namespace RlGym.Agents.Tabular;

/// <summary>
/// The last n steps (s_t, a_t, r_t) whose multi-step targets are still waiting for later rewards: a ring buffer
/// allocated once, so n-step learning allocates nothing per step.
/// </summary>
public sealed class NStepBuffer
{
    private readonly int[] _states;
    private readonly int[] _actions;
    private readonly double[] _rewards;
    private int _head;

    /// <summary>Creates a buffer for <paramref name="capacity"/> = n steps.</summary>
    public NStepBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _states = new int[capacity];
        _actions = new int[capacity];
        _rewards = new double[capacity];
    }

    /// <summary>n: how many steps the buffer holds.</summary>
    public int Capacity => _states.Length;

    /// <summary>Steps held now.</summary>
    public int Count { get; private set; }

    /// <summary>True when n steps are held, so the oldest one's n-step target is complete.</summary>
    public bool IsFull => Count == Capacity;

    /// <summary>s_τ of the oldest step held.</summary>
    public int OldestState => _states[_head];

    /// <summary>a_τ of the oldest step held.</summary>
    public int OldestAction => _actions[_head];

    /// <summary>Appends a step; the buffer must not be full (update and drop the oldest first).</summary>
    public void Push(int state, int action, double reward)
    {
        if (IsFull) throw new InvalidOperationException("The n-step buffer is full; drop the oldest step first.");
        int i = (_head + Count) % Capacity;
        _states[i] = state;
        _actions[i] = action;
        _rewards[i] = reward;
        Count++;
    }

    /// <summary>Σ_{i&lt;m} γ^i r_{τ+i} over the m = <see cref="Count"/> steps held, from the oldest.</summary>
    public double DiscountedRewards(double gamma)
    {
        double sum = 0, discount = 1;
        for (int k = 0; k < Count; k++)
        {
            sum += discount * _rewards[(_head + k) % Capacity];
            discount *= gamma;
        }
        return sum;
    }

    /// <summary>Drops the oldest step.</summary>
    public void DropOldest()
    {
        _head = (_head + 1) % Capacity;
        Count--;
    }

    /// <summary>Empties the buffer.</summary>
    public void Clear() => _head = Count = 0;
}
