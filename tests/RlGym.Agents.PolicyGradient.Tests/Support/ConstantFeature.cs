using RlGym.Core.Environments;
using RlGym.Core.Spaces;
using RlGym.Core.Wrappers;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// Shows the agent the same observation, the one-element zero vector, in every state. Sutton and Barto's short
/// corridor agent sees every state alike (x(s, right) = [1, 0], x(s, left) = [0, 1] for all s), so its policy is
/// softmax(θ) whatever the state. With a zero input a linear network's logits are exactly its output bias, so the
/// bias plays θ and the gradient reaches nothing else: the book's parametrisation, step for step.
/// </summary>
public sealed class ConstantFeature(IEnv<int, int> inner) : ObservationWrapper<float[], int, int>(inner)
{
    private readonly float[] _zero = [0f];

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace { get; } = new Box(0f, 0f, 1);

    /// <inheritdoc />
    protected override float[] Observation(int observation) => _zero;
}
