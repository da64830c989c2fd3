using System.Diagnostics;
using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Training;

namespace RlGym.Benchmarking;

/// <summary>
/// Training speed of every registered agent: each trains with its default options and its default number of copies
/// through the trainer (the loop <c>rlgym train</c> runs, without a run directory) for a fixed budget of environment
/// steps on the first of <see cref="EnvIds"/> it accepts: tabular agents on FrozenLake, discrete-action ones on
/// CartPole, continuous-action ones on Pendulum. Steps spent in an agent's random warm-up (its
/// <c>learning_starts</c>) count like the others, so the figure is what a user's run of that length sees.
/// </summary>
public static class AgentTiming
{
    /// <summary>The environments tried, in order; an agent trains on the first one it accepts.</summary>
    public static IReadOnlyList<string> EnvIds { get; } = ["FrozenLake-v1", "CartPole-v1", "Pendulum-v1"];

    /// <summary>Trains each agent of <paramref name="agents"/> for <paramref name="steps"/> environment steps from <paramref name="seed"/>.</summary>
    public static IReadOnlyList<AgentBenchResult> Run(EnvRegistry envs, AgentRegistry agents, long steps, long seed,
        Action<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envs);
        ArgumentNullException.ThrowIfNull(agents);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var results = new List<AgentBenchResult>();
        foreach (var factory in agents.Factories.OrderBy(f => f.Info.Name, StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            string? id = EnvIds.FirstOrDefault(e => envs.Contains(e) && Accepts(envs, e, factory));
            if (id is null)
            {
                results.Add(new AgentBenchResult(factory.Info.Name, null, 0, 0, null, null, null, $"accepts none of {string.Join(", ", EnvIds)}"));
                continue;
            }
            progress?.Invoke($"training {factory.Info.Name} on {id} for {steps:N0} steps");
            results.Add(Time(envs, factory, id, steps, seed, cancellationToken));
        }
        return results;
    }

    private static bool Accepts(EnvRegistry envs, string id, IAgentFactory factory)
    {
        using var env = envs.Make(id);
        return factory.Refusal(env) is null;
    }

    private static AgentBenchResult Time(EnvRegistry envs, IAgentFactory factory, string id, long steps, long seed, CancellationToken cancellationToken)
    {
        using var probe = envs.Make(id);
        IAgent agent;
        // An agent that needs a setting of the user's (behaviour cloning's demonstrations) is listed with the reason.
        try { agent = factory.Create(probe, new Dictionary<string, string>(), seed); }
        catch (UserInputException e) { return new AgentBenchResult(factory.Info.Name, id, 0, 0, null, null, null, e.Message); }
        int copies = factory.Info.DefaultEnvs;
        var options = new TrainerOptions { Seed = seed, Steps = steps, Envs = copies, WriteLearningCurve = false };
        using var trainer = Trainer.Create(() => envs.Make(id), agent, options);
        double? cpu0 = ThreadCpuClock.Now();
        var clock = Stopwatch.StartNew();
        var result = trainer.Run(cancellationToken);
        clock.Stop();
        double? cpu = ThreadCpuClock.Now() - cpu0;
        long trained = result.TotalSteps;
        (agent as IDisposable)?.Dispose();
        return new AgentBenchResult(factory.Info.Name, id, copies, trained, trained / clock.Elapsed.TotalSeconds,
            cpu is > 0 ? trained / cpu.Value : null, clock.Elapsed.TotalSeconds, "default options");
    }
}

/// <summary>
/// One agent's training speed: <see cref="StepsPerSecond"/> is environment steps (all copies counted, with the agent's
/// acting and learning) per second of wall time; <see cref="CpuStepsPerSecond"/> per second of the training thread's CPU
/// time, which other processes' load does not lower. <see cref="Env"/> is null when the agent fits none of the envs.
/// </summary>
public sealed record AgentBenchResult(
    string Agent,
    string? Env,
    int Copies,
    long Steps,
    double? StepsPerSecond,
    double? CpuStepsPerSecond,
    double? Seconds,
    string Note);
