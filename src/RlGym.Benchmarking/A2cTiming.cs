using System.Diagnostics;
using RlGym.Agents.PolicyGradient;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Training.Evaluation;

namespace RlGym.Benchmarking;

/// <summary>
/// A2C with its default options on CartPole-v1 and its default K copies (stepped here with next-step autoreset,
/// as the trainer does), trained on this thread until the greedy mean over 100 evaluation episodes reaches the reward
/// threshold (checked every <see cref="EvaluateEvery"/> environment steps, all K copies counted). The clock stops
/// while evaluating, so the figures are training time and training samples per second.
/// </summary>
public static class A2cTiming
{
    /// <summary>Environment steps between evaluations.</summary>
    public const int EvaluateEvery = 2_000;

    /// <summary>The budget A2C is held to: solving CartPole within 200k environment steps, as SB3 zoo's A2C does.</summary>
    public const long MaxSamples = 200_000;

    /// <summary>Runs the measurement from <paramref name="seed"/>.</summary>
    public static A2cBenchResult Run(EnvRegistry registry, long seed, CancellationToken cancellationToken = default)
    {
        const string id = "CartPole-v1";
        if (!registry.Contains(id)) return new A2cBenchResult(false, $"{id} is not registered");
        var spec = registry.Spec(id);
        double threshold = spec.RewardThreshold ?? 475;
        using var evalEnv = registry.Make<float[], int>(id);
        var factory = new AgentRegistry().Add(new PolicyGradientAgents()).Get("a2c");
        var agent = (IAgent<float[], int>)factory.Create(evalEnv, new Dictionary<string, string>(), seed);

        // The K copies: the step after a copy's episode ended resets it and yields no transition.
        int k = factory.Info.DefaultEnvs;
        var envs = new IEnv<float[], int>[k];
        var observations = new float[k][];
        var actions = new int[k];
        var ended = new bool[k];
        var transitions = new Transition<float[], int>[k];
        for (int i = 0; i < k; i++)
        {
            envs[i] = registry.Make<float[], int>(id);
            observations[i] = envs[i].Reset(seed + i).Observation;
        }

        try
        {
            var clock = new Stopwatch();
            long samples = 0, nextEvaluation = EvaluateEvery;
            while (samples < MaxSamples)
            {
                cancellationToken.ThrowIfCancellationRequested();
                clock.Start();
                while (samples < nextEvaluation)
                {
                    agent.Act(observations, actions);
                    int n = 0;
                    for (int i = 0; i < k; i++)
                    {
                        if (ended[i])
                        {
                            observations[i] = envs[i].Reset().Observation;
                            ended[i] = false;
                            continue;
                        }
                        var r = envs[i].Step(actions[i]);
                        transitions[n++] = new Transition<float[], int>(observations[i], actions[i], r.Reward, r.Observation, r.Terminated, r.Truncated, i);
                        observations[i] = r.Observation;
                        ended[i] = r.Done;
                    }
                    agent.Observe(transitions.AsSpan(0, n));
                    samples += n;
                }
                clock.Stop();
                nextEvaluation += EvaluateEvery;
                var evaluation = Evaluator.Run(evalEnv, agent, 100, seed + 1);
                if (evaluation.Mean >= threshold)
                    return new A2cBenchResult(true,
                        $"seed {seed}, default options, {k} copies, greedy mean {evaluation.Mean:0.0} over 100 episodes; evaluation time not counted",
                        samples / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds, threshold, samples);
            }
            return new A2cBenchResult(true, $"seed {seed}: threshold not reached within {MaxSamples:N0} samples",
                samples / clock.Elapsed.TotalSeconds, null, threshold, null);
        }
        finally
        {
            foreach (var env in envs) env.Dispose();
        }
    }
}
