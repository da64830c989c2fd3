using System.CommandLine;

namespace RlGym.Cli;

/// <summary>Options every command accepts.</summary>
public sealed class GlobalOptions
{
    /// <summary><c>--plugin path.dll</c>, repeatable: assemblies whose environment and agent packages are registered.</summary>
    public Option<string[]> Plugins { get; } = new("--plugin")
    {
        Description = "Load environments and agents from an assembly (repeatable)",
        HelpName = "path.dll",
        Recursive = true,
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    /// <summary><c>--verbose</c>: debug logging and stack traces of unexpected errors.</summary>
    public Option<bool> Verbose { get; } = new("--verbose", "-v")
    {
        Description = "Log debug messages and print stack traces of unexpected errors",
        Recursive = true,
    };
}
