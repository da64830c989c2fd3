using System.Diagnostics;
using RlGym.Agents.PolicyGradient;
using RlGym.Core.Agents;
using RlGym.Core.Registration;
using RlGym.Training.Evaluation;

namespace RlGym.Benchmarking;

/// <summary>
/// A2C with its default options on CartPole-v1, trained on this thread until the greedy mean over 100 evaluation
/// episodes reaches the reward threshold (checked every <see cref="EvaluateEvery"/> environment steps, all K copies
/// counted). The clock stops while evaluating, so the figures are training time and training samples per second.
/// </summary>
public static class A2cTiming
{
    /// <summary>Environment steps between evaluations.</summary>
    public const int EvaluateEvery = 2_000;

    /// <summary>The budget of the issue: A2C must solve CartPole within 200k environment steps.</summary>
    public const long MaxSamples = 200_000;

    /// <summary>Runs the measurement from <paramref name="seed"/>.</summary>
    public static A2cBenchResult Run(EnvRegistry registry, long seed, CancellationToken cancellationToken = default)
    {
        const string id = "CartPole-v1";
        if (!registry.Contains(id)) return new A2cBenchResult(false, $"{id} is not registered");
        var spec = registry.Spec(id);
        double threshold = spec.RewardThreshold ?? 475;
        using var env = registry.Make<float[], int>(id);
        using var evalEnv = registry.Make<float[], int>(id);
        var factory = new AgentRegistry().Add(new PolicyGradientAgents()).Get("a2c");
        var created = factory.Create(env, new Dictionary<string, string>(), seed);
        using var disposable = created as IDisposable;
        var agent = (IAgent<float[], int>)created;
        var a2c = (A2CAgent)created;

        var clock = new Stopwatch();
        long nextEvaluation = EvaluateEvery;
        var obs = env.Reset(seed).Observation;
        while (a2c.EnvironmentSteps < MaxSamples)
        {
            cancellationToken.ThrowIfCancellationRequested();
            clock.Start();
            while (a2c.EnvironmentSteps < nextEvaluation)
            {
                int action = agent.Act(obs, explore: true);
                var r = env.Step(action);
                agent.Observe(new Transition<float[], int>(obs, action, r.Reward, r.Observation, r.Terminated, r.Truncated));
                if (r.Done)
                {
                    agent.EndEpisode();
                    obs = env.Reset().Observation;
                }
                else obs = r.Observation;
            }
            clock.Stop();
            nextEvaluation += EvaluateEvery;
            var evaluation = Evaluator.Run(evalEnv, agent, 100, seed + 1);
            if (evaluation.Mean >= threshold)
                return new A2cBenchResult(true,
                    $"seed {seed}, default options, greedy mean {evaluation.Mean:0.0} over 100 episodes; evaluation time not counted",
                    a2c.EnvironmentSteps / clock.Elapsed.TotalSeconds, clock.Elapsed.TotalSeconds, threshold, a2c.EnvironmentSteps);
        }
        return new A2cBenchResult(true, $"seed {seed}: threshold not reached within {MaxSamples:N0} samples",
            a2c.EnvironmentSteps / clock.Elapsed.TotalSeconds, null, threshold, null);
    }
}
