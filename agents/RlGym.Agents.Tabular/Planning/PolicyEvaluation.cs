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
    /// <exception cref="UserInputException">The values did not settle in <paramref name="maxSweeps"/> sweeps.</exception>
    public static double[] Evaluate(ITabularModel model, Func<int, int, double> policy, double gamma = 1.0,
        double tolerance = 1e-12, int maxSweeps = 1_000_000)
    {
        Bellman.Check(gamma, tolerance, maxSweeps);
        var values = new double[model.StateCount];
        if (!TryEvaluate(model, policy, values, gamma, tolerance, maxSweeps, out _))
            throw new UserInputException(
                $"policy evaluation did not converge in {maxSweeps} sweeps (gamma={gamma}); with gamma = 1 a policy that never ends the episode has unbounded values: use gamma below 1");
        return values;
    }

    /// <summary>The uniform random policy's values, π(a|s) = 1/|A|.</summary>
    public static double[] EvaluateUniform(ITabularModel model, double gamma = 1.0, double tolerance = 1e-12) =>
        Evaluate(model, (_, _) => 1.0 / model.ActionCount, gamma, tolerance);

    /// <summary>
    /// Sweeps in place from <paramref name="values"/>, at most <paramref name="maxSweeps"/> times; true when a sweep
    /// changed no value by <paramref name="tolerance"/>. <paramref name="sweeps"/> says how many sweeps ran.
    /// </summary>
    internal static bool TryEvaluate(ITabularModel model, Func<int, int, double> policy, double[] values, double gamma,
        double tolerance, int maxSweeps, out int sweeps)
    {
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
            if (change < tolerance) return true;
        }
        sweeps = maxSweeps;
        return false;
    }
}
