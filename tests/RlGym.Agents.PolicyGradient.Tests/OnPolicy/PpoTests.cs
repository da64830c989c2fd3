using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Core.Spaces;
using RlGym.Neural.Checking;

namespace RlGym.Agents.PolicyGradient.Tests.OnPolicy;

public sealed class PpoTests
{
    [Fact]
    public void The_clipped_objective_takes_the_pessimistic_term_and_passes_no_gradient_where_the_clip_holds()
    {
        // One state s = 1, a linear policy with zero weights (π = ½, ½) and a zero value network, so A_t = r_t for these
        // terminal transitions. The stored ln π_old are chosen so the ratios are 2, 0.9, 0.7 and 0.5; ε = 0.2.
        var agent = new PpoAgent<int>(1, new CategoricalHead(2), new PpoOptions
        {
            HiddenSizes = [], NormAdv = false, EntCoef = 0, ClipVloss = false, NumSteps = 1000,
        }, seed: 1);
        foreach (var p in agent.Actor.Parameters.Concat(agent.Critic.Parameters)) p.Values.Clear();
        void Add(int action, double ratio, double reward)
        {
            agent.Rollout.SetPending(0, [action], Math.Log(0.5 / ratio));
            agent.Rollout.Add([1f], reward, [1f], true, false, 0);
        }
        Add(0, 2.0, 1);   // max(−2, −1.2) = −1.2: the clip holds, no gradient
        Add(1, 0.9, -1);  // max(0.9, 0.9) = 0.9: inside, ∂/∂ln π = −A r/4 = 0.225
        Add(0, 0.7, -2);  // max(1.4, 1.6) = 1.6: the clip holds, no gradient
        Add(1, 0.5, 1);   // max(−0.5, −0.8) = −0.5: below the clip the unclipped term is the pessimistic one, ∂/∂ln π = −0.125
        agent.PrepareUpdate();
        double loss = agent.MinibatchLoss([0, 1, 2, 3], 0.2);

        // L^CLIP = (−1.2 + 0.9 + 1.6 − 0.5)/4 = 0.2; L^V = ½ mean(1, 1, 4, 1) = 0.875; L = 0.2 + 0.5·0.875 = 0.6375.
        Assert.Equal(0.2, agent.LastPolicyLoss, 1e-12);
        Assert.Equal(0.875, agent.LastValueLoss, 1e-12);
        Assert.Equal(0.6375, loss, 1e-12);
        // ∂ ln π(1)/∂z = (−½, ½) for both active rows (both took action 1): 0.225·(−½, ½) − 0.125·(−½, ½) = (−0.05, 0.05).
        var bias = agent.Actor.Parameters[1].Gradients;
        Assert.Equal(-0.05, bias[0], 1e-12);
        Assert.Equal(0.05, bias[1], 1e-12);
    }

    public static TheoryData<bool, bool> Variants() => new() { { false, true }, { true, true }, { false, false }, { true, false } };

    [Theory]
    [MemberData(nameof(Variants))]
    public void The_minibatch_loss_passes_a_gradient_check(bool gaussian, bool clipValue)
    {
        var options = new PpoOptions { HiddenSizes = [5], NumSteps = 1000, EntCoef = 0.05, ClipVloss = clipValue, ClipCoef = 0.3 };
        var rng = new Rng(3);
        IAgent agent;
        Func<double> loss;
        IEnumerable<RlGym.Neural.Parameter> parameters;
        int[] rows = [0, 2, 3, 5, 6, 7, 9];
        if (gaussian)
        {
            var a = new PpoAgent<float[]>(3, new GaussianHead(new Box(-2f, 2f, 1)), options, seed: 2);
            Collect(a, rng);
            a.PrepareUpdate();
            Perturb(a.Actor.Parameters.Concat(a.Head.Parameters).Concat(a.Critic.Parameters), rng);
            loss = () => a.MinibatchLoss(rows, 0.3);
            parameters = a.Actor.Parameters.Concat(a.Head.Parameters).Concat(a.Critic.Parameters).ToArray();
            agent = a;
        }
        else
        {
            var a = new PpoAgent<int>(3, new CategoricalHead(3), options, seed: 2);
            Collect(a, rng);
            a.PrepareUpdate();
            Perturb(a.Actor.Parameters.Concat(a.Critic.Parameters), rng);
            loss = () => a.MinibatchLoss(rows, 0.3);
            parameters = a.Actor.Parameters.Concat(a.Critic.Parameters).ToArray();
            agent = a;
        }
        loss();
        var analytic = parameters.Select(p => p.Gradients.ToArray()).ToArray();
        var result = new GradientCheckResult(0, agent.Name);
        int i = 0;
        foreach (var p in parameters)
            result = result.Max(GradientCheck.Compare(loss, p.Values, analytic[i++], $"{p.Name} {i}"));
        Assert.True(result.MaxRelativeError < 1e-5, result.ToString());
    }

    private static void Collect<TAct>(IAgent<float[], TAct> agent, Rng rng) where TAct : notnull
    {
        for (int t = 0; t < 10; t++)
        {
            float[] s = [(float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1)];
            float[] next = [(float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1)];
            var a = agent.Act(s, explore: true);
            agent.Observe(new Transition<float[], TAct>(s, a, rng.Uniform(-1, 2), next, t % 4 == 3, false, 0));
        }
    }

    // Moves the parameters away from π_old so ratios differ from 1, some beyond the clip.
    private static void Perturb(IEnumerable<RlGym.Neural.Parameter> parameters, Rng rng)
    {
        foreach (var p in parameters)
        {
            var v = p.Values;
            for (int i = 0; i < v.Length; i++) v[i] += 0.3 * rng.NextGaussian();
        }
    }
}
