namespace RlGym.Core.Environments;

/// <summary>
/// An environment whose whole state (its position in the episode and its generator) can be written and read
/// back, so a run stopped in the middle of an episode continues exactly: the trainer writes every copy's state into
/// its checkpoint. Classic control writes a few doubles, toy text an int. Wrappers forward to what they wrap and
/// add their own counters (a time limit's elapsed steps, a running mean).
/// </summary>
public interface IStatefulEnv
{
    /// <summary>
    /// True when <see cref="WriteState"/> captures the whole state: a wrapper can say yes only when what it wraps
    /// can.
    /// </summary>
    bool CanSaveState { get; }

    /// <summary>Writes the state that <see cref="ReadState"/> restores.</summary>
    void WriteState(BinaryWriter writer);

    /// <summary>Restores what <see cref="WriteState"/> wrote; the environment then steps identically.</summary>
    void ReadState(BinaryReader reader);
}
