using RlGym.Core.Environments;
using RlGym.Core.Spaces;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Turns a <c>Discrete(n)</c> observation into a one-hot vector of <c>Box(0, 1, (n,), float32)</c>: state s becomes
/// the vector whose element s − start is 1, every other element 0. It lets a network-based agent (DQN, A2C)
/// learn a tabular environment (FrozenLake, CliffWalking). The vectors live in an <see cref="ObservationBuffer"/>,
/// so stepping allocates nothing and the previous observation stays valid for one more step.
/// </summary>
public sealed class OneHotObservation<TAct> : ObservationWrapper<float[], int, TAct> where TAct : notnull
{
    private readonly Discrete _inner;
    private readonly ObservationBuffer _buffer;

    /// <summary>Wraps <paramref name="inner"/>, whose observation space must be <see cref="Discrete"/>.</summary>
    public OneHotObservation(IEnv<int, TAct> inner) : base(inner)
    {
        _inner = inner.ObservationSpace as Discrete ?? throw new ArgumentException(
            $"OneHotObservation needs Discrete observations; {inner} has {inner.ObservationSpace}.", nameof(inner));
        ObservationSpace = new Box(0f, 1f, _inner.N);
        _buffer = new ObservationBuffer(_inner.N);
    }

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace { get; }

    /// <inheritdoc />
    protected override float[] Observation(int observation)
    {
        if (!_inner.Contains(observation))
            throw new ArgumentOutOfRangeException(nameof(observation), observation, $"Observation is not in {_inner}.");
        var v = _buffer.Next();
        Array.Clear(v);
        v[observation - _inner.Start] = 1f;
        return v;
    }
}
