using System.CommandLine;
using RlGym.Core.Registration;

namespace RlGym.Cli.Commands;

/// <summary>Options shared by several commands, built fresh for each (an option belongs to one command).</summary>
public static class CommonOptions
{
    /// <summary><c>-o key=value</c>, repeatable: the environment's options with Gymnasium's names.</summary>
    public static Option<string[]> EnvOptions() => new("--option", "-o")
    {
        Description = "Environment option with Gymnasium's name, e.g. -o is_slippery=false -o map_name=8x8 (repeatable)",
        HelpName = "key=value",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    /// <summary><c>--json</c>: machine-readable output on stdout.</summary>
    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of a table" };

    /// <summary><c>--seed N</c>.</summary>
    public static Option<long?> Seed(string description) => new("--seed") { Description = description, HelpName = "N" };

    /// <summary><c>--set key=value</c>, repeatable: agent hyperparameters.</summary>
    public static Option<string[]> Settings() => new("--set")
    {
        Description = "Agent hyperparameter, e.g. --set alpha=0.1 --set gamma=0.99 (repeatable; see 'rlgym agents')",
        HelpName = "key=value",
        Arity = ArgumentArity.ZeroOrMore,
        DefaultValueFactory = _ => [],
    };

    /// <summary>The environment id argument.</summary>
    public static Argument<string> EnvId() => new("ID") { Description = "Environment id, e.g. FrozenLake-v1 (see 'rlgym envs')" };

    /// <summary>Parses <c>-o</c> items into environment options.</summary>
    public static EnvOptions ParseEnvOptions(string[]? items) => Core.Registration.EnvOptions.Parse(items ?? []);

    /// <summary>Parses <c>--set</c> items into a key/value map (later items win).</summary>
    public static Dictionary<string, string> ParseSettings(IEnumerable<string>? items)
    {
        var d = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in items ?? [])
        {
            int eq = item.IndexOf('=');
            if (eq <= 0) throw new Core.Errors.UserInputException($"setting '{item}' is not of the form key=value");
            d[item[..eq].Trim()] = item[(eq + 1)..].Trim();
        }
        return d;
    }
}
