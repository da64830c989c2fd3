using RlGym.Agents.Search.Mcts;
using RlGym.Agents.Search.Minimax;
using RlGym.Core.MultiAgent;
using RlGym.Core.Random;

namespace RlGym.Agents.Search.AlphaZero;

/// <summary>
/// An AlphaZero-style learner, as lecture 1 tells AlphaGo Zero, at the size of tic-tac-toe and Connect Four: a policy
/// network π(a|s;θ) and a value network v(s;w) guide a PUCT tree search (<see cref="PuctSearch{TState,TRules}"/>);
/// the search plays games against itself; π learns toward the search's visit counts and v toward the games' results.
/// With <see cref="AlphaZeroOptions.BcGames"/> &gt; 0 it first takes AlphaGo's path: behaviour cloning, π trained as a
/// classifier on a demonstrator's moves (and v on those games' results), before self-play.
/// <code>
/// self-play game:  at each position s_t run the search: with probability FullSearchFraction a full one (Simulations,
///                  root noise) whose position is kept, else a fast one (FastSimulations, no noise) only to move on
///                  (playout cap randomisation); π_t(a) = n(a) / Σ_b n(b), q_t = Σ_a π_t(a) Q(a)
///                  play a ~ π_t for the first TemperatureMoves moves, then argmax_a n(a)
///                  z_t = +1 if the player to move at s_t won, −1 if it lost, 0 for a draw
///                  keep (s_t, π_t, (1 − λ) z_t + λ q_t) and its mirror image (the boards are symmetric left–right)
///                  (ParallelGames P &gt; 1: P games at once, each on its own thread against a copy of θ and w taken
///                  before them; their positions are kept and learned in game order)
/// training:        every PositionsPerUpdate stored positions, one Adam step on a random batch of B:
///                  θ ← θ − β ∇θ (−(1/B) Σ π_t · ln π(·|s_t;θ))        (cross-entropy toward the visit counts)
///                  w ← w − α ∇w ((1/B) Σ (v(s_t;w) − z_t)²)            (regression toward the kept target)
/// behaviour cloning: the same steps with π_t one-hot on the demonstrator's move (AlphaGo's first stage)
/// play:            the search without noise; the most visited move
/// </code>
/// </summary>
public sealed class AlphaZeroPlayer<TState, TRules> : ISelfPlayLearner<TState>, ISearchStatistics
    where TState : struct where TRules : struct, IGameRules<TState>
{
    private readonly TRules _rules;
    private readonly PolicyValueNetworks _nets;
    private readonly PuctSearch<TState, TRules> _search;
    private readonly PositionBuffer _buffer;
    private readonly float[] _mirrorFeatures;
    private readonly float[] _mirrorPolicy;
    private readonly int[] _batch;
    private readonly GameInPlay _own;
    private readonly GameInPlay[] _parallel;
    private readonly Rng[] _parallelRngs;
    private readonly long _seed;
    private Rng _rng;
    private long _positionsSinceUpdate;

    /// <summary>Creates the learner with fresh networks.</summary>
    public AlphaZeroPlayer(TRules rules, AlphaZeroOptions options, long seed)
    {
        if (options.BcDemonstrator is not ("mcts" or "minimax"))
            throw new Core.Errors.UserInputException($"setting bc_demonstrator={options.BcDemonstrator} is not allowed; use mcts or minimax");
        _rules = rules;
        Options = options;
        _seed = seed;
        _rng = new Rng(seed);
        int features = rules.FeatureCount();
        _nets = new PolicyValueNetworks(features, rules.ActionCount, options.HiddenSizes, options.LearningRate, _rng.Spawn());
        _search = new PuctSearch<TState, TRules>(rules, _nets);
        _buffer = new PositionBuffer(options.BufferSize, features, rules.ActionCount);
        _mirrorFeatures = new float[features];
        _mirrorPolicy = new float[rules.ActionCount];
        _batch = new int[options.BatchSize];
        _own = new GameInPlay(rules, _search, _nets);
        _parallel = new GameInPlay[options.ParallelGames > 1 ? options.ParallelGames : 0];
        for (int i = 0; i < _parallel.Length; i++)
        {
            var copy = _nets.InferenceCopy();
            _parallel[i] = new GameInPlay(rules, new PuctSearch<TState, TRules>(rules, copy), copy);
        }
        _parallelRngs = new Rng[_parallel.Length];
    }

    /// <summary>The settings.</summary>
    public AlphaZeroOptions Options { get; }

    /// <inheritdoc />
    public string Name => "alphazero";

    /// <summary>The networks.</summary>
    public PolicyValueNetworks Networks => _nets;

    /// <summary>Positions in the training buffer.</summary>
    public int BufferedPositions => _buffer.Count;

    /// <inheritdoc />
    public int DemonstrationGames => Options.BcGames;

    /// <inheritdoc />
    public ReadOnlySpan<int> RootVisits => _search.RootVisits;

    /// <inheritdoc />
    public ReadOnlySpan<double> RootValues => _search.RootValues;

    /// <inheritdoc />
    public int ChooseAction(in TState state)
    {
        if (_rules.IsOver(state)) throw new InvalidOperationException("The game is over; there is no move to choose.");
        _search.Run(state, Options.Simulations, Options.CPuct, _rng, 0, 0);
        return MostVisited(_search);
    }

    /// <inheritdoc />
    public int ParallelGames => Options.ParallelGames;

    /// <inheritdoc />
    public SelfPlayGameResult PlaySelfPlayGame() => PlaySelfPlayGames(1)[0];

    /// <inheritdoc />
    public IReadOnlyList<SelfPlayGameResult> PlaySelfPlayGames(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, ParallelGames);
        if (_parallel.Length == 0)
        {
            PlayGame(_own, _rng);
            return [StoreGameAndTrain(_own)];
        }
        // Each game gets its own generator, drawn in game order, and plays against a copy of the networks as they are
        // now; its positions are learned in game order once every game has ended, whichever thread finished first.
        for (int i = 0; i < count; i++)
        {
            _parallel[i].Networks.CopyWeightsFrom(_nets);
            _parallelRngs[i] = _rng.Spawn();
        }
        // One game runs on this thread: Parallel.For's caller takes part in the loop.
        Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = count }, i => PlayGame(_parallel[i], _parallelRngs[i]));
        var results = new SelfPlayGameResult[count];
        for (int i = 0; i < count; i++) results[i] = StoreGameAndTrain(_parallel[i]);
        return results;
    }

    /// <summary>One self-play game from the initial position; the positions searched in full are kept in <paramref name="game"/>.</summary>
    private void PlayGame(GameInPlay game, Rng rng)
    {
        game.Clear();
        var search = game.Search;
        var s = _rules.Initial;
        while (!_rules.IsOver(s))
        {
            bool full = Options.FullSearchFraction >= 1 || rng.NextDouble() < Options.FullSearchFraction;
            if (full) search.Run(s, Options.Simulations, Options.CPuct, rng, Options.NoiseFraction, Options.DirichletAlpha);
            else search.Run(s, Options.FastSimulations, Options.CPuct, rng, 0, 0);
            double total = 0, q = 0;
            for (int a = 0; a < game.Policy.Length; a++)
            {
                int n = search.RootVisits[a];
                total += n;
                if (n > 0) q += n * search.RootValues[a];
            }
            if (full)
            {
                for (int a = 0; a < game.Policy.Length; a++) game.Policy[a] = (float)(search.RootVisits[a] / total);
                _rules.Encode(s, game.Features);
                game.Keep(_rules.ToMove(s), (float)(q / total));
            }
            int action = game.Moves < Options.TemperatureMoves ? SampleVisited(search, total, rng) : MostVisited(search);
            s = _rules.Play(s, action);
            game.Moves++;
        }
        game.Winner = _rules.Winner(s);
    }

    /// <inheritdoc />
    public DemonstrationResult LearnFromDemonstrations(CancellationToken cancellationToken = default)
    {
        IGamePlayer<TState> demonstrator = Options.BcDemonstrator == "minimax"
            ? new MinimaxPlayer<TState, TRules>(_rules, new MinimaxOptions { Depth = Options.BcStrength }, _rng.Spawn().NextInt(int.MaxValue))
            : new MctsPlayer<TState, TRules>(_rules, new MctsOptions { Simulations = Options.BcStrength }, _rng.Spawn().NextInt(int.MaxValue));
        var demonstrations = new PositionBuffer(Options.BcGames * (2 * _rules.Rows * _rules.Columns + 2), _rules.FeatureCount(), _rules.ActionCount);
        var random = new RandomPlayer<TState, TRules>(_rules, _rng.NextInt(int.MaxValue));
        var game = _own;
        for (int g = 0; g < Options.BcGames; g++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            game.Clear();
            var s = _rules.Initial;
            // A random opening move or two varies the games; those moves are not demonstrations.
            int openings = g % 3;
            for (int k = 0; k < openings && !_rules.IsOver(s); k++) s = _rules.Play(s, random.ChooseAction(s));
            while (!_rules.IsOver(s))
            {
                int action = demonstrator.ChooseAction(s);
                Array.Clear(game.Policy);
                game.Policy[action] = 1;
                _rules.Encode(s, game.Features);
                game.Keep(_rules.ToMove(s), 0);
                s = _rules.Play(s, action);
            }
            game.Winner = _rules.Winner(s);
            CopyGame(game, demonstrations, valueMix: 0);
        }

        int steps = Math.Max(1, Options.BcEpochs * demonstrations.Count / Options.BatchSize);
        double policyLoss = double.NaN, valueLoss = double.NaN;
        for (int step = 0; step < steps; step++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            (policyLoss, valueLoss) = TrainStep(demonstrations);
        }
        // The demonstrations also seed the self-play buffer, so the first updates of self-play do not forget them at once.
        for (int i = 0; i < demonstrations.Count; i++) _buffer.Add(demonstrations.Features(i), demonstrations.Policy(i), demonstrations.Value(i));
        return new DemonstrationResult(Options.BcGames, demonstrations.Count, policyLoss, valueLoss, Accuracy(demonstrations));
    }

    private SelfPlayGameResult StoreGameAndTrain(GameInPlay game)
    {
        long stored = CopyGame(game, _buffer, Options.ValueTargetMix);
        _positionsSinceUpdate += stored;
        double policyLoss = double.NaN, valueLoss = double.NaN;
        while (_positionsSinceUpdate >= Options.PositionsPerUpdate && _buffer.Count >= Options.BatchSize)
        {
            _positionsSinceUpdate -= Options.PositionsPerUpdate;
            (policyLoss, valueLoss) = TrainStep(_buffer);
        }
        return new SelfPlayGameResult(game.Moves, game.Winner, policyLoss, valueLoss);
    }

    /// <summary>Adds the game's kept positions, with (1 − λ) z + λ q for the player to move at each, and their mirror images.</summary>
    private int CopyGame(GameInPlay game, PositionBuffer into, double valueMix)
    {
        int stored = 0;
        var positions = game.Positions;
        foreach (var (index, player) in game.Kept)
        {
            float z = game.Winner < 0 ? 0 : game.Winner == player ? 1 : -1;
            z = (float)((1 - valueMix) * z + valueMix * positions.Value(index));
            into.Add(positions.Features(index), positions.Policy(index), z);
            Mirror(positions.Features(index), positions.Policy(index));
            into.Add(_mirrorFeatures, _mirrorPolicy, z);
            stored += 2;
        }
        return stored;
    }

    private (double, double) TrainStep(PositionBuffer buffer)
    {
        for (int i = 0; i < _batch.Length; i++) _batch[i] = _rng.NextInt(buffer.Count);
        return _nets.Train(buffer, _batch);
    }

    private double Accuracy(PositionBuffer buffer)
    {
        int hits = 0;
        Span<double> priors = stackalloc double[_rules.ActionCount];
        for (int i = 0; i < buffer.Count; i++)
        {
            _nets.Evaluate(buffer.Features(i), ulong.MaxValue >> (64 - _rules.ActionCount), priors);
            int best = 0;
            for (int a = 1; a < priors.Length; a++) if (priors[a] > priors[best]) best = a;
            if (buffer.Policy(i)[best] > 0.5f) hits++;
        }
        return buffer.Count == 0 ? double.NaN : (double)hits / buffer.Count;
    }

    /// <summary>The left–right mirror image of a position and its policy target.</summary>
    private void Mirror(ReadOnlySpan<float> features, ReadOnlySpan<float> policy)
    {
        int rows = _rules.Rows, columns = _rules.Columns;
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < columns; c++)
            {
                int from = 2 * (r * columns + c), to = 2 * (r * columns + columns - 1 - c);
                _mirrorFeatures[to] = features[from];
                _mirrorFeatures[to + 1] = features[from + 1];
            }
        // Actions are either columns (Connect Four) or cells (tic-tac-toe).
        for (int a = 0; a < policy.Length; a++)
        {
            int mirrored = policy.Length == columns ? columns - 1 - a : a / columns * columns + columns - 1 - a % columns;
            _mirrorPolicy[mirrored] = policy[a];
        }
    }

    private static int MostVisited(PuctSearch<TState, TRules> search)
    {
        var visits = search.RootVisits;
        int best = -1, bestVisits = -1;
        for (int a = 0; a < visits.Length; a++)
            if (visits[a] > bestVisits) (best, bestVisits) = (a, visits[a]);
        return best;
    }

    private static int SampleVisited(PuctSearch<TState, TRules> search, double total, Rng rng)
    {
        double u = rng.NextDouble() * total;
        var visits = search.RootVisits;
        int last = -1;
        for (int a = 0; a < visits.Length; a++)
        {
            if (visits[a] == 0) continue;
            last = a;
            u -= visits[a];
            if (u < 0) return a;
        }
        return last;
    }

    /// <inheritdoc />
    public void Save(Stream stream)
    {
        using (var w = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            w.Write("alphazero/1");
            RngFormat.Write(w, _rng);
            w.Write(_positionsSinceUpdate);
            _buffer.Save(w);
        }
        _nets.Save(stream);
    }

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        using (var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            string format = r.ReadString();
            if (format != "alphazero/1") throw new InvalidDataException($"This is not a saved alphazero player ({format}).");
            _rng = RngFormat.Read(r);
            _positionsSinceUpdate = r.ReadInt64();
            _buffer.Load(r);
        }
        _nets.Load(stream);
    }

    /// <inheritdoc />
    public override string ToString() => $"alphazero (seed {_seed})";

    /// <summary>
    /// One game's working state: the search that plays it (over the learner's networks, or over a copy of them when
    /// games run in parallel), the positions it keeps for training and the player to move at each.
    /// </summary>
    private sealed class GameInPlay(TRules rules, PuctSearch<TState, TRules> search, PolicyValueNetworks networks)
    {
        private readonly List<(int Start, int Player)> _kept = [];

        public PuctSearch<TState, TRules> Search { get; } = search;

        public PolicyValueNetworks Networks { get; } = networks;

        public PositionBuffer Positions { get; } = new(2 * rules.Rows * rules.Columns + 2, rules.FeatureCount(), rules.ActionCount);

        /// <summary>The position being kept, written before <see cref="Keep"/>.</summary>
        public float[] Features { get; } = new float[rules.FeatureCount()];

        /// <summary>Its policy target, written before <see cref="Keep"/>.</summary>
        public float[] Policy { get; } = new float[rules.ActionCount];

        public IReadOnlyList<(int Start, int Player)> Kept => _kept;

        public int Moves { get; set; }

        public int Winner { get; set; }

        public void Keep(int player, float value)
        {
            _kept.Add((Positions.Count, player));
            Positions.Add(Features, Policy, value);
        }

        public void Clear()
        {
            Positions.Clear();
            _kept.Clear();
            Moves = 0;
            Winner = -1;
        }
    }
}
