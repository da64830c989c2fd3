using RlGym.Agents.Tabular.Planning;
using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular.Prediction;

/// <summary>One curve of the experiment: the RMS error of n-step TD for each step size.</summary>
/// <param name="N">Steps in the target.</param>
/// <param name="Alphas">The step sizes tried.</param>
/// <param name="RmsError">For each α: the RMS error over the non-terminal states at the end of an episode, averaged
/// over the episodes and runs.</param>
public sealed record NStepTdCurve(int N, double[] Alphas, double[] RmsError)
{
    /// <summary>The lowest error on the curve.</summary>
    public double Minimum => RmsError.Min();

    /// <summary>The step size of the lowest error.</summary>
    public double BestAlpha => Alphas[Array.IndexOf(RmsError, Minimum)];
}

/// <summary>What to run: Sutton &amp; Barto's Figure 7.2 by default (19-state random walk, first 10 episodes, 100 runs).</summary>
public sealed record NStepTdExperimentSettings
{
    /// <summary>The n of each curve.</summary>
    public int[] Ns { get; init; } = [1, 2, 4, 8, 16, 32, 64, 128, 256, 512];

    /// <summary>The step sizes along each curve.</summary>
    public double[] Alphas { get; init; } = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0];

    /// <summary>Independent runs averaged (each from fresh values).</summary>
    public int Runs { get; init; } = 100;

    /// <summary>Episodes per run.</summary>
    public int Episodes { get; init; } = 10;

    /// <summary>Discount γ (the random walk is undiscounted).</summary>
    public double Gamma { get; init; } = 1.0;

    /// <summary>V(s) before learning.</summary>
    public double InitialValue { get; init; }

    /// <summary>Run r resets the environment with seed <c>Seed + r</c>, so every (n, α) sees the same episodes.</summary>
    public long Seed { get; init; }
}

/// <summary>
/// The n-step TD prediction experiment of Sutton &amp; Barto Figure 7.2: on a random walk under the uniform random
/// policy, the error of n-step TD after each of the first episodes, for a range of n and α. Intermediate n learn
/// fastest: n = 1 propagates the end rewards one state per episode, large n carry the full noise of each walk.
/// </summary>
public static class NStepTdExperiment
{
    /// <summary>
    /// Runs the experiment on <paramref name="env"/>, whose model <paramref name="model"/> gives the true values of
    /// the uniform random policy. Deterministic for a given seed.
    /// </summary>
    public static IReadOnlyList<NStepTdCurve> Run(IEnv<int, int> env, ITabularModel model, NStepTdExperimentSettings? settings = null)
    {
        settings ??= new NStepTdExperimentSettings();
        var truth = PolicyEvaluation.EvaluateUniform(model, settings.Gamma);
        var evaluated = Enumerable.Range(0, model.StateCount).Where(s => !model.IsTerminal(s)).ToArray();
        int actions = model.ActionCount;

        var curves = new List<NStepTdCurve>();
        foreach (int n in settings.Ns)
        {
            var errors = new double[settings.Alphas.Length];
            for (int i = 0; i < settings.Alphas.Length; i++)
            {
                var td = new NStepTdPrediction(model.StateCount, n, settings.Alphas[i], settings.Gamma, settings.InitialValue);
                double total = 0;
                for (int run = 0; run < settings.Runs; run++)
                {
                    td.Reset(settings.InitialValue);
                    var policy = new Rng(settings.Seed + run);
                    int s = env.Reset(settings.Seed + run).Observation;
                    for (int episode = 0; episode < settings.Episodes; episode++)
                    {
                        if (episode > 0) s = env.Reset().Observation;
                        while (true)
                        {
                            var step = env.Step(policy.NextInt(actions));
                            td.Observe(s, step.Reward, step.Observation, step.Terminated, step.Truncated);
                            s = step.Observation;
                            if (step.Done) break;
                        }
                        total += Rms(td.Values, truth, evaluated);
                    }
                }
                errors[i] = total / (settings.Runs * settings.Episodes);
            }
            curves.Add(new NStepTdCurve(n, (double[])settings.Alphas.Clone(), errors));
        }
        return curves;
    }

    private static double Rms(double[] values, double[] truth, int[] states)
    {
        double sum = 0;
        foreach (int s in states) sum += (values[s] - truth[s]) * (values[s] - truth[s]);
        return Math.Sqrt(sum / states.Length);
    }
}
