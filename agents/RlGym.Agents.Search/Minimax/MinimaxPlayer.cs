using RlGym.Core.MultiAgent;
using RlGym.Core.Random;

namespace RlGym.Agents.Search.Minimax;

/// <summary>
/// Minimax with alpha-beta pruning, in negamax form: the value of a position for the player to move is the best,
/// over its moves, of minus the value of the position after the move. Perfect on tic-tac-toe (searched to the end);
/// on Connect Four it searches <see cref="MinimaxOptions.Depth"/> plies and scores the leaves with the game's
/// heuristic.
/// <code>
/// v(s) = −(2 − plies/100)                      s won by the player who just moved (quicker wins are worth more)
/// v(s) = 0                                     s drawn
/// v(s) = h(s)                                  depth exhausted, |h| &lt; 1
/// v(s) = max_a −v(play(s, a))                  otherwise; alpha-beta skips moves that cannot change the result
/// </code>
/// At the root every move gets its exact value, and ties between the best are broken by the seeded generator, so
/// minimax varies its play without ever choosing a worse move.
/// </summary>
public sealed class MinimaxPlayer<TState, TRules> : IGamePlayer<TState>, ISearchStatistics
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private readonly TRules _rules;
    private readonly int[] _order;
    private readonly int[] _visits;
    private readonly double[] _values;
    private readonly int _depth;
    private Rng _rng;

    /// <summary>Creates the player.</summary>
    public MinimaxPlayer(TRules rules, MinimaxOptions options, long seed)
    {
        _rules = rules;
        Options = options;
        _rng = new Rng(seed);
        _depth = options.Depth > 0 ? options.Depth : rules.ActionCount <= 9 ? rules.ActionCount : 5;
        // Central moves first: alpha-beta prunes most when the best move comes early, and central moves usually are.
        double centre = (rules.Columns - 1) / 2.0;
        _order = [.. Enumerable.Range(0, rules.ActionCount).OrderBy(a => Math.Abs(a % rules.Columns - centre)).ThenBy(a => a)];
        _visits = new int[rules.ActionCount];
        _values = new double[rules.ActionCount];
    }

    /// <summary>The settings.</summary>
    public MinimaxOptions Options { get; }

    /// <inheritdoc />
    public string Name => "minimax";

    /// <summary>Positions searched by the last <see cref="ChooseAction"/>.</summary>
    public long NodesSearched { get; private set; }

    /// <inheritdoc />
    public ReadOnlySpan<int> RootVisits => _visits;

    /// <inheritdoc />
    public ReadOnlySpan<double> RootValues => _values;

    /// <summary>The negamax value of <paramref name="state"/> for the player to move, searched <paramref name="depth"/> plies.</summary>
    public double Value(in TState state, int depth) => Negamax(state, depth, double.NegativeInfinity, double.PositiveInfinity);

    /// <inheritdoc />
    public int ChooseAction(in TState state)
    {
        NodesSearched = 0;
        Array.Clear(_visits);
        _values.AsSpan().Fill(double.NaN);
        double best = double.NegativeInfinity;
        Span<int> ties = stackalloc int[_rules.ActionCount];
        int tieCount = 0;
        foreach (int a in _order)
        {
            if (!_rules.IsLegal(state, a)) continue;
            double v = -Negamax(_rules.Play(state, a), _depth - 1, double.NegativeInfinity, double.PositiveInfinity);
            _values[a] = Math.Clamp(v, -1, 1);
            _visits[a] = 1;
            if (v > best + 1e-12)
            {
                best = v;
                tieCount = 0;
            }
            if (v >= best - 1e-12) ties[tieCount++] = a;
        }
        if (tieCount == 0) throw new InvalidOperationException("The game is over; there is no move to choose.");
        return ties[_rng.NextInt(tieCount)];
    }

    private double Negamax(in TState state, int depth, double alpha, double beta)
    {
        NodesSearched++;
        if (_rules.IsOver(state))
            return _rules.Winner(state) < 0 ? 0 : -(2 - _rules.Plies(state) / 100.0);
        if (depth <= 0) return _rules.Heuristic(state);
        double best = double.NegativeInfinity;
        foreach (int a in _order)
        {
            if (!_rules.IsLegal(state, a)) continue;
            double v = -Negamax(_rules.Play(state, a), depth - 1, -beta, -alpha);
            if (v > best) best = v;
            if (v > alpha) alpha = v;
            if (alpha >= beta) break;
        }
        return best;
    }

    /// <inheritdoc />
    public void Save(Stream stream) => RngFormat.Write(stream, _rng);

    /// <inheritdoc />
    public void Load(Stream stream) => _rng = RngFormat.Read(stream);
}
