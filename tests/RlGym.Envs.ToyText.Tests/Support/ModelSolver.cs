using RlGym.Core.Tabular;
using RlGym.Envs.ToyText.Tabular;

namespace RlGym.Envs.ToyText.Tests.Support;

/// <summary>Exact answers computed from a tabular model, to compare environments with published numbers.</summary>
public static class ModelSolver
{
    /// <summary>Optimal undiscounted value with <paramref name="horizon"/> steps left (finite-horizon value iteration).</summary>
    public static double[] FiniteHorizonOptimalValues(ITabularModel model, int horizon)
    {
        var v = new double[model.StateCount];
        var next = new double[model.StateCount];
        for (int k = 0; k < horizon; k++)
        {
            for (int s = 0; s < model.StateCount; s++)
            {
                if (model.IsTerminal(s)) { next[s] = 0; continue; }
                double best = double.NegativeInfinity;
                for (int a = 0; a < model.ActionCount; a++)
                {
                    if (model is TabularEnv env && !env.IsValidAction(s, a)) continue;
                    double q = 0;
                    foreach (var o in model.Outcomes(s, a)) q += o.Probability * (o.Reward + (o.Terminal ? 0 : v[o.NextState]));
                    best = Math.Max(best, q);
                }
                next[s] = best;
            }
            (v, next) = (next, v);
        }
        return v;
    }

    /// <summary>Fewest steps from <paramref name="start"/> to a terminal state along outcomes of positive probability (deterministic models).</summary>
    public static int ShortestPath(ITabularModel model, int start)
    {
        var dist = Enumerable.Repeat(-1, model.StateCount).ToArray();
        var queue = new Queue<int>();
        dist[start] = 0;
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            int s = queue.Dequeue();
            for (int a = 0; a < model.ActionCount; a++)
                foreach (var o in model.Outcomes(s, a))
                {
                    if (o.Probability <= 0) continue;
                    if (o.Terminal && o.NextState != s) return dist[s] + 1;
                    if (dist[o.NextState] < 0)
                    {
                        dist[o.NextState] = dist[s] + 1;
                        queue.Enqueue(o.NextState);
                    }
                }
        }
        return -1;
    }

    /// <summary>
    /// Undiscounted values of a stochastic policy, solving (I − P_π) v = r_π over the non-terminal states by Gaussian
    /// elimination with partial pivoting.
    /// </summary>
    public static double[] PolicyValues(ITabularModel model, Func<int, int, double> policy)
    {
        int n = model.StateCount;
        var a = new double[n, n + 1];
        for (int s = 0; s < n; s++)
        {
            a[s, s] = 1;
            if (model.IsTerminal(s)) continue;
            for (int act = 0; act < model.ActionCount; act++)
            {
                double pi = policy(s, act);
                if (pi == 0) continue;
                foreach (var o in model.Outcomes(s, act))
                {
                    a[s, n] += pi * o.Probability * o.Reward;
                    if (!o.Terminal) a[s, o.NextState] -= pi * o.Probability;
                }
            }
        }
        for (int col = 0; col < n; col++)
        {
            int pivot = col;
            for (int r = col + 1; r < n; r++) if (Math.Abs(a[r, col]) > Math.Abs(a[pivot, col])) pivot = r;
            for (int c = 0; c <= n; c++) (a[col, c], a[pivot, c]) = (a[pivot, c], a[col, c]);
            for (int r = 0; r < n; r++)
            {
                if (r == col) continue;
                double f = a[r, col] / a[col, col];
                for (int c = col; c <= n; c++) a[r, c] -= f * a[col, c];
            }
        }
        var v = new double[n];
        for (int s = 0; s < n; s++) v[s] = a[s, n] / a[s, s];
        return v;
    }
}
