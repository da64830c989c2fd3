using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular.Planning;

/// <summary>The planning methods <c>rlgym plan</c> offers.</summary>
public enum PlanMethod
{
    /// <summary><see cref="Planning.ValueIteration"/>.</summary>
    ValueIteration,

    /// <summary><see cref="Planning.PolicyIteration"/>.</summary>
    PolicyIteration,
}

/// <summary>The entry point of <c>rlgym plan</c>: find an environment's model and plan on it.</summary>
public static class Planner
{
    /// <summary>The full model of <paramref name="env"/> (looked for beneath its wrappers), or a one-line refusal.</summary>
    public static ITabularModel ModelOf(IEnv env) =>
        env as ITabularModel ?? env.Unwrapped as ITabularModel ?? throw new UserInputException(
            $"{env.Spec?.Id ?? env.Unwrapped.ToString()} has no tabular model to plan on; planning needs an environment " +
            "that lists its transition probabilities (FrozenLake, CliffWalking, Taxi, the textbook MDPs)");

    /// <summary>Plans with <paramref name="method"/>.</summary>
    public static PlanResult Solve(ITabularModel model, PlanMethod method, double gamma = 0.99, double tolerance = 1e-12) =>
        method switch
        {
            PlanMethod.PolicyIteration => PolicyIteration.Solve(model, gamma, tolerance),
            _ => ValueIteration.Solve(model, gamma, tolerance),
        };
}
