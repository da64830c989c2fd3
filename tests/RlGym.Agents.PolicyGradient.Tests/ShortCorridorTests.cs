using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Wrappers;
using RlGym.Envs.ToyText.Textbook;
using RlGym.Neural.Networks;
using Xunit.Abstractions;

namespace RlGym.Agents.PolicyGradient.Tests;

/// <summary>
/// Sutton and Barto, Example 13.1 and Figure 13.2: on the short corridor with switched actions, REINFORCE with
/// baseline (α_θ = 2⁻⁹, α_w = 2⁻⁶) approaches the best state-blind value, v(0) ≈ −11.6, much faster than REINFORCE
/// (α = 2⁻¹³). Linear softmax policy over the book's features, γ = 1, plain gradient steps once per t, the policy
/// starting ε-greedy to the left (π(right) = 0.05). Averages over runs of 1 000 episodes each.
/// </summary>
public sealed class ShortCorridorTests(ITestOutputHelper output)
{
    private const int Runs = 20;
    private const int Episodes = 1_000;

    private static IEnv<float[], int> Corridor() => new ConstantFeature(new TimeLimit<int, int>(new ShortCorridorEnv(), 1_000));

    private static void StartLeftGreedy(Sequential policy)
    {
        // logits [left, right] = [0, ln(0.05/0.95)]: π(right) = 0.05
        var bias = ((RlGym.Neural.Layers.Dense)policy.Layers[^1]).Bias.Values;
        bias[0] = 0;
        bias[1] = Math.Log(0.05 / 0.95);
    }

    private static double[] Curve(Func<long, IAgent<float[], int>> make)
    {
        var mean = new double[Episodes];
        for (int run = 0; run < Runs; run++)
        {
            var agent = make(run);
            using var env = Corridor();
            var obs = env.Reset(run).Observation;
            for (int e = 0; e < Episodes; e++)
            {
                double ret = 0;
                while (true)
                {
                    int a = agent.Act(obs, explore: true);
                    var r = env.Step(a);
                    ret += r.Reward;
                    agent.Observe(new Transition<float[], int>(obs, a, r.Reward, r.Observation, r.Terminated, r.Truncated));
                    obs = r.Observation;
                    if (r.Done) break;
                }
                obs = env.Reset().Observation;
                mean[e] += ret / Runs;
            }
        }
        return mean;
    }

    private static double Window(double[] curve, int from, int to) => curve[from..to].Average();

    [Fact]
    public void Reinforce_with_baseline_approaches_the_best_value_faster_than_reinforce()
    {
        var plain = Curve(seed =>
        {
            var agent = new ReinforceAgent<int>(1, new CategoricalHead(2), new ReinforceOptions
            {
                Gamma = 1, Beta = Math.Pow(2, -13), HiddenSizes = [], Optimizer = OptimizerKind.Sgd, StepEachT = true,
            }, seed);
            StartLeftGreedy(agent.Policy);
            return agent;
        });
        var baseline = Curve(seed =>
        {
            var agent = new ReinforceBaselineAgent<int>(1, new CategoricalHead(2), new ReinforceBaselineOptions
            {
                Gamma = 1, Beta = Math.Pow(2, -9), Alpha = Math.Pow(2, -6), HiddenSizes = [],
                Optimizer = OptimizerKind.Sgd, StepEachT = true,
            }, seed);
            StartLeftGreedy(agent.Policy);
            return agent;
        });
        for (int from = 0; from < Episodes; from += 100)
            output.WriteLine($"episodes {from}-{from + 99}: REINFORCE {Window(plain, from, from + 100):F2}, with baseline {Window(baseline, from, from + 100):F2}");

        // Measured over 20 runs: episodes 100–199 REINFORCE −24.8, with baseline −13.0; episodes 900–999 −12.6 and −11.8.
        double best = ShortCorridorEnv.StartValue(2 - Math.Sqrt(2));
        Assert.InRange(Window(baseline, 900, 1000), best - 1.0, best + 0.5);
        Assert.True(Window(baseline, 100, 200) > Window(plain, 100, 200) + 5);
    }
}
