using RlGym.Core.Errors;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular.Planning;

/// <summary>
/// Iterative policy evaluation (Sutton &amp; Barto §4.1): V_π(s) ← Σ_a π(a|s) Σ p (r + γ V_π(s')), swept in place
/// until no value moves by <c>tolerance</c>. Gives the true values that prediction experiments measure errors against.
/// </summary>
public static class PolicyEvaluation
{
    /// <summary>V_π of the policy with probabilities <paramref name="policy"/>(s, a).</summary>
    public static double[] Evaluate(ITabularModel model, Func<int, int, double> policy, double gamma = 1.0,
        double tolerance = 1e-12, int maxSweeps = 1_000_000) =>
        Evaluate(model, policy, new double[model.StateCount], gamma, tolerance, maxSweeps, out _);

    /// <summary>The uniform random policy's values, π(a|s) = 1/|A|.</summary>
    public static double[] EvaluateUniform(ITabularModel model, double gamma = 1.0, double tolerance = 1e-12) =>
        Evaluate(model, (_, _) => 1.0 / model.ActionCount, gamma, tolerance);

    /// <summary>Evaluates in place from <paramref name="values"/>; <paramref name="sweeps"/> says how many sweeps it took.</summary>
    internal static double[] Evaluate(ITabularModel model, Func<int, int, double> policy, double[] values, double gamma,
        double tolerance, int maxSweeps, out int sweeps)
    {
        Bellman.Check(gamma, tolerance, maxSweeps);
        for (sweeps = 1; sweeps <= maxSweeps; sweeps++)
        {
            double change = 0;
            for (int s = 0; s < model.StateCount; s++)
            {
                if (model.IsTerminal(s)) { values[s] = 0; continue; }
                double v = 0;
                for (int a = 0; a < model.ActionCount; a++)
                {
                    double p = policy(s, a);
                    if (p != 0) v += p * Bellman.ActionValue(model, values, s, a, gamma);
                }
                change = Math.Max(change, Math.Abs(v - values[s]));
                values[s] = v;
            }
            if (change < tolerance) return values;
        }
        throw new UserInputException(
            $"policy evaluation did not converge in {maxSweeps} sweeps (gamma={gamma}); with gamma = 1 a policy that never ends the episode has unbounded values: use gamma below 1");
    }
}
