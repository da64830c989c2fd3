using RlGym.Core.Agents;

namespace RlGym.Agents.Tabular.Planning;

/// <summary>
/// What a planner found: the optimal state values V*, a greedy policy (ties toward the lowest action index, so the
/// result is the same on every run), the action values Q* and how much work it took. Renderers can draw it as an
/// agent's values through <see cref="IActionValues{TObs}"/>.
/// </summary>
public sealed class PlanResult : IActionValues<int>
{
    /// <summary>Creates a result.</summary>
    public PlanResult(double[] values, int[] policy, QTable q, double gamma, int iterations, int sweeps)
    {
        Values = values;
        Policy = policy;
        Q = q;
        Gamma = gamma;
        Iterations = iterations;
        Sweeps = sweeps;
    }

    /// <summary>V(s) for every state (0 for terminal states).</summary>
    public double[] Values { get; }

    /// <summary>The greedy action of every state (0 for terminal states).</summary>
    public int[] Policy { get; }

    /// <summary>Q(s, a) = Σ p (r + γ V(s')) for every state and action.</summary>
    public QTable Q { get; }

    /// <summary>The discount the plan was made for.</summary>
    public double Gamma { get; }

    /// <summary>Value iteration: sweeps until convergence; policy iteration: improvement steps until the policy was stable.</summary>
    public int Iterations { get; }

    /// <summary>Sweeps over the state space in all (for policy iteration, the evaluation sweeps included).</summary>
    public int Sweeps { get; }

    /// <inheritdoc />
    public int ActionCount => Q.ActionCount;

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.ActionValues;

    /// <inheritdoc />
    public void ActionValues(int observation, Span<double> values) => Q.Row(observation).CopyTo(values);
}
