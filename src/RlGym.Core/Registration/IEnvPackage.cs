namespace RlGym.Core.Registration;

/// <summary>
/// A set of environments to register: each environment project has one, and so can a user's assembly given
/// to <c>--plugin path.dll</c> (any public type with a parameterless constructor that implements this).
/// </summary>
public interface IEnvPackage
{
    /// <summary>Adds the package's environments to <paramref name="registry"/>.</summary>
    void Register(EnvRegistry registry);
}
