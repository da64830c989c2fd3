using System.Numerics;
using RlGym.Core.MultiAgent;
using RlGym.Core.Random;

namespace RlGym.Agents.Search.Mcts;

/// <summary>
/// Monte Carlo tree search with UCT, as lecture 1 tells it for AlphaGo but with a random rollout in place of the
/// networks. Each simulation:
/// <code>
/// selection   from the root, while the node has no untried move, go to the child maximising
///             Q(a) + c √(ln N / n(a)),  Q(a) = W(a) / n(a) for the player choosing, N the parent's visits
/// expansion   add one untried move, chosen at random
/// rollout     play uniformly random moves to the end; z = 1 win, ½ draw, 0 loss (with TacticalRollouts, the
///             default, a rollout move that wins at once is taken, and one that stops the opponent winning at once)
/// backup      every node on the path: n ← n + 1, W ← W + z for the player who moved into it
/// </code>
/// and the move played is argmax_a n(a). With <see cref="MctsOptions.Solver"/> (off by default) the search also proves
/// results, as MCTS-Solver (Winands, Björnsson and Saito, 2008) does: a node whose mover has just won is a proven win;
/// a node with a child that is a proven win for the player to move is a proven loss for whoever moved into it; a fully
/// expanded node whose children are all proven losses for the player to move is a proven win. Selection then takes a
/// proven win at once and skips proven losses, and so does the final choice, which keeps random rollouts from hiding a
/// forced line. The tree lives in arrays allocated once and reused for every move, so a
/// search allocates nothing; search is generic over the rules so the JIT specialises it for each game.
/// </summary>
public sealed class MctsPlayer<TState, TRules> : IGamePlayer<TState>, ISearchStatistics
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private readonly TRules _rules;
    private readonly int[] _rootVisits;
    private readonly double[] _rootValues;
    private TState[] _state = [];
    private int[] _parent = [];
    private int[] _firstChild = [];
    private int[] _nextSibling = [];
    private int[] _action = [];
    private int[] _visits = [];
    private double[] _wins = [];
    private ulong[] _untried = [];
    private sbyte[] _proven = [];
    private int _count;
    private const sbyte Unknown = 0, Win = 1, Loss = -1;
    private Rng _rng;

    /// <summary>Creates the player.</summary>
    public MctsPlayer(TRules rules, MctsOptions options, long seed)
    {
        if (rules.ActionCount > 64) throw new ArgumentException("MCTS keeps untried moves in a 64-bit mask; the game has more actions.", nameof(rules));
        _rules = rules;
        Options = options;
        _rng = new Rng(seed);
        _rootVisits = new int[rules.ActionCount];
        _rootValues = new double[rules.ActionCount];
        Grow(options.Simulations + 1);
    }

    /// <summary>The settings.</summary>
    public MctsOptions Options { get; }

    /// <inheritdoc />
    public string Name => "mcts";

    /// <inheritdoc />
    public ReadOnlySpan<int> RootVisits => _rootVisits;

    /// <inheritdoc />
    public ReadOnlySpan<double> RootValues => _rootValues;

    /// <inheritdoc />
    public int ChooseAction(in TState state)
    {
        if (_rules.IsOver(state)) throw new InvalidOperationException("The game is over; there is no move to choose.");
        Search(state, Options.Simulations);
        int best = -1, bestVisits = -1;
        bool bestLoses = true;
        for (int child = _firstChild[0]; child >= 0; child = _nextSibling[child])
        {
            if (_proven[child] == Win) return _action[child];
            bool loses = _proven[child] == Loss;
            if ((bestLoses && !loses) || (loses == bestLoses && _visits[child] > bestVisits))
                (best, bestVisits, bestLoses) = (_action[child], _visits[child], loses);
        }
        return best;
    }

    /// <summary>Runs <paramref name="simulations"/> simulations from <paramref name="root"/> and fills the root statistics.</summary>
    public void Search(in TState root, int simulations)
    {
        if (_state.Length < simulations + 1) Grow(simulations + 1);
        _count = 0;
        NewNode(root, -1, -1);
        double c = Options.C;
        bool solver = Options.Solver;
        bool tactical = Options.TacticalRollouts;
        Span<int> legal = stackalloc int[_rules.ActionCount];
        for (int sim = 0; sim < simulations; sim++)
        {
            // Selection: descend through fully expanded nodes by the UCT score.
            int node = 0;
            while (_untried[node] == 0 && _firstChild[node] >= 0)
            {
                double logN = Math.Log(_visits[node]);
                int best = -1;
                double bestScore = double.NegativeInfinity;
                for (int child = _firstChild[node]; child >= 0; child = _nextSibling[child])
                {
                    int n = _visits[child];
                    double score = _wins[child] / n + c * Math.Sqrt(logN / n);
                    if (solver)
                    {
                        if (_proven[child] == Win) { best = child; break; }
                        // A proven loss is chosen only when every move loses.
                        if (_proven[child] == Loss) score -= 1e9;
                    }
                    if (score > bestScore) (best, bestScore) = (child, score);
                }
                node = best;
            }

            // Expansion: one untried move, at random.
            if (_untried[node] != 0)
            {
                ulong untried = _untried[node];
                int pick = _rng.NextInt(BitOperations.PopCount(untried));
                for (int k = 0; k < pick; k++) untried &= untried - 1;
                int action = BitOperations.TrailingZeroCount(untried);
                _untried[node] &= ~(1UL << action);
                node = NewNode(_rules.Play(_state[node], action), node, action);
            }

            // Rollout: random moves to the end.
            var s = _state[node];
            while (!_rules.IsOver(s))
            {
                int n = _rules.LegalActions(s, legal);
                s = _rules.Play(s, tactical ? TacticalMove(s, legal[..n]) : legal[_rng.NextInt(n)]);
            }
            int winner = _rules.Winner(s);
            if (solver) Prove(node);

            // Backup: each node scores the result for the player who moved into it.
            for (; node >= 0; node = _parent[node])
            {
                _visits[node]++;
                int mover = 1 - _rules.ToMove(_state[node]);
                _wins[node] += winner < 0 ? 0.5 : winner == mover ? 1.0 : 0.0;
            }
        }

        Array.Clear(_rootVisits);
        _rootValues.AsSpan().Fill(double.NaN);
        for (int child = _firstChild[0]; child >= 0; child = _nextSibling[child])
        {
            _rootVisits[_action[child]] = _visits[child];
            _rootValues[_action[child]] = 2 * _wins[child] / _visits[child] - 1;
        }
    }

    /// <summary>A win if there is one, else a block of the opponent's win, else a random legal move.</summary>
    private int TacticalMove(in TState s, ReadOnlySpan<int> legal)
    {
        int mover = _rules.ToMove(s);
        foreach (int a in legal)
            if (_rules.Completes(s, a, mover)) return a;
        foreach (int a in legal)
            if (_rules.Completes(s, a, 1 - mover)) return a;
        return legal[_rng.NextInt(legal.Length)];
    }

    /// <summary>Propagates proven results from <paramref name="node"/> toward the root while they change something.</summary>
    private void Prove(int node)
    {
        for (; node > 0; node = _parent[node])
        {
            int parent = _parent[node];
            if (_proven[parent] != Unknown) return;
            if (_proven[node] == Win) _proven[parent] = Loss;
            else if (_proven[node] == Loss && _untried[parent] == 0)
            {
                for (int child = _firstChild[parent]; child >= 0; child = _nextSibling[child])
                    if (_proven[child] != Loss) return;
                _proven[parent] = Win;
            }
            else return;
        }
    }

    private int NewNode(in TState state, int parent, int action)
    {
        int i = _count++;
        _state[i] = state;
        _parent[i] = parent;
        _action[i] = action;
        _firstChild[i] = -1;
        _visits[i] = 0;
        _wins[i] = 0;
        ulong mask = 0;
        if (!_rules.IsOver(state))
            for (int a = 0; a < _rules.ActionCount; a++)
                if (_rules.IsLegal(state, a)) mask |= 1UL << a;
        _untried[i] = mask;
        // The player who moved into a finished game with a winner has won it.
        _proven[i] = _rules.Winner(state) >= 0 ? Win : Unknown;
        if (parent >= 0)
        {
            _nextSibling[i] = _firstChild[parent];
            _firstChild[parent] = i;
        }
        else _nextSibling[i] = -1;
        return i;
    }

    private void Grow(int capacity)
    {
        _state = new TState[capacity];
        _parent = new int[capacity];
        _firstChild = new int[capacity];
        _nextSibling = new int[capacity];
        _action = new int[capacity];
        _visits = new int[capacity];
        _wins = new double[capacity];
        _untried = new ulong[capacity];
        _proven = new sbyte[capacity];
    }

    /// <inheritdoc />
    public void Save(Stream stream) => RngFormat.Write(stream, _rng);

    /// <inheritdoc />
    public void Load(Stream stream) => _rng = RngFormat.Read(stream);
}
