using System.Text.Json;

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
    private readonly double[] _targets;
    private int _head;

    /// <summary>Creates a buffer for <paramref name="capacity"/> = n steps.</summary>
    public NStepBuffer(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        _states = new int[capacity];
        _actions = new int[capacity];
        _rewards = new double[capacity];
        _targets = new double[capacity];
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

    /// <summary>The <paramref name="k"/>-th step held, counting from the oldest (for saving an unfinished window).</summary>
    public (int State, int Action, double Reward) this[int k]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)k, (uint)Count, nameof(k));
            int i = (_head + k) % Capacity;
            return (_states[i], _actions[i], _rewards[i]);
        }
    }

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
        for (int k = 0, i = _head; k < Count; k++)
        {
            sum += discount * _rewards[i];
            discount *= gamma;
            if (++i == Capacity) i = 0;
        }
        return sum;
    }

    /// <summary>
    /// The targets of every step held when the episode ends, oldest first: y_τ = Σ_{i&lt;m} γ^i r_{τ+i} + γ^m b with
    /// m the steps from τ to the end. Built backwards as y_τ = r_τ + γ y_{τ+1} (y after the last step is the
    /// bootstrap b), so flushing a long episode costs one pass instead of one sum per step.
    /// </summary>
    public ReadOnlySpan<double> TargetsToEnd(double gamma, double bootstrap)
    {
        double y = bootstrap;
        for (int k = Count - 1; k >= 0; k--) _targets[k] = y = _rewards[(_head + k) % Capacity] + gamma * y;
        return _targets.AsSpan(0, Count);
    }

    /// <summary>Drops the oldest step.</summary>
    public void DropOldest()
    {
        _head = (_head + 1) % Capacity;
        Count--;
    }

    /// <summary>Empties the buffer.</summary>
    public void Clear() => _head = Count = 0;

    /// <summary>Writes the steps held, oldest first, as an array of [s, a, r] (an agent's file keeps unfinished windows).</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        for (int k = 0; k < Count; k++)
        {
            var (state, action, reward) = this[k];
            writer.WriteStartArray();
            writer.WriteNumberValue(state);
            writer.WriteNumberValue(action);
            writer.WriteNumberValue(reward);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    /// <summary>Replaces the steps held by those <see cref="Write"/> wrote.</summary>
    public void Read(JsonElement steps)
    {
        Clear();
        foreach (var step in steps.EnumerateArray()) Push(step[0].GetInt32(), step[1].GetInt32(), step[2].GetDouble());
    }
}
