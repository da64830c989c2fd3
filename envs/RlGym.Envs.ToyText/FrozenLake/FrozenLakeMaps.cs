using RlGym.Core.Random;

namespace RlGym.Envs.ToyText.FrozenLake;

/// <summary>Gymnasium's two FrozenLake maps, and random maps that always have a path from start to goal.</summary>
public static class FrozenLakeMaps
{
    /// <summary>Gymnasium's <c>4x4</c> map.</summary>
    public static IReadOnlyList<string> FourByFour { get; } = ["SFFF", "FHFH", "FFFH", "HFFG"];

    /// <summary>Gymnasium's <c>8x8</c> map.</summary>
    public static IReadOnlyList<string> EightByEight { get; } =
    [
        "SFFFFFFF",
        "FFFFFFFF",
        "FFFHFFFF",
        "FFFFFHFF",
        "FFFHFFFF",
        "FHHFFFHF",
        "FHFFHFHF",
        "FFFHFFFG",
    ];

    /// <summary>The map called <paramref name="name"/> (<c>4x4</c> or <c>8x8</c>), or null.</summary>
    public static IReadOnlyList<string>? Named(string name) => name switch
    {
        "4x4" => FourByFour,
        "8x8" => EightByEight,
        _ => null,
    };

    /// <summary>
    /// A random <paramref name="size"/>×<paramref name="size"/> map as Gymnasium's <c>generate_random_map</c>:
    /// each cell frozen with probability <paramref name="frozenProbability"/>, start top-left, goal bottom-right,
    /// drawn again until a path joins them. The same seed gives the same map.
    /// </summary>
    public static IReadOnlyList<string> GenerateRandom(int size = 8, double frozenProbability = 0.8, long seed = 0)
    {
        if (size < 2) throw new ArgumentOutOfRangeException(nameof(size), size, "A random map needs size >= 2.");
        if (frozenProbability is <= 0 or > 1)
            throw new ArgumentOutOfRangeException(nameof(frozenProbability), frozenProbability, "Must be in (0, 1].");
        var rng = new Rng(seed);
        var board = new char[size][];
        do
        {
            for (int r = 0; r < size; r++)
            {
                board[r] = new char[size];
                for (int c = 0; c < size; c++) board[r][c] = rng.Bernoulli(frozenProbability) ? 'F' : 'H';
            }
            board[0][0] = 'S';
            board[size - 1][size - 1] = 'G';
        } while (!HasPath(board));
        return board.Select(row => new string(row)).ToArray();
    }

    private static bool HasPath(char[][] board)
    {
        int n = board.Length;
        var seen = new bool[n, n];
        var frontier = new Stack<(int R, int C)>();
        frontier.Push((0, 0));
        seen[0, 0] = true;
        while (frontier.Count > 0)
        {
            var (r, c) = frontier.Pop();
            if (board[r][c] == 'G') return true;
            foreach (var (dr, dc) in (ReadOnlySpan<(int, int)>)[(1, 0), (0, 1), (-1, 0), (0, -1)])
            {
                int nr = r + dr, nc = c + dc;
                if (nr < 0 || nr >= n || nc < 0 || nc >= n || seen[nr, nc] || board[nr][nc] == 'H') continue;
                seen[nr, nc] = true;
                frontier.Push((nr, nc));
            }
        }
        return false;
    }
}
