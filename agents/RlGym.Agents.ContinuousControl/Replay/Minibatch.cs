using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Random;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// One preallocated minibatch of B transitions as batch matrices (one row per transition, column-major): s, s′, the
/// critic inputs [s, a] for the stored actions, [s′, a′] for the target's next actions and [s, ã] for the policy's
/// actions, with r, terminated and the targets y. Training steps fill and reuse it, so they allocate nothing.
/// </summary>
public sealed class Minibatch
{
    /// <summary>Allocates a minibatch of <paramref name="size"/> transitions.</summary>
    public Minibatch(int size, int observationSize, int actionSize)
    {
        Size = size;
        ObservationSize = observationSize;
        ActionSize = actionSize;
        States = Matrix<double>.Build.Dense(size, observationSize);
        NextStates = Matrix<double>.Build.Dense(size, observationSize);
        StateActions = Matrix<double>.Build.Dense(size, observationSize + actionSize);
        NextStateActions = Matrix<double>.Build.Dense(size, observationSize + actionSize);
        PolicyStateActions = Matrix<double>.Build.Dense(size, observationSize + actionSize);
        Indices = new int[size];
        Rewards = new double[size];
        Terminated = new bool[size];
        Targets = new double[size];
        OutputGradient = Matrix<double>.Build.Dense(size, 1);
    }

    /// <summary>B.</summary>
    public int Size { get; }

    /// <summary>Width of s.</summary>
    public int ObservationSize { get; }

    /// <summary>Width of a.</summary>
    public int ActionSize { get; }

    /// <summary>s, B × d.</summary>
    public Matrix<double> States { get; }

    /// <summary>s′, B × d.</summary>
    public Matrix<double> NextStates { get; }

    /// <summary>[s, a] with the stored a, B × (d + m).</summary>
    public Matrix<double> StateActions { get; }

    /// <summary>[s′, a′], B × (d + m): s′ on sampling, a′ written by <see cref="WriteActions"/>.</summary>
    public Matrix<double> NextStateActions { get; }

    /// <summary>[s, ã], B × (d + m): s on sampling, ã written by <see cref="WriteActions"/>.</summary>
    public Matrix<double> PolicyStateActions { get; }

    /// <summary>Which stored transitions were drawn.</summary>
    public int[] Indices { get; }

    /// <summary>r.</summary>
    public double[] Rewards { get; }

    /// <summary>True where s′ is terminal.</summary>
    public bool[] Terminated { get; }

    /// <summary>The critic's regression targets y.</summary>
    public double[] Targets { get; }

    /// <summary>A B × 1 buffer for ∂loss/∂q.</summary>
    public Matrix<double> OutputGradient { get; }

    /// <summary>Draws B transitions uniformly from <paramref name="buffer"/> and copies s into the policy's input too.</summary>
    public void Sample(ReplayBuffer buffer, Rng rng)
    {
        buffer.Sample(rng, Indices, States, NextStates, StateActions, Rewards, Terminated);
        int d = ObservationSize, b = Size;
        States.AsColumnMajorArray().AsSpan(0, b * d).CopyTo(PolicyStateActions.AsColumnMajorArray());
        NextStates.AsColumnMajorArray().AsSpan(0, b * d).CopyTo(NextStateActions.AsColumnMajorArray());
    }

    /// <summary>Writes actions (B × m, e.g. the actor's output already mapped to the space) into the action columns of <paramref name="stateActions"/>.</summary>
    public void WriteActions(Matrix<double> stateActions, ReadOnlySpan<double> actions)
    {
        actions.CopyTo(stateActions.AsColumnMajorArray().AsSpan(Size * ObservationSize, Size * ActionSize));
    }

    /// <summary>The action columns of a critic's input gradient, ∂q/∂a (B × m, column-major).</summary>
    public ReadOnlySpan<double> ActionColumns(Matrix<double> stateActionGradient) =>
        stateActionGradient.AsColumnMajorArray().AsSpan(Size * ObservationSize, Size * ActionSize);
}
