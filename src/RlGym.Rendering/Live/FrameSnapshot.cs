namespace RlGym.Rendering.Live;

/// <summary>
/// Everything one frame shows, copied on the trainer's thread so the window can draw it while training goes on.
/// Nothing in it is changed after it is published.
/// </summary>
public sealed class FrameSnapshot
{
    /// <summary>The environment id (Gymnasium's, e.g. <c>CartPole-v1</c>); picks the scene.</summary>
    public string EnvId { get; init; } = "";

    /// <summary>A copy of a continuous observation (classic control); empty for discrete observations.</summary>
    public float[] Observation { get; init; } = [];

    /// <summary>The grid-world's cells, agent and values; null for other environments.</summary>
    public GridFrame? Grid { get; init; }

    /// <summary>Q(s, ·) at the current observation when the agent can tell it; else null.</summary>
    public double[]? ActionValues { get; init; }

    /// <summary>Return of every finished episode, oldest first.</summary>
    public ReadOnlyMemory<double> Returns { get; init; }

    /// <summary>Episodes finished so far.</summary>
    public int Episode { get; init; }

    /// <summary>Environment steps taken so far.</summary>
    public long Step { get; init; }

    /// <summary>The agent's exploration rate (NaN when it has none).</summary>
    public double ExplorationRate { get; init; } = double.NaN;

    /// <summary>Environment steps per second over the last second or so (NaN before it is known).</summary>
    public double StepsPerSecond { get; init; } = double.NaN;

    /// <summary>An empty frame: no observation, no episodes.</summary>
    public static FrameSnapshot Empty { get; } = new();
}
