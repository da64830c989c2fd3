using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Core.Spaces;

namespace RlGym.Agents.PolicyGradient.Tests.OnPolicy;

public sealed class TrpoTests
{
    [Fact]
    public void Conjugate_gradient_solves_a_known_quadratic_in_as_many_steps_as_dimensions()
    {
        // A = [[4, 1], [1, 3]], b = (1, 2): x = A⁻¹ b = (1/11, 7/11), reached after two products.
        double[] Product(double[] v) => [4 * v[0] + v[1], v[0] + 3 * v[1]];
        var x = ConjugateGradient.Solve(Product, [1.0, 2.0], iterations: 2);
        Assert.Equal(1.0 / 11, x[0], 1e-14);
        Assert.Equal(7.0 / 11, x[1], 1e-14);
        // One step is the steepest-descent step x = (rᵀr / rᵀAr) r = (5/20)·(1, 2) along b.
        var one = ConjugateGradient.Solve(Product, [1.0, 2.0], iterations: 1);
        Assert.Equal(0.25, one[0], 1e-14);
        Assert.Equal(0.5, one[1], 1e-14);

        // A random 6×6 SPD matrix M Mᵀ + I: six steps give the solution.
        var rng = new Rng(4);
        var m = new double[6, 6];
        for (int i = 0; i < 6; i++) for (int j = 0; j < 6; j++) m[i, j] = rng.NextGaussian();
        double[] Spd(double[] v)
        {
            var mt = new double[6];
            for (int j = 0; j < 6; j++) for (int i = 0; i < 6; i++) mt[j] += m[i, j] * v[i];
            var r = new double[6];
            for (int i = 0; i < 6; i++) { r[i] = v[i]; for (int j = 0; j < 6; j++) r[i] += m[i, j] * mt[j]; }
            return r;
        }
        double[] b = [1, -2, 0.5, 3, 0, 1];
        var solution = ConjugateGradient.Solve(Spd, b, iterations: 6, residualTolerance: 0);
        var back = Spd(solution);
        for (int i = 0; i < 6; i++) Assert.Equal(b[i], back[i], 1e-9);
    }

    private static TrpoAgent<TAct> Prepared<TAct>(ActionHead<TAct> head, TrpoOptions options, Func<Rng, TAct>? unused = null) where TAct : notnull
    {
        var agent = new TrpoAgent<TAct>(3, head, options, seed: 6);
        var rng = new Rng(5);
        for (int t = 0; t < 40; t++)
        {
            float[] s = [(float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1)];
            float[] next = [(float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1), (float)rng.Uniform(-1, 1)];
            var a = agent.Act(s, explore: true);
            agent.Observe(new Transition<float[], TAct>(s, a, s[0] + rng.Uniform(-0.1, 0.1), next, t % 5 == 4, false, 0));
        }
        agent.PrepareUpdate();
        return agent;
    }

    private static readonly TrpoOptions Small = new() { HiddenSizes = [5], NumSteps = 1000, CgDamping = 0 };

    public static TheoryData<bool> Heads() => [false, true];

    [Theory]
    [MemberData(nameof(Heads))]
    public void Fisher_vector_products_match_the_curvature_of_the_mean_kl(bool gaussian)
    {
        // vᵀ F v is the second derivative of KL(π_old ‖ π_{θ+εv}) in ε at 0, and the KL and its slope vanish there:
        // KL(θ + εv) = ½ ε² vᵀ F v + O(ε³). Two step sizes cancel the cubic term (Richardson).
        if (gaussian) Check(Prepared(new GaussianHead(new Box(-2f, 2f, 2)), Small));
        else Check(Prepared(new CategoricalHead(3), Small));

        static void Check<TAct>(TrpoAgent<TAct> agent) where TAct : notnull
        {
            var parameters = agent.Actor.Parameters.Concat(agent.Head.Parameters).ToArray();
            var theta = parameters.SelectMany(p => p.Values.ToArray()).ToArray();
            var rng = new Rng(11);
            var v = theta.Select(_ => rng.NextGaussian()).ToArray();
            var u = theta.Select(_ => rng.NextGaussian()).ToArray();
            var fv = agent.FisherProduct(v);
            var fu = agent.FisherProduct(u);
            Assert.Equal(ConjugateGradient.Dot(u, fv), ConjugateGradient.Dot(v, fu), 1e-10);

            double Kl(double eps)
            {
                Set(parameters, theta.Select((t, i) => t + eps * v[i]).ToArray());
                agent.Surrogate(out double kl);
                Set(parameters, theta);
                return kl;
            }
            double e = 1e-3, k1 = Kl(e), k2 = Kl(2 * e);
            // KL(ε) = ½ε² c + a ε³ + …, KL(2ε) = 2ε² c + 8a ε³ + …: (8 KL(ε) − KL(2ε)) / 2ε² = c + O(ε²).
            double curvature = (8 * k1 - k2) / (2 * e * e);
            double vfv = ConjugateGradient.Dot(v, fv);
            Assert.True(Math.Abs(curvature - vfv) < 1e-4 * Math.Abs(vfv), $"finite differences {curvature}, Fisher product {vfv}");
        }
    }

    private static void Set(RlGym.Neural.Parameter[] parameters, double[] theta)
    {
        int offset = 0;
        foreach (var p in parameters)
        {
            theta.AsSpan(offset, p.Length).CopyTo(p.Values);
            offset += p.Length;
        }
    }

    [Theory]
    [MemberData(nameof(Heads))]
    public void The_surrogate_gradient_passes_a_gradient_check(bool gaussian)
    {
        if (gaussian) Check(Prepared(new GaussianHead(new Box(-2f, 2f, 2)), Small with { EntCoef = 0.1 }));
        else Check(Prepared(new CategoricalHead(3), Small with { EntCoef = 0.1 }));

        static void Check<TAct>(TrpoAgent<TAct> agent) where TAct : notnull
        {
            // Move away from θ_old first so the ratios differ from 1.
            var parameters = agent.Actor.Parameters.Concat(agent.Head.Parameters).ToArray();
            var rng = new Rng(2);
            foreach (var p in parameters) { var s = p.Values; for (int i = 0; i < s.Length; i++) s[i] += 0.2 * rng.NextGaussian(); }
            var g = agent.SurrogateGradient();
            var theta = parameters.SelectMany(p => p.Values.ToArray()).ToArray();
            var result = RlGym.Neural.Checking.GradientCheck.Compare(() =>
            {
                Set(parameters, theta);
                return agent.Surrogate(out _);
            }, theta, g, "θ");
            Assert.True(result.MaxRelativeError < 1e-5, result.ToString());
        }
    }

    [Theory]
    [MemberData(nameof(Heads))]
    public void The_accepted_step_stays_inside_the_trust_region_and_improves_the_surrogate(bool gaussian)
    {
        if (gaussian) Check(Prepared(new GaussianHead(new Box(-2f, 2f, 2)), new TrpoOptions { HiddenSizes = [5], NumSteps = 1000 }));
        else Check(Prepared(new CategoricalHead(3), new TrpoOptions { HiddenSizes = [5], NumSteps = 1000 }));

        static void Check<TAct>(TrpoAgent<TAct> agent) where TAct : notnull
        {
            double before = agent.Surrogate(out double kl0);
            Assert.Equal(0, kl0, 1e-15);
            agent.PolicyStep();
            Assert.True(agent.LastStepAccepted);
            double after = agent.Surrogate(out double kl);
            Assert.Equal(agent.LastKl, kl, 1e-15);
            Assert.InRange(kl, 1e-4, agent.Options.TargetKl);
            Assert.True(after > before);
            Assert.Equal(after - before, agent.LastImprovement, 1e-12);
        }
    }

    [Fact]
    public void A_line_search_that_finds_no_acceptable_step_keeps_the_old_policy()
    {
        // Δ = 10⁻³⁰⁰ with a single try: the step is about 10⁻¹⁵⁰, below every weight's rounding, so θ_old + s = θ_old,
        // the surrogate does not improve and the step is refused; θ must come back unchanged.
        var agent = Prepared(new CategoricalHead(3), new TrpoOptions { HiddenSizes = [5], NumSteps = 1000, TargetKl = 1e-300, LineSearchMaxIter = 1 });
        var before = agent.Actor.Parameters.SelectMany(p => p.Values.ToArray()).ToArray();
        agent.PolicyStep();
        Assert.False(agent.LastStepAccepted);
        Assert.Equal(before, agent.Actor.Parameters.SelectMany(p => p.Values.ToArray()));
    }
}
