using RlGym.Core.Errors;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular.Planning;

/// <summary>
/// Policy iteration (Sutton &amp; Barto §4.3): evaluate the current deterministic policy, make it greedy with respect
/// to its own values, and repeat until it no longer changes. It starts from action 0 everywhere and switches an
/// action only for a strictly better one, so equal actions cannot make it cycle. Reaches the same V*, Q* and
/// policy as <see cref="ValueIteration"/>.
/// </summary>
/// <remarks>
/// Each evaluation runs at most <c>sweepsPerEvaluation</c> sweeps and the next one resumes from where it stopped
/// (modified policy iteration). That is what lets an undiscounted task start from a policy that never ends an
/// episode, such as "up" everywhere on CliffWalking, whose values would otherwise fall forever: the improvement
/// step turns away from it long before its evaluation would converge. The answer is only returned once the policy
/// is stable and its evaluation has converged.
/// </remarks>
public static class PolicyIteration
{
    /// <summary>Plans on <paramref name="model"/>.</summary>
    /// <param name="model">The environment's full model.</param>
    /// <param name="gamma">Discount γ in [0, 1].</param>
    /// <param name="tolerance">Evaluation has converged when a sweep changes no value by more than this.</param>
    /// <param name="sweepsPerEvaluation">Evaluation sweeps between two improvement steps.</param>
    /// <param name="maxIterations">Improvement steps allowed before giving up with a <see cref="UserInputException"/>.</param>
    public static PlanResult Solve(ITabularModel model, double gamma = 0.99, double tolerance = 1e-12,
        int sweepsPerEvaluation = 1_000, int maxIterations = 100_000)
    {
        Bellman.Check(gamma, tolerance, sweepsPerEvaluation);
        var policy = new int[model.StateCount];
        var v = new double[model.StateCount];
        var row = new double[model.ActionCount];
        int totalSweeps = 0;
        for (int iteration = 1; iteration <= maxIterations; iteration++)
        {
            // Evaluation: V ← V_π, resuming from the previous values (few sweeps once π settles).
            bool converged = PolicyEvaluation.TryEvaluate(model, (s, a) => policy[s] == a ? 1 : 0, v, gamma, tolerance,
                sweepsPerEvaluation, out int sweeps);
            totalSweeps += sweeps;

            // Improvement: π(s) ← argmax_a Σ p (r + γ V_π(s')), keeping π(s) unless another action is strictly better.
            bool stable = true;
            for (int s = 0; s < model.StateCount; s++)
            {
                if (model.IsTerminal(s)) continue;
                for (int a = 0; a < model.ActionCount; a++) row[a] = Bellman.ActionValue(model, v, s, a, gamma);
                int best = Bellman.GreedyLowest(row);
                if (row[best] > row[policy[s]] + Bellman.TieTolerance(row[best]))
                {
                    policy[s] = best;
                    stable = false;
                }
            }
            if (stable && converged)
            {
                var (q, greedy) = Bellman.Greedy(model, v, gamma);
                return new PlanResult(v, greedy, q, gamma, iteration, totalSweeps);
            }
        }
        throw new UserInputException(
            $"policy iteration did not settle in {maxIterations} improvement steps (gamma={gamma}); with gamma = 1 the values are unbounded when no policy ends the episode: use gamma below 1");
    }
}
