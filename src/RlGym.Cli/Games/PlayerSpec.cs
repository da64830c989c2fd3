using RlGym.Core.Errors;

namespace RlGym.Cli.Games;

/// <summary>
/// A player as the command line names it: <c>NAME[:key=value,...]</c> (<c>mcts:simulations=200,c=1</c>,
/// <c>minimax</c>, <c>random</c>) or the path of a run directory (or of an agent file inside one, such as
/// <c>runs/c4/cloned.bin</c>) whose trained learner plays.
/// </summary>
public sealed record PlayerSpec(string Text, string? Name, IReadOnlyDictionary<string, string> Settings, string? RunPath)
{
    /// <summary>
    /// Splits a comma-separated list of players. A piece with '=' and no ':' continues the settings of the player
    /// before it, so <c>mcts:simulations=200,c=1,minimax</c> is two players.
    /// </summary>
    public static IReadOnlyList<PlayerSpec> ParseList(string text)
    {
        var groups = new List<List<string>>();
        foreach (var raw in text.Split(','))
        {
            var piece = raw.Trim();
            if (piece.Length == 0) throw new UserInputException($"--players '{text}' has an empty entry; give players as A,B");
            bool continues = piece.Contains('=') && !piece.Contains(':') && !PathExists(piece) && groups.Count > 0;
            if (continues) groups[^1].Add(piece);
            else groups.Add([piece]);
        }
        return groups.Select(g => Parse(string.Join(",", g))).ToList();
    }

    /// <summary>Parses one player.</summary>
    public static PlayerSpec Parse(string text)
    {
        if (PathExists(text)) return new PlayerSpec(text, null, new Dictionary<string, string>(), text);
        int colon = text.IndexOf(':');
        string name = colon < 0 ? text : text[..colon];
        var settings = new Dictionary<string, string>(StringComparer.Ordinal);
        if (colon >= 0)
        {
            foreach (var item in text[(colon + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = item.IndexOf('=');
                if (eq <= 0) throw new UserInputException($"player setting '{item}' in '{text}' is not of the form key=value");
                settings[item[..eq].Trim()] = item[(eq + 1)..].Trim();
            }
        }
        if (name.Contains('/') || name.Contains('\\'))
            throw new UserInputException($"player '{text}' is neither a player name nor an existing run directory");
        return new PlayerSpec(text, name, settings, null);
    }

    private static bool PathExists(string s) => Directory.Exists(s) || File.Exists(s);
}
