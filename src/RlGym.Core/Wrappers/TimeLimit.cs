using System.Runtime.CompilerServices;
using RlGym.Core.Environments;
using RlGym.Core.Registration;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Truncates an episode after <see cref="MaxEpisodeSteps"/> steps: the step that reaches the limit returns
/// <c>truncated = true</c> (and keeps <c>terminated</c> as the environment said), as Gymnasium's <c>TimeLimit</c>.
/// </summary>
public sealed class TimeLimit<TObs, TAct> : Wrapper<TObs, TAct> where TObs : notnull where TAct : notnull
{
    private int _elapsed;

    /// <summary>Wraps <paramref name="inner"/> with a limit of <paramref name="maxEpisodeSteps"/> steps.</summary>
    public TimeLimit(IEnv<TObs, TAct> inner, int maxEpisodeSteps) : base(inner)
    {
        if (maxEpisodeSteps <= 0) throw new ArgumentOutOfRangeException(nameof(maxEpisodeSteps), maxEpisodeSteps, "must be positive");
        MaxEpisodeSteps = maxEpisodeSteps;
    }

    /// <summary>The limit.</summary>
    public int MaxEpisodeSteps { get; }

    /// <summary>Steps taken in the current episode.</summary>
    public int ElapsedSteps => _elapsed;

    /// <inheritdoc />
    public override ResetResult<TObs> Reset(long? seed = null, EnvOptions? options = null)
    {
        _elapsed = 0;
        return ResetInner(seed, options);
    }

    /// <inheritdoc />
    // Inlined into OrderEnforcing, which calls this sealed class directly, so that the registry's two wrappers cost
    // one call to the environment between them.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override StepResult<TObs> Step(TAct action)
    {
        var r = InnerEnv.Step(action);
        if (++_elapsed < MaxEpisodeSteps) return r;
        return new StepResult<TObs>(r.Observation, r.Reward, r.Terminated, true, r.Info);
    }

    /// <inheritdoc />
    public override void WriteState(BinaryWriter writer)
    {
        base.WriteState(writer);
        writer.Write(_elapsed);
    }

    /// <inheritdoc />
    public override void ReadState(BinaryReader reader)
    {
        base.ReadState(reader);
        _elapsed = reader.ReadInt32();
    }
}
