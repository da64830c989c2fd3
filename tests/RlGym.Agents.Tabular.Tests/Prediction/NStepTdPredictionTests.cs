using RlGym.Agents.Tabular.Prediction;

namespace RlGym.Agents.Tabular.Tests.Prediction;

public sealed class NStepTdPredictionTests
{
    [Fact]
    public void Two_step_td_updates_two_steps_late_and_flushes_at_the_end()
    {
        var td = new NStepTdPrediction(4, n: 2, alpha: 0.5, gamma: 0.9);
        td.Values[2] = 4;
        td.Observe(0, 1, 1, false, false);
        Assert.Equal(0, td.Values[0]);
        td.Observe(1, 2, 2, false, false);
        // y_0 = 1 + 0.9 · 2 + 0.81 · V(2) = 6.04 → V(0) = 3.02
        Assert.Equal(3.02, td.Values[0], 12);
        td.Observe(2, 3, 3, terminated: true, truncated: false);
        // y_1 = 2 + 0.9 · 3 = 4.7 → V(1) = 2.35; y_2 = 3 → V(2) = 4 − 0.5 · (4 − 3) = 3.5
        Assert.Equal(2.35, td.Values[1], 12);
        Assert.Equal(3.5, td.Values[2], 12);
    }

    [Fact]
    public void One_step_td_is_td_zero()
    {
        var td = new NStepTdPrediction(3, n: 1, alpha: 0.1, gamma: 1);
        td.Values[1] = 0.5;
        td.Observe(0, 0, 1, false, false);
        Assert.Equal(0.05, td.Values[0], 12); // V(0) ← V(0) − 0.1 (0 − (0 + 0.5))
    }
}
