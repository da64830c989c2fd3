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

    /// <summary><c>--envs K</c>: environment copies stepped in one loop.</summary>
    public static Option<int?> Envs() => new("--envs")
    {
        Description = "Environment copies trained on in one loop; --steps counts the steps of all of them (default: the agent's, 1 for most, 8 for a2c)",
        HelpName = "K",
    };

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

    /// <summary><c>--pace N|turbo</c>: the window's starting pace.</summary>
    public static Option<string?> Pace() => new("--pace")
    {
        Description = "Pace of the window in steps per second, or 'turbo' (default: the environment's render rate, e.g. 4 for FrozenLake, 50 for CartPole; while training it then speeds up one notch per episode up to 10000 until a key holds it; Up/Down change it)",
        HelpName = "N|turbo",
    };

    /// <summary><c>--start-paused</c>.</summary>
    public static Option<bool> StartPaused() => new("--start-paused") { Description = "Open the window paused (Space resumes, Right steps once)" };

    /// <summary>Parses <c>--pace</c>: null (the env's own rate), 0 for turbo, or a positive number of steps per second.</summary>
    public static double? ParsePace(string? text)
    {
        if (text is null) return null;
        if (text.Trim().Equals("turbo", StringComparison.OrdinalIgnoreCase)) return 0;
        if (double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var pace)
            && pace > 0 && pace <= 1_000_000)
            return pace;
        throw new Core.Errors.UserInputException($"--pace {text} is not allowed; use a number of steps per second from 0.1 to 1000000, or 'turbo'");
    }
}
