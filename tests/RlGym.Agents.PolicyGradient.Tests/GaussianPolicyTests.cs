using MathNet.Numerics.LinearAlgebra;
using RlGym.Agents.Testing;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Core.Spaces;
using RlGym.Neural.Checking;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// The Gaussian policy of lecture 6, π(a|s; θ) = N(μ(s; θ), σ²) with a learned ln σ, on numbers worked by hand:
/// its log-density and the two derivatives the agents use, ∂ ln N/∂μ = (a − μ)/σ² and ∂ ln N/∂ln σ = (a − μ)²/σ² − 1,
/// the batch surrogate's gradient against finite differences, one REINFORCE step on a hand-made episode, the clipping
/// to the Box happening after the log-probability, and exact resume on Pendulum-v1.
/// </summary>
public sealed class GaussianPolicyTests
{
    private static readonly Box s_box = new(-2f, 2f, 1);

    [Fact]
    public void The_log_density_and_its_gradients_match_the_hand_worked_values()
    {
        // μ = 0.5, σ = 2, a = 1.5: (a − μ)/σ = 0.5, so ln N = −0.125 − ln 2 − ½ ln 2π = −1.737085713764618,
        // ∂/∂μ = 1/4, ∂/∂ln σ = 1/4 − 1 = −3/4.
        var head = new GaussianHead(s_box, initialLogStd: Math.Log(2));
        Assert.Equal(-0.125 - Math.Log(2) - 0.5 * Math.Log(2 * Math.PI), head.LogProb([0.5], [1.5]), 12);
        Assert.Equal(-1.737085713764618, head.LogProb([0.5], [1.5]), 12);

        // The surrogate L = −w ln π with w = 1: ∂L/∂μ = −1/4, ∂L/∂ln σ = +3/4.
        var dz = Matrix<double>.Build.Dense(1, 1);
        head.LogStd.ZeroGrad();
        head.SurrogateGradient(Matrix<double>.Build.Dense(1, 1, 0.5), [1.5], [1.0], entropyCoefficient: 0, scale: 1, dz);
        Assert.Equal(-0.25, dz[0, 0], 12);
        Assert.Equal(0.75, head.LogStd.Gradients[0], 12);
    }

    [Fact]
    public void The_surrogate_gradient_matches_finite_differences_in_the_means_and_ln_sigma()
    {
        var head = new GaussianHead(new Box(-1f, 1f, 3));
        head.LogStd.Values[0] = -0.3;
        head.LogStd.Values[1] = 0.2;
        head.LogStd.Values[2] = 0.7;
        var rng = new Rng(5);
        var z = Matrix<double>.Build.Dense(4, 3, (_, _) => rng.NextGaussian());
        double[] actions = [.. Enumerable.Range(0, 12).Select(_ => 2 * rng.NextGaussian())];
        double[] weights = [1.5, -0.7, 2.0, 0.3];
        const double entropy = 0.05, scale = 0.25;
        var dz = Matrix<double>.Build.Dense(4, 3);
        head.LogStd.ZeroGrad();
        head.SurrogateGradient(z, actions, weights, entropy, scale, dz);

        double L() => head.Surrogate(z, actions, weights, entropy, scale);
        Assert.InRange(GradientCheck.Compare(L, z.AsColumnMajorArray(), dz.AsColumnMajorArray(), "μ").MaxRelativeError, 0, 1e-6);
        Assert.InRange(GradientCheck.Compare(L, head.LogStd.Values, head.LogStd.Gradients.ToArray(), "ln σ").MaxRelativeError, 0, 1e-6);
    }

    [Fact]
    public void One_reinforce_step_on_a_hand_made_episode_moves_the_mean_and_ln_sigma_as_worked_by_hand()
    {
        // μ(s) = w s + b with w = 0.1, b = 0, σ = 1, γ = ½, plain gradient ascent with β = 0.1.
        // Episode: s₀ = 1, a₀ = 0.5, r₀ = 1; s₁ = 2, a₁ = −1, r₁ = 2 (terminal). Returns u₁ = 2, u₀ = 1 + ½·2 = 2.
        // μ₀ = 0.1, μ₁ = 0.2; a − μ = 0.4 and −1.2; (a − μ)² − 1 = −0.84 and 0.44.
        // ∂J/∂w = 2·0.4·1 + 2·(−1.2)·2 = −4, ∂J/∂b = 2·0.4 + 2·(−1.2) = −1.6, ∂J/∂ln σ = 2·(−0.84) + 2·0.44 = −0.8,
        // so w ← 0.1 − 0.4 = −0.3, b ← −0.16, ln σ ← −0.08.
        var agent = new ReinforceAgent<float[]>(1, new GaussianHead(s_box),
            new ReinforceOptions { Gamma = 0.5, Beta = 0.1, HiddenSizes = [], Optimizer = OptimizerKind.Sgd }, seed: 0);
        var (weight, bias) = (agent.Policy.Parameters[0], agent.Policy.Parameters[1]);
        weight.Values[0] = 0.1;
        bias.Values[0] = 0;

        agent.Observe(new Transition<float[], float[]>([1f], [0.5f], 1, [2f], Terminated: false, Truncated: false));
        agent.Observe(new Transition<float[], float[]>([2f], [-1f], 2, [0f], Terminated: true, Truncated: false));

        Assert.Equal(-0.3, weight.Values[0], 10);
        Assert.Equal(-0.16, bias.Values[0], 10);
        Assert.Equal(-0.08, ((GaussianHead)agent.Head).LogStd.Values[0], 10);
    }

    [Fact]
    public void The_environment_gets_the_clipped_sample_and_the_agent_learns_from_the_unclipped_one()
    {
        // μ = 10 far above the Box's high edge 2: every sample is clipped to 2 on the way out. One terminal step with
        // reward 1 (u = 1) and β = 0.1 moves b by β (a − μ) and ln σ by β ((a − μ)² − 1). Learnt from the clipped
        // action they would be 0.1·(2 − 10) = −0.8 and 0.1·63 = 6.3; from the sample, a − μ ~ N(0, 1).
        var agent = new ReinforceAgent<float[]>(1, new GaussianHead(s_box),
            new ReinforceOptions { Beta = 0.1, HiddenSizes = [], Optimizer = OptimizerKind.Sgd }, seed: 3);
        var (weight, bias) = (agent.Policy.Parameters[0], agent.Policy.Parameters[1]);
        weight.Values[0] = 0;
        bias.Values[0] = 10;

        var action = agent.Act([0.5f], explore: true);
        Assert.Equal(2f, action[0]);
        agent.Observe(new Transition<float[], float[]>([0.5f], action, 1, [0f], Terminated: true, Truncated: false));

        double step = (bias.Values[0] - 10) / 0.1; // a − μ of the sample
        Assert.InRange(step, -4, 4);
        Assert.Equal(step * step - 1, ((GaussianHead)agent.Head).LogStd.Values[0] / 0.1, 8);
    }

    public static TheoryData<string, int, int> ResumeCases
    {
        get
        {
            var data = new TheoryData<string, int, int>();
            foreach (var name in new[] { "reinforce", "reinforce-baseline", "a2c" })
                foreach (int copies in new[] { 1, 3 })
                    foreach (int stopAt in new[] { 77, 230 })
                        data.Add(name, copies, stopAt);
            return data;
        }
    }

    [Theory]
    [MemberData(nameof(ResumeCases))]
    public void A_gaussian_run_on_pendulum_stopped_and_resumed_equals_the_uninterrupted_run(string name, int copies, int stopAt)
    {
        // Episodes cut at 40 steps so that REINFORCE's episodes end (and learn) inside 300 steps; the file must carry ln σ,
        // its optimizer state and every copy's unfinished episode or rollout.
        var factory = PolicyGradientAgents.Factories.Single(f => f.Info.Name == name);
        var settings = new Dictionary<string, string> { ["hidden_sizes"] = "16" };
        RlGym.Core.Environments.IEnv<float[], float[]> Make() => Solving.Registry.Make<float[], float[]>("Pendulum-v1");
        var (whole, resumed, midEpisode) = Resume.Compare(
            seed => (IAgent<float[], float[]>)factory.Create(Make(), settings, seed), _ => Make(), copies, steps: 300, stopAt, maxSteps: 40);
        Assert.True(midEpisode, "this stop should fall inside an episode");
        Assert.Equal(whole, resumed);
    }
}
