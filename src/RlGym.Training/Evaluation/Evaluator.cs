using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Training.Comparisons;

namespace RlGym.Training.Evaluation;

/// <summary>
/// Runs an agent greedily (<c>Act(obs, explore: false)</c>) for some episodes without letting it learn, and reports
/// the mean, standard deviation and success rate of the returns. The first episode resets with the seed (when one is
/// given) and later ones continue the environment's stream, so one seed reproduces the whole evaluation.
/// </summary>
public static class Evaluator
{
    /// <summary>Steps after which an evaluation episode is cut, for environments without a time limit whose greedy policy never ends.</summary>
    public const int DefaultMaxSteps = 100_000;

    /// <summary>
    /// Evaluates on an untyped environment. <paramref name="threshold"/> defaults to the spec's reward threshold;
    /// without either, <see cref="EvaluationResult.SuccessRate"/> is null.
    /// </summary>
    public static EvaluationResult Run(IEnv env, IAgent agent, int episodes, long? seed, double? threshold = null, int maxSteps = DefaultMaxSteps) =>
        env.Accept(new Visitor(agent, episodes, seed, threshold, maxSteps));

    /// <summary>Evaluates at known types.</summary>
    public static EvaluationResult Run<TObs, TAct>(
        IEnv<TObs, TAct> env, IAgent<TObs, TAct> agent, int episodes, long? seed, double? threshold = null, int maxSteps = DefaultMaxSteps)
        where TObs : notnull where TAct : notnull
    {
        if (episodes < 1) throw new UserInputException($"evaluation episodes={episodes} is not allowed; allowed: 1 to {int.MaxValue}");
        threshold ??= env.Spec?.RewardThreshold;
        var returns = new double[episodes];
        var lengths = new int[episodes];
        var name = FaultCheck.Name(env);
        for (int e = 0; e < episodes; e++)
        {
            TObs obs;
            try { obs = env.Reset(e == 0 ? seed : null).Observation; }
            catch (Exception ex) { throw new EnvironmentFaultException(name, e, 0, 0, $"threw {ex.GetType().Name} on reset ({ex.Message}) during evaluation", ex); }
            if (FaultCheck.Observation(obs) is { } bad) throw new EnvironmentFaultException(name, e, 0, 0, bad + " during evaluation");
            double ret = 0;
            int len = 0;
            while (len < maxSteps)
            {
                var action = agent.Act(obs, explore: false);
                StepResult<TObs> r;
                try { r = env.Step(action); }
                catch (Exception ex) { throw new EnvironmentFaultException(name, e, len + 1, len + 1, $"threw {ex.GetType().Name} ({ex.Message}) during evaluation", ex); }
                if (FaultCheck.Step(r) is { } problem) throw new EnvironmentFaultException(name, e, len + 1, len + 1, problem + " during evaluation");
                ret += r.Reward;
                len++;
                obs = r.Observation;
                if (r.Done) break;
            }
            returns[e] = ret;
            lengths[e] = len;
        }
        double? success = threshold is { } t ? returns.Count(x => x >= t) / (double)episodes : null;
        return new EvaluationResult(returns, lengths, Statistics.Mean(returns), Statistics.PopulationStandardDeviation(returns), threshold, success);
    }

    private sealed class Visitor(IAgent agent, int episodes, long? seed, double? threshold, int maxSteps) : IEnvVisitor<EvaluationResult>
    {
        public EvaluationResult Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            agent is IAgent<TObs, TAct> typed
                ? Run(env, typed, episodes, seed, threshold, maxSteps)
                : throw Mismatch(agent, env);
    }

    internal static UserInputException Mismatch(IAgent agent, IEnv env) =>
        new($"agent '{agent.Name}' cannot act on {FaultCheck.Name(env)} (observations {env.ObservationSpace}, actions {env.ActionSpace})");
}
