using System.Text.RegularExpressions;

namespace RlGym.Cli.Hosting;

/// <summary>
/// Rewrites the command-line parser's messages about values of the wrong type into the tool's own words: the option,
/// the value and what is allowed, without the parser's CLR type names (<c>System.Nullable`1[System.Int32]</c>).
/// </summary>
public static partial class ParseErrorText
{
    /// <summary>The message to print for the parser's <paramref name="message"/>, on one line.</summary>
    public static string Rewrite(string message)
    {
        var m = CannotParse().Match(message);
        if (!m.Success) return OneLine(message);
        string value = m.Groups["value"].Value, name = m.Groups["name"].Value, type = m.Groups["type"].Value;
        string allowed = Allowed(type);
        return $"{name} {value} is not allowed; allowed: {allowed}";
    }

    // "Argument 'x' not recognized. Must be one of:\n\t'a'\n\t'b'" becomes "... Must be one of: 'a', 'b'".
    private static string OneLine(string message)
    {
        var lines = message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return lines.Length <= 1 ? message.Trim() : lines[0] + " " + string.Join(", ", lines[1..]);
    }

    private static string Allowed(string type) =>
        type.Contains("System.Int32", StringComparison.Ordinal) ? $"a whole number no larger than {int.MaxValue}"
        : type.Contains("System.Int64", StringComparison.Ordinal) ? $"a whole number no larger than {long.MaxValue}"
        : type.Contains("System.Double", StringComparison.Ordinal) || type.Contains("System.Single", StringComparison.Ordinal) ? "a number"
        : type.Contains("System.Boolean", StringComparison.Ordinal) ? "true or false"
        : "a value of the option's kind (see --help)";

    [GeneratedRegex(@"^Cannot parse argument '(?<value>.*)' for (option|command|argument) '(?<name>[^']*)' as expected type '(?<type>[^']*)'\.?$", RegexOptions.Singleline)]
    private static partial Regex CannotParse();
}
