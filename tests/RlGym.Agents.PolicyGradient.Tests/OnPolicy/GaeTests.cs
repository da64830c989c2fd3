namespace RlGym.Agents.PolicyGradient.Tests.OnPolicy;

public sealed class GaeTests
{
    [Fact]
    public void Advantages_follow_each_copy_backwards_and_stop_at_its_episode_ends()
    {
        // Rows in arrival order: copy 0 at t0, copy 1 at t1, copy 0 at t2 (terminated), copy 1 at t3 (the rollout's last).
        // Copy 1's t1 was truncated: it bootstraps from v(s′) but does not pass A on. γ = 0.9, λ = 0.5.
        var rollout = new OnPolicyRollout(1, 1);
        void Add(int copy, double r, bool terminated, bool truncated)
        {
            rollout.SetPending(copy, [0], 0);
            rollout.Add([0f], r, [0f], terminated, truncated, copy);
        }
        Add(0, 1, false, false);
        Add(1, 0, false, true);
        Add(0, 2, true, false);
        Add(1, 1, false, false);
        double[] values = [0.5, 1.0, 0.6, 0.2], next = [0.6, 2.0, 0.7, 0.3];
        var advantages = new double[4];
        rollout.Advantages(values, next, 0.9, 0.5, advantages);

        // δ: t0 = 1 + 0.9·0.6 − 0.5 = 1.04; t1 = 0 + 0.9·2.0 − 1.0 = 0.8; t2 = 2 − 0.6 = 1.4 (no bootstrap); t3 = 1 + 0.9·0.3 − 0.2 = 1.07
        // A: t3 = 1.07, t2 = 1.4, t1 = 0.8 (its episode ended), t0 = 1.04 + 0.9·0.5·1.4 = 1.67
        Assert.Equal(1.67, advantages[0], 1e-12);
        Assert.Equal(0.8, advantages[1], 1e-12);
        Assert.Equal(1.4, advantages[2], 1e-12);
        Assert.Equal(1.07, advantages[3], 1e-12);
    }

    [Fact]
    public void Lambda_one_gives_the_discounted_return_minus_the_value_and_lambda_zero_the_td_error()
    {
        var rollout = new OnPolicyRollout(1, 1);
        for (int t = 0; t < 3; t++)
        {
            rollout.SetPending(0, [0], 0);
            rollout.Add([0f], t + 1, [0f], t == 2, false, 0);
        }
        double[] values = [0.3, -0.2, 0.5], next = [-0.2, 0.5, 9.0];
        var a = new double[3];
        rollout.Advantages(values, next, 0.9, 1.0, a);
        // λ = 1: A_0 = 1 + 0.9·2 + 0.81·3 − v_0 = 5.23 − 0.3
        Assert.Equal(5.23 - 0.3, a[0], 1e-12);
        rollout.Advantages(values, next, 0.9, 0.0, a);
        // λ = 0: A_t = δ_t
        Assert.Equal(1 + 0.9 * -0.2 - 0.3, a[0], 1e-12);
        Assert.Equal(3 - 0.5, a[2], 1e-12);
    }
}
