using System.Text.Json;

namespace RlGym.Agents.Tabular;

/// <summary>
/// One episode's steps (s_t, a_t, r_t) so far, for agents that learn when it ends. The arrays grow by doubling, so
/// once the longest episode has been met adding allocates nothing.
/// </summary>
public sealed class EpisodeSteps
{
    private int[] _states = new int[1024];
    private int[] _actions = new int[1024];
    private double[] _rewards = new double[1024];

    /// <summary>Steps held, T.</summary>
    public int Count { get; private set; }

    /// <summary>s_0 … s_{T−1}.</summary>
    public ReadOnlySpan<int> States => _states.AsSpan(0, Count);

    /// <summary>a_0 … a_{T−1}.</summary>
    public ReadOnlySpan<int> Actions => _actions.AsSpan(0, Count);

    /// <summary>r_0 … r_{T−1}.</summary>
    public ReadOnlySpan<double> Rewards => _rewards.AsSpan(0, Count);

    /// <summary>Appends (s_t, a_t, r_t).</summary>
    public void Add(int state, int action, double reward)
    {
        if (Count == _states.Length)
        {
            Array.Resize(ref _states, 2 * Count);
            Array.Resize(ref _actions, 2 * Count);
            Array.Resize(ref _rewards, 2 * Count);
        }
        _states[Count] = state;
        _actions[Count] = action;
        _rewards[Count] = reward;
        Count++;
    }

    /// <summary>Forgets the episode (keeps the arrays).</summary>
    public void Clear() => Count = 0;

    /// <summary>Writes the steps as an array of [s, a, r] (an agent's file keeps unfinished episodes).</summary>
    public void Write(Utf8JsonWriter writer)
    {
        writer.WriteStartArray();
        for (int t = 0; t < Count; t++)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(_states[t]);
            writer.WriteNumberValue(_actions[t]);
            writer.WriteNumberValue(_rewards[t]);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
    }

    /// <summary>Replaces the steps by those <see cref="Write"/> wrote.</summary>
    public void Read(JsonElement steps)
    {
        Clear();
        foreach (var step in steps.EnumerateArray()) Add(step[0].GetInt32(), step[1].GetInt32(), step[2].GetDouble());
    }
}
