using RlGym.Core.Errors;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular.Planning;

/// <summary>
/// Value iteration (Sutton &amp; Barto §4.4): sweep V(s) ← max_a Σ p (r + γ V(s')) over the states, in place, until
/// no value moves by <c>tolerance</c>; then read off Q* and the greedy policy. Ground truth for the tabular agents.
/// </summary>
public static class ValueIteration
{
    /// <summary>Plans on <paramref name="model"/>.</summary>
    /// <param name="model">The environment's full model.</param>
    /// <param name="gamma">Discount γ in [0, 1]; with γ = 1 some episode end must be reachable and worth reaching.</param>
    /// <param name="tolerance">Stop when a sweep changes no value by more than this.</param>
    /// <param name="maxSweeps">Give up (with a <see cref="UserInputException"/>) after this many sweeps.</param>
    public static PlanResult Solve(ITabularModel model, double gamma = 0.99, double tolerance = 1e-12, int maxSweeps = 1_000_000)
    {
        Bellman.Check(gamma, tolerance, maxSweeps);
        var v = new double[model.StateCount];
        for (int sweep = 1; sweep <= maxSweeps; sweep++)
        {
            double change = 0;
            for (int s = 0; s < model.StateCount; s++)
            {
                if (model.IsTerminal(s)) continue;
                // V(s) ← max_a Σ_{s'} p(s'|s,a) (r + γ V(s'))
                double best = double.NegativeInfinity;
                for (int a = 0; a < model.ActionCount; a++)
                    best = Math.Max(best, Bellman.ActionValue(model, v, s, a, gamma));
                change = Math.Max(change, Math.Abs(best - v[s]));
                v[s] = best;
            }
            if (change < tolerance)
            {
                var (q, policy) = Bellman.Greedy(model, v, gamma);
                return new PlanResult(v, policy, q, gamma, sweep, sweep);
            }
        }
        throw new UserInputException(
            $"value iteration did not converge in {maxSweeps} sweeps (gamma={gamma}); with gamma = 1 the values are unbounded when no policy ends the episode: use gamma below 1");
    }
}
