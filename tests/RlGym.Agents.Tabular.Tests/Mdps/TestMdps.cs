using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular.Tests.Mdps;

/// <summary>The MDPs the tests learn and plan on.</summary>
public static class TestMdps
{
    /// <summary>
    /// States 0..length, the last terminal; action 0 steps left (staying at 0), action 1 steps right; entering the
    /// last state pays 1, every other step 0. Starts at 0. V*(s) = γ^(length − 1 − s).
    /// </summary>
    public static ModelEnv Chain(int length = 5) =>
        new("Chain-v0", length + 1, 2, 0,
            (s, a) =>
            {
                int next = a == 1 ? s + 1 : Math.Max(0, s - 1);
                return [new Outcome(1, next, next == length ? 1 : 0, next == length)];
            },
            s => s == length);

    /// <summary>
    /// The chain with slippery steps: the chosen direction with probability 0.8, the other with 0.2, and a cost of
    /// 0.1 per step. Stochastic, so planners must weigh outcomes.
    /// </summary>
    public static ModelEnv SlipperyChain(int length = 6) =>
        new("SlipperyChain-v0", length + 1, 2, 0,
            (s, a) =>
            {
                Outcome To(double p, int next) => new(p, next, next == length ? 1 : -0.1, next == length);
                int right = s + 1, left = Math.Max(0, s - 1);
                return a == 1 ? [To(0.8, right), To(0.2, left)] : [To(0.8, left), To(0.2, right)];
            },
            s => s == length);

    /// <summary>
    /// Sutton &amp; Barto's random walk (Example 7.1): states 0..20, 0 and 20 terminal, start 10; the single action
    /// moves left or right with probability ½; ending on the left pays −1, on the right +1. V(s) = s/10 − 1.
    /// </summary>
    public static ModelEnv RandomWalk(int states = 19) =>
        new("RandomWalk-v0", states + 2, 1, (states + 1) / 2,
            (s, _) =>
            [
                new Outcome(0.5, s - 1, s - 1 == 0 ? -1 : 0, s - 1 == 0),
                new Outcome(0.5, s + 1, s + 1 == states + 1 ? 1 : 0, s + 1 == states + 1),
            ],
            s => s == 0 || s == states + 1);

    /// <summary>
    /// A clone of Gymnasium's CliffWalking-v1 (4 × 12): start at (3, 0), goal at (3, 11), the cliff between them on
    /// the bottom row. Actions 0 up, 1 right, 2 down, 3 left; −1 per step, −100 and back to the start for the cliff.
    /// </summary>
    public static ModelEnv CliffWalking() =>
        new("CliffWalking-v1", 48, 4, 36,
            (s, a) =>
            {
                int row = s / 12, col = s % 12;
                (row, col) = a switch
                {
                    0 => (Math.Max(row - 1, 0), col),
                    1 => (row, Math.Min(col + 1, 11)),
                    2 => (Math.Min(row + 1, 3), col),
                    _ => (row, Math.Max(col - 1, 0)),
                };
                int next = row * 12 + col;
                if (row == 3 && col >= 1 && col <= 10) return [new Outcome(1, 36, -100, false)];
                return [new Outcome(1, next, -1, next == 47)];
            },
            s => s == 47);
}
