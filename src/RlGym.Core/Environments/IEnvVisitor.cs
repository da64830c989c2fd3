namespace RlGym.Core.Environments;

/// <summary>
/// Recovers an environment's observation and action types from an untyped <see cref="IEnv"/>, without reflection:
/// <c>env.Accept(visitor)</c> calls <see cref="Visit{TObs,TAct}"/> with the typed environment.
/// The registry uses it to wrap, agent factories to build a typed agent, the trainer to run a typed loop.
/// </summary>
public interface IEnvVisitor<out TResult>
{
    /// <summary>Called with the environment at its own types.</summary>
    TResult Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull;
}

/// <summary>Dispatches a visitor on an untyped environment.</summary>
public static class EnvVisitorExtensions
{
    /// <summary>Calls the visitor with <paramref name="env"/> at its own types.</summary>
    public static TResult Accept<TResult>(this IEnv env, IEnvVisitor<TResult> visitor) =>
        env is IVisitableEnv v
            ? v.Accept(visitor)
            : throw new ArgumentException($"{env.GetType().Name} does not derive from Env<TObs, TAct>.", nameof(env));
}

/// <summary>Implemented by <see cref="Env{TObs,TAct}"/>; lets <see cref="EnvVisitorExtensions.Accept"/> reach the types.</summary>
public interface IVisitableEnv
{
    /// <summary>Calls <paramref name="visitor"/> with this environment at its own types.</summary>
    TResult Accept<TResult>(IEnvVisitor<TResult> visitor);
}
