using RlGym.Core.Errors;
using RlGym.Core.Tabular;

namespace RlGym.Cli.Commands;

/// <summary>Which dynamic-programming method <c>rlgym plan</c> uses.</summary>
public enum PlanMethod
{
    /// <summary>Value iteration: Bellman optimality backups until the values stop changing.</summary>
    ValueIteration,
    /// <summary>Policy iteration: evaluate the policy, make it greedy, until it is stable.</summary>
    PolicyIteration,
}

/// <summary>Optimal state values and a greedy policy of a tabular model.</summary>
public sealed record PlanResult(double[] Values, int[] Policy, int Iterations);

/// <summary>
/// Runs the planners on a tabular model for <c>rlgym plan</c>.
/// Interim: the planners of agents/RlGym.Agents.Tabular replace these bodies once they land.
/// </summary>
public static class Planning
{
    private const double Tolerance = 1e-12;
    private const int MaxSweeps = 1_000_000;

    /// <summary>Solves <paramref name="model"/> with discount <paramref name="gamma"/>.</summary>
    public static PlanResult Solve(ITabularModel model, double gamma, PlanMethod method, CancellationToken ct) =>
        method == PlanMethod.ValueIteration ? ValueIteration(model, gamma, ct) : PolicyIteration(model, gamma, ct);

    private static PlanResult ValueIteration(ITabularModel m, double gamma, CancellationToken ct)
    {
        var v = new double[m.StateCount];
        for (int sweep = 1; sweep <= MaxSweeps; sweep++)
        {
            ct.ThrowIfCancellationRequested();
            double delta = 0;
            for (int s = 0; s < m.StateCount; s++)
            {
                if (m.IsTerminal(s)) continue;
                // V(s) ← max_a Σ_{s'} p(s'|s,a) [r + γ V(s')]
                double best = double.NegativeInfinity;
                for (int a = 0; a < m.ActionCount; a++) best = Math.Max(best, Backup(m, v, s, a, gamma));
                delta = Math.Max(delta, Math.Abs(best - v[s]));
                v[s] = best;
            }
            if (delta < Tolerance) return new PlanResult(v, Greedy(m, v, gamma), sweep);
        }
        throw new UserInputException($"value iteration did not converge in {MaxSweeps} sweeps; try a gamma below {gamma}");
    }

    private static PlanResult PolicyIteration(ITabularModel m, double gamma, CancellationToken ct)
    {
        var v = new double[m.StateCount];
        var policy = new int[m.StateCount];
        for (int iteration = 1; iteration <= 10_000; iteration++)
        {
            for (int sweep = 0; ; sweep++)
            {
                ct.ThrowIfCancellationRequested();
                if (sweep == MaxSweeps)
                    throw new UserInputException($"policy evaluation did not converge in {MaxSweeps} sweeps; try a gamma below {gamma}");
                double delta = 0;
                for (int s = 0; s < m.StateCount; s++)
                {
                    if (m.IsTerminal(s)) continue;
                    // V(s) ← Σ_{s'} p(s'|s,π(s)) [r + γ V(s')]
                    double x = Backup(m, v, s, policy[s], gamma);
                    delta = Math.Max(delta, Math.Abs(x - v[s]));
                    v[s] = x;
                }
                if (delta < Tolerance) break;
            }
            var improved = Greedy(m, v, gamma);
            if (improved.AsSpan().SequenceEqual(policy)) return new PlanResult(v, policy, iteration);
            policy = improved;
        }
        throw new UserInputException("policy iteration did not converge in 10000 iterations");
    }

    private static double Backup(ITabularModel m, double[] v, int s, int a, double gamma)
    {
        double q = 0;
        foreach (var o in m.Outcomes(s, a)) q += o.Probability * (o.Reward + (o.Terminal ? 0 : gamma * v[o.NextState]));
        return q;
    }

    private static int[] Greedy(ITabularModel m, double[] v, double gamma)
    {
        var policy = new int[m.StateCount];
        for (int s = 0; s < m.StateCount; s++)
        {
            // Ties go to the lowest action (NumPy's argmax); a tolerance keeps rounding noise from deciding them.
            double best = double.NegativeInfinity;
            for (int a = 0; a < m.ActionCount; a++)
            {
                double q = Backup(m, v, s, a, gamma);
                if (q > best + 1e-9) (best, policy[s]) = (q, a);
            }
        }
        return policy;
    }
}
