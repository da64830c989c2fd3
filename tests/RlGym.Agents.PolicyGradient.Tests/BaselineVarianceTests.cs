using RlGym.Core.Agents;
using Xunit.Abstractions;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// Lecture 4, "the baseline": E[b ∇ ln π] = 0, so subtracting b = v(s_t; w) leaves the policy gradient's mean
/// alone and shrinks its variance. At a fixed θ (and w) on CartPole the per-episode estimates Σ_t u_t ∇ ln π and
/// Σ_t (u_t − v(s_t; w)) ∇ ln π are computed on the same episodes and their total variances E‖g − ḡ‖² compared.
/// </summary>
public sealed class BaselineVarianceTests(ITestOutputHelper output)
{
    private static double[] Gradient(RlGym.Neural.Networks.Sequential net) =>
        net.Parameters.SelectMany(p => p.Gradients.ToArray()).ToArray();

    private static double TotalVariance(List<double[]> g)
    {
        int d = g[0].Length;
        var mean = new double[d];
        foreach (var x in g) for (int i = 0; i < d; i++) mean[i] += x[i] / g.Count;
        double v = 0;
        foreach (var x in g) for (int i = 0; i < d; i++) v += (x[i] - mean[i]) * (x[i] - mean[i]) / (g.Count - 1);
        return v;
    }

    [Fact]
    public void The_baseline_reduces_the_variance_of_the_policy_gradient_estimate()
    {
        using var env = Solving.Make("CartPole-v1");
        // θ: 60 episodes of REINFORCE with baseline. Then θ is frozen (β = 0) while v(s; w) fits V_π for 100 episodes.
        var trained = new ReinforceBaselineAgent<int>(4, new CategoricalHead(2), new ReinforceBaselineOptions { BootstrapTruncation = false }, seed: 0);
        Solving.Run("CartPole-v1", trained, seed: 0, maxSteps: long.MaxValue, maxEpisodes: 60);
        var withBaseline = new ReinforceBaselineAgent<int>(4, new CategoricalHead(2), new ReinforceBaselineOptions { BootstrapTruncation = false, Beta = 0 }, seed: 2);
        withBaseline.Policy.CopyFrom(trained.Policy);
        withBaseline.Value.CopyFrom(trained.Value);
        Solving.Run("CartPole-v1", withBaseline, seed: 5, maxSteps: long.MaxValue, maxEpisodes: 100);
        var without = new ReinforceAgent<int>(4, new CategoricalHead(2), seed: 1);
        without.Policy.CopyFrom(withBaseline.Policy);
        withBaseline.Learns = without.Learns = false;

        var gb = new List<double[]>();
        var g0 = new List<double[]>();
        var obs = env.Reset(10).Observation;
        double lengths = 0;
        for (int e = 0; e < 100; e++)
        {
            while (true)
            {
                int a = withBaseline.Act(obs, explore: true);
                var r = env.Step(a);
                var t = new Transition<float[], int>(obs, a, r.Reward, r.Observation, r.Terminated, r.Truncated);
                withBaseline.Observe(t);
                without.Observe(t);
                lengths++;
                obs = r.Observation;
                if (r.Done) break;
            }
            gb.Add(Gradient(withBaseline.Policy));
            g0.Add(Gradient(without.Policy));
            obs = env.Reset().Observation;
        }
        double ratio = TotalVariance(g0) / TotalVariance(gb);
        output.WriteLine($"mean episode length {lengths / 100:F1}; variance without / with baseline = {ratio:F2}");
        // Measured 1.97 with these seeds (mean episode length 41): the baseline halves the variance.
        Assert.True(ratio > 1.5, $"ratio {ratio}");
    }
}
