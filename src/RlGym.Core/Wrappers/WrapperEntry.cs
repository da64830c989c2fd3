using RlGym.Core.Environments;
using RlGym.Core.Registration;

namespace RlGym.Core.Wrappers;

/// <summary>
/// A wrapper as the command line and configuration files name it: its kebab-case name, a one-line description, the
/// parameters it reads (with defaults), and the factory that wraps an untyped environment with the parsed parameters.
/// A factory reads its parameters through <see cref="EnvOptions"/>' typed getters; keys it never reads are refused.
/// </summary>
public sealed record WrapperEntry(
    string Name,
    string Description,
    IReadOnlyList<EnvOptionInfo> Parameters,
    Func<IEnv, EnvOptions, IEnv> Factory);
