using RlGym.Core.Errors;

namespace RlGym.Envs.ToyText.Grid;

/// <summary>
/// A rectangular map of characters, one per cell, read from text: rows on separate lines, or separated by
/// '/' or ',' when given on one line (<c>SFFF/FHFH/FFFH/HFFG</c>). Blank lines before and after the map and
/// spaces around each row are ignored. Every mistake is a <see cref="UserInputException"/> naming the line
/// and column, counted from 1 in the text as given.
/// </summary>
public sealed class GridMap
{
    private readonly string[] _rows;
    private readonly int _lineOffset;
    private readonly int[] _leads;

    private GridMap(string[] rows, string source, int lineOffset, int[] leads)
    {
        _rows = rows;
        Source = source;
        _lineOffset = lineOffset;
        _leads = leads;
    }

    /// <summary>Where the map came from (a file name, "map", "desc"), used in messages.</summary>
    public string Source { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => _rows.Length;

    /// <summary>Number of columns.</summary>
    public int Columns => _rows[0].Length;

    /// <summary>The character at (row, column), both from 0.</summary>
    public char this[int row, int column] => _rows[row][column];

    /// <summary>The rows as text, top to bottom.</summary>
    public IReadOnlyList<string> Lines => _rows;

    /// <summary>
    /// Reads a map. When <paramref name="allowed"/> is given, any other character is refused; the message names
    /// the line, the column and the allowed characters.
    /// </summary>
    /// <param name="text">The map's text.</param>
    /// <param name="allowed">The characters a map may hold, or null for any non-space character.</param>
    /// <param name="source">What to call the map in messages.</param>
    public static GridMap Parse(string text, string? allowed = null, string source = "map")
    {
        ArgumentNullException.ThrowIfNull(text);
        var raw = text.Split(text.Contains('\n') ? ['\n'] : ['/', ',']);
        int first = 0, last = raw.Length - 1;
        while (first <= last && string.IsNullOrWhiteSpace(raw[first])) first++;
        while (last >= first && string.IsNullOrWhiteSpace(raw[last])) last--;
        if (first > last) throw new UserInputException($"{source} is empty; give rows of cells, e.g. SFFF/FHFH/FFFH/HFFG");

        var rows = new string[last - first + 1];
        for (int i = first; i <= last; i++)
        {
            string line = raw[i].TrimEnd('\r');
            int lead = line.Length - line.TrimStart().Length;
            string row = line.Trim();
            int lineNumber = i + 1;
            if (row.Length == 0)
                throw new UserInputException($"{source} line {lineNumber}, column 1: empty row inside the map; remove it");
            if (i > first && row.Length != rows[0].Length)
                throw new UserInputException(
                    $"{source} line {lineNumber}, column {lead + Math.Min(row.Length, rows[0].Length) + 1}: row has {row.Length} cells but the first row has {rows[0].Length}; rows must all be the same length");
            for (int c = 0; c < row.Length; c++)
            {
                char ch = row[c];
                if (char.IsWhiteSpace(ch) || (allowed is not null && !allowed.Contains(ch)))
                    throw new UserInputException(
                        $"{source} line {lineNumber}, column {lead + c + 1}: '{ch}' is not a map character; allowed: {(allowed is null ? "any non-space character" : string.Join(" ", allowed.ToCharArray()))}");
            }
            rows[i - first] = row;
        }
        return new GridMap(rows, source, first, LeadingSpaces(raw, first, last));
    }

    private static int[] LeadingSpaces(string[] raw, int first, int last)
    {
        var leads = new int[last - first + 1];
        for (int i = first; i <= last; i++) leads[i - first] = raw[i].Length - raw[i].TrimStart().Length;
        return leads;
    }

    /// <summary>"line L, column C" of a cell in the text the map was read from.</summary>
    public string Where(int row, int column) => $"{Source} line {row + _lineOffset + 1}, column {_leads[row] + column + 1}";

    /// <summary>Every cell holding <paramref name="ch"/>, in reading order.</summary>
    public List<(int Row, int Column)> FindAll(char ch)
    {
        var cells = new List<(int, int)>();
        for (int r = 0; r < Rows; r++)
            for (int c = 0; c < Columns; c++)
                if (_rows[r][c] == ch) cells.Add((r, c));
        return cells;
    }

    /// <summary>
    /// The one cell holding <paramref name="ch"/>; refuses a map with none or several, naming where the second is.
    /// </summary>
    public (int Row, int Column) FindSingle(char ch, string what)
    {
        var cells = FindAll(ch);
        if (cells.Count == 0)
            throw new UserInputException($"{Source} has no {what} '{ch}'; put exactly one '{ch}' in the map");
        if (cells.Count > 1)
            throw new UserInputException(
                $"{Where(cells[1].Row, cells[1].Column)}: a second {what} '{ch}' (the first is at {Where(cells[0].Row, cells[0].Column)}); a map has exactly one");
        return cells[0];
    }

    /// <summary>
    /// Whether a cell for which <paramref name="isGoal"/> holds can be reached from (<paramref name="row"/>,
    /// <paramref name="column"/>) by steps up, down, left and right through cells that <paramref name="canEnter"/>
    /// allows (breadth-first search; the goal itself must be enterable too).
    /// </summary>
    public bool Reaches(int row, int column, Func<char, bool> isGoal, Func<char, bool> canEnter)
    {
        var seen = new bool[Rows, Columns];
        var frontier = new Queue<(int Row, int Column)>();
        frontier.Enqueue((row, column));
        seen[row, column] = true;
        while (frontier.Count > 0)
        {
            var (r, c) = frontier.Dequeue();
            if (isGoal(_rows[r][c])) return true;
            foreach (var (dr, dc) in (ReadOnlySpan<(int, int)>)[(1, 0), (0, 1), (-1, 0), (0, -1)])
            {
                int nr = r + dr, nc = c + dc;
                if (nr < 0 || nr >= Rows || nc < 0 || nc >= Columns || seen[nr, nc] || !canEnter(_rows[nr][nc])) continue;
                seen[nr, nc] = true;
                frontier.Enqueue((nr, nc));
            }
        }
        return false;
    }

    /// <summary>The map on one line, rows separated by '/', cut after 60 characters: how messages name a map.</summary>
    public string OneLine()
    {
        string text = string.Join('/', _rows);
        return text.Length <= 60 ? text : text[..57] + "...";
    }

    /// <summary>The map as text, one row per line.</summary>
    public override string ToString() => string.Join('\n', _rows);
}
