using RlGym.Core.Errors;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular.Planning;

/// <summary>The one-step lookahead both planners are built from: Q(s, a) = Σ_{s'} p(s'|s,a) (r + γ V(s')).</summary>
internal static class Bellman
{
    /// <summary>Σ p (r + γ V(s')); a terminal outcome adds no future value.</summary>
    public static double ActionValue(ITabularModel model, double[] values, int state, int action, double gamma)
    {
        double q = 0;
        foreach (var o in model.Outcomes(state, action))
            q += o.Probability * (o.Reward + (o.Terminal ? 0 : gamma * values[o.NextState]));
        return q;
    }

    /// <summary>
    /// The lowest action index whose value is within a hair of the best. Equal actions computed along different
    /// paths differ in the last bits, and a planner's answer must not depend on that.
    /// </summary>
    public static int GreedyLowest(ReadOnlySpan<double> q)
    {
        double max = QTable.Max(q);
        double tie = TieTolerance(max);
        for (int a = 0; a < q.Length; a++)
            if (q[a] >= max - tie) return a;
        return 0;
    }

    /// <summary>Two values closer than this are the same value.</summary>
    public static double TieTolerance(double magnitude) => 1e-9 * Math.Max(1, Math.Abs(magnitude));

    /// <summary>Q from V and the lowest-index greedy policy, with terminal states at 0.</summary>
    public static (QTable Q, int[] Policy) Greedy(ITabularModel model, double[] values, double gamma)
    {
        var q = new QTable(model.StateCount, model.ActionCount);
        var policy = new int[model.StateCount];
        for (int s = 0; s < model.StateCount; s++)
        {
            if (model.IsTerminal(s)) continue;
            for (int a = 0; a < model.ActionCount; a++) q[s, a] = ActionValue(model, values, s, a, gamma);
            policy[s] = GreedyLowest(q.Row(s));
        }
        return (q, policy);
    }

    /// <summary>Refuses a discount or tolerance a planner cannot work with.</summary>
    public static void Check(double gamma, double tolerance, int maxSweeps)
    {
        if (!(gamma >= 0 && gamma <= 1)) throw new UserInputException($"gamma={gamma} is out of range; allowed: 0 to 1");
        if (!(tolerance > 0)) throw new UserInputException($"tolerance={tolerance} is out of range; allowed: above 0");
        if (maxSweeps <= 0) throw new UserInputException($"max sweeps={maxSweeps} is out of range; allowed: above 0");
    }
}
