using RlGym.Core.MultiAgent;
using RlGym.Core.Random;

namespace RlGym.Agents.Search.AlphaZero;

/// <summary>
/// AlphaGo Zero's tree search, guided by the networks instead of rollouts. Each simulation:
/// <code>
/// selection   from the root, go to the child maximising Q(a) + c P(a) √N / (1 + n(a))
///             (Q the mean value for the player choosing, 0 when unvisited; P the policy network's prior)
/// expansion   at a leaf, evaluate (P, v) = (π(·|s;θ), v(s;w)) and add every legal move with its prior
/// backup      the value, v for the player to move at the leaf (the exact result at the end of a game), is added
///             to every node on the path, its sign flipping at each level
/// </code>
/// In self-play the root's priors are mixed with Dirichlet noise, P ← (1 − ε) P + ε η. The tree lives in arrays
/// allocated once.
/// </summary>
internal sealed class PuctSearch<TState, TRules>
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private readonly TRules _rules;
    private readonly PolicyValueNetworks _nets;
    private readonly int _actions;
    private readonly float[] _features;
    private readonly double[] _priors;
    private readonly double[] _noise;
    private TState[] _state = [];
    private int[] _parent = [];
    private int[] _firstChild = [];
    private int[] _childCount = [];
    private int[] _action = [];
    private int[] _visits = [];
    private double[] _valueSum = [];
    private double[] _prior = [];
    private int _count;

    public PuctSearch(TRules rules, PolicyValueNetworks nets)
    {
        _rules = rules;
        _nets = nets;
        _actions = rules.ActionCount;
        _features = new float[nets.FeatureCount];
        _priors = new double[_actions];
        _noise = new double[_actions];
        RootVisits = new int[_actions];
        RootValues = new double[_actions];
    }

    /// <summary>Visits per action at the root after the last search.</summary>
    public int[] RootVisits { get; }

    /// <summary>Mean value per action at the root for the player to move (NaN unvisited).</summary>
    public double[] RootValues { get; }

    /// <summary>The value network's estimate of the root for the player to move.</summary>
    public double RootEstimate { get; private set; }

    public void Run(in TState root, int simulations, double cPuct, Rng rng, double noiseFraction, double dirichletAlpha)
    {
        int capacity = simulations * _actions + _actions + 2;
        if (_state.Length < capacity) Grow(capacity);
        _count = 1;
        _state[0] = root;
        _parent[0] = -1;
        _action[0] = -1;
        _visits[0] = 0;
        _valueSum[0] = 0;
        _firstChild[0] = -1;
        _childCount[0] = 0;
        RootEstimate = Expand(0);
        if (noiseFraction > 0 && _childCount[0] > 0)
        {
            var noise = _noise.AsSpan(0, _childCount[0]);
            Dirichlet.Sample(rng, dirichletAlpha, noise);
            for (int k = 0; k < noise.Length; k++)
            {
                int child = _firstChild[0] + k;
                _prior[child] = (1 - noiseFraction) * _prior[child] + noiseFraction * noise[k];
            }
        }

        for (int sim = 0; sim < simulations; sim++)
        {
            int node = 0;
            while (_childCount[node] > 0)
            {
                double sqrtN = Math.Sqrt(Math.Max(1, _visits[node]));
                int best = -1;
                double bestScore = double.NegativeInfinity;
                int first = _firstChild[node], end = first + _childCount[node];
                for (int child = first; child < end; child++)
                {
                    int n = _visits[child];
                    double q = n > 0 ? _valueSum[child] / n : 0;
                    double score = q + cPuct * _prior[child] * sqrtN / (1 + n);
                    if (score > bestScore) (best, bestScore) = (child, score);
                }
                node = best;
            }

            // The value of the leaf for the player who moved into it.
            double value;
            if (_rules.IsOver(_state[node]))
            {
                int winner = _rules.Winner(_state[node]);
                value = winner < 0 ? 0 : winner == 1 - _rules.ToMove(_state[node]) ? 1 : -1;
            }
            else value = -Expand(node);

            for (; node >= 0; node = _parent[node])
            {
                _visits[node]++;
                _valueSum[node] += value;
                value = -value;
            }
        }

        Array.Clear(RootVisits);
        RootValues.AsSpan().Fill(double.NaN);
        for (int child = _firstChild[0]; child < _firstChild[0] + _childCount[0]; child++)
        {
            RootVisits[_action[child]] = _visits[child];
            if (_visits[child] > 0) RootValues[_action[child]] = _valueSum[child] / _visits[child];
        }
    }

    /// <summary>Evaluates a leaf with the networks, adds its children, and returns v for the player to move there.</summary>
    private double Expand(int node)
    {
        ref readonly var s = ref _state[node];
        ulong legal = 0;
        for (int a = 0; a < _actions; a++)
            if (_rules.IsLegal(s, a)) legal |= 1UL << a;
        _rules.Encode(s, _features);
        double v = _nets.Evaluate(_features, legal, _priors);
        _firstChild[node] = _count;
        int children = 0;
        for (int a = 0; a < _actions; a++)
        {
            if ((legal >> a & 1) == 0) continue;
            int c = _count++;
            _state[c] = _rules.Play(s, a);
            _parent[c] = node;
            _action[c] = a;
            _prior[c] = _priors[a];
            _visits[c] = 0;
            _valueSum[c] = 0;
            _firstChild[c] = -1;
            _childCount[c] = 0;
            children++;
        }
        _childCount[node] = children;
        return v;
    }

    private void Grow(int capacity)
    {
        _state = new TState[capacity];
        _parent = new int[capacity];
        _firstChild = new int[capacity];
        _childCount = new int[capacity];
        _action = new int[capacity];
        _visits = new int[capacity];
        _valueSum = new double[capacity];
        _prior = new double[capacity];
    }
}
