using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Core.Settings;
using RlGym.Neural;
using RlGym.Neural.Layers;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;
using RlGym.Neural.Persistence;

namespace RlGym.Agents.ValueBased;

/// <summary>
/// Deep Q-network trained by TD (lecture 1) with the refinements of lectures 2 and 3 as switches of
/// <see cref="DqnOptions"/>: experience replay (always on; uniform, proportional or rank-prioritized), a target
/// network (hard copy or soft update), double DQN, a dueling head and multi-step targets. Reads top to bottom:
/// construction, acting (ε-greedy), observing (n-step accumulator → replay buffer → training rounds), one gradient
/// step, saving. Everything a step touches is allocated in the constructor (the K-row acting batch on the first
/// batch), so acting and training do not allocate.
/// </summary>
/// <remarks>
/// With K environment copies the trainer hands the K observations to one batched forward pass and each copy's
/// transitions go through that copy's own m-step accumulator into the one replay buffer. <see cref="Steps"/> counts
/// the transitions of all copies, and learning_starts, train_frequency, the target update interval and the ε and β
/// schedules count those steps, so K = 1 learns exactly as a single environment and larger K spends the same
/// gradient steps per environment step.
/// <para>
/// Save writes the online and target weights, Adam's state, the generator, the counters, the replay buffer (with its
/// priorities) and every copy's pending m-step window, so a run saved at any step continues exactly.
/// </para>
/// </remarks>
public sealed class DqnAgent : IAgent<float[], int>, IActionValues<float[]>, IExploring
{
    /// <summary>The command-line name of plain DQN.</summary>
    public const string AgentName = "dqn";

    private readonly Rng _rng;
    private readonly Sequential _q;
    private readonly Sequential _target;
    private readonly Adam _optimizer;
    private readonly RegressionLoss _loss;
    private readonly ReplayBuffer _buffer;
    private readonly IReplaySampling _sampling;
    private readonly List<NStepAccumulator> _nStep = []; // one per environment copy
    private readonly double[] _gammaPowers;
    private readonly int _trainingThreshold;

    // One preallocated minibatch.
    private readonly Matrix<double> _states;
    private readonly Matrix<double> _nextStates;
    private readonly int[] _indices;
    private readonly int[] _actions;
    private readonly double[] _weights;
    private readonly double[] _targets;
    private readonly double[] _tdErrors;
    private Matrix<double>? _actingBatch;

    /// <summary>Creates the agent for observations of width <paramref name="observationSize"/> and <paramref name="actionCount"/> actions.</summary>
    public DqnAgent(int observationSize, int actionCount, DqnOptions options, long seed, string name = AgentName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(observationSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(actionCount, 1);
        Options = options;
        Name = name;
        ObservationSize = observationSize;
        ActionCount = actionCount;
        _rng = new Rng(seed);

        // Q(s, ·; w): an MLP with |A| outputs, or with 1 + |A| outputs (V and A streams) aggregated by the dueling step.
        int[] sizes = [observationSize, .. options.HiddenSizes, options.Dueling ? actionCount + 1 : actionCount];
        var mlp = Mlp.Create(sizes, Activation.ReLU, _rng, WeightInit.PyTorchDefault);
        _q = options.Dueling ? new Sequential(observationSize, [.. mlp.Layers, new DuelingAggregation()]) : mlp;
        _target = _q.Clone();
        _optimizer = new Adam(_q.Parameters, AlphaSchedule(options))
        {
            MaxGradNorm = options.MaxGradNorm > 0 ? options.MaxGradNorm : null,
        };
        _loss = options.Loss == TdLoss.Huber ? new HuberLoss() : new MseLoss();

        _buffer = new ReplayBuffer(options.BufferSize, observationSize);
        _sampling = options.Prioritized switch
        {
            PrioritizationKind.Proportional => new ProportionalSampling(options.BufferSize, options.PriorityAlpha, options.PriorityEpsilon),
            PrioritizationKind.Rank => new RankSampling(options.BufferSize, options.PriorityAlpha, options.PriorityEpsilon),
            _ => new UniformSampling(),
        };
        _gammaPowers = new double[options.N + 1];
        for (int k = 0; k <= options.N; k++) _gammaPowers[k] = Math.Pow(options.Gamma, k);
        _trainingThreshold = Math.Max(options.BatchSize, Math.Min(options.LearningStarts, options.BufferSize));

        int b = options.BatchSize;
        _states = Matrix<double>.Build.Dense(b, observationSize);
        _nextStates = Matrix<double>.Build.Dense(b, observationSize);
        _indices = new int[b];
        _actions = new int[b];
        _weights = new double[b];
        _targets = new double[b];
        _tdErrors = new double[b];
    }

    /// <summary>
    /// α from alpha to alpha · alpha_end_fraction over the gradient steps that total_steps plans: one round of
    /// gradient_steps every train_frequency steps after learning_starts. It counts Adam's steps, which Save keeps.
    /// </summary>
    private static LearningRateSchedule AlphaSchedule(DqnOptions options)
    {
        if (options.AlphaEndFraction == 1) return LearningRateSchedule.Constant(options.Alpha);
        long rounds = Math.Max(1, options.TotalSteps / options.TrainFrequency - options.LearningStarts / options.TrainFrequency);
        long steps = rounds > long.MaxValue / options.GradientSteps ? long.MaxValue : rounds * options.GradientSteps;
        return LearningRateSchedule.Linear(options.Alpha, options.Alpha * options.AlphaEndFraction, steps);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The hyperparameters.</summary>
    public DqnOptions Options { get; }

    /// <summary>Width of an observation.</summary>
    public int ObservationSize { get; }

    /// <inheritdoc/>
    public int ActionCount { get; }

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.ActionValues;

    /// <summary>The online network Q(s, ·; w).</summary>
    public Sequential QNetwork => _q;

    /// <summary>The target network Q(s, ·; w⁻).</summary>
    public Sequential TargetNetwork => _target;

    /// <summary>The replay buffer.</summary>
    public ReplayBuffer Buffer => _buffer;

    /// <summary>How minibatches are drawn.</summary>
    public IReplaySampling Sampling => _sampling;

    /// <summary>Environment steps observed.</summary>
    public long Steps { get; private set; }

    /// <summary>Gradient steps taken.</summary>
    public long Updates { get; private set; }

    /// <summary>The TD loss of the last gradient step.</summary>
    public double LastLoss { get; private set; } = double.NaN;

    /// <summary>
    /// ε now: linear from epsilon to epsilon_end over exploration_fraction · total_steps, then constant (CleanRL's
    /// <c>linear_schedule</c>).
    /// </summary>
    public double Epsilon
    {
        get
        {
            double duration = Options.ExplorationFraction * Options.TotalSteps;
            double progress = duration <= 0 ? 1 : Math.Min(1, Steps / duration);
            return Options.Epsilon + (Options.EpsilonEnd - Options.Epsilon) * progress;
        }
    }

    /// <inheritdoc/>
    public double ExplorationRate => Epsilon;

    /// <summary>α the next gradient step will use (falling linearly when alpha_end_fraction is below 1).</summary>
    public double LearningRate => _optimizer.LearningRate;

    /// <summary>β of the importance weights now: annealed linearly from priority_beta to 1 over total_steps.</summary>
    public double Beta => Options.PriorityBeta + (1 - Options.PriorityBeta) * Math.Min(1, (double)Steps / Options.TotalSteps);

    /// <summary>ε-greedy: with probability ε a uniform action, otherwise argmax_a Q(s, a; w).</summary>
    public int Act(float[] observation, bool explore)
    {
        if (explore && _rng.NextDouble() < Epsilon) return _rng.NextInt(ActionCount);
        var q = _q.Predict((ReadOnlySpan<float>)observation);
        int best = 0;
        for (int a = 1; a < q.Length; a++)
            if (q[a] > q[best]) best = a;
        return best;
    }

    /// <summary>ε-greedy for every copy, with Q(s, ·; w) of all K observations from one forward pass.</summary>
    public void Act(ReadOnlySpan<float[]> observations, Span<int> actions)
    {
        int k = observations.Length;
        if (_actingBatch is null || _actingBatch.RowCount != k) _actingBatch = Matrix<double>.Build.Dense(k, ObservationSize);
        for (int i = 0; i < k; i++) _actingBatch.CopyRowFrom(i, observations[i]);
        ReadOnlySpan<double> q = _q.Predict(_actingBatch).AsColumnMajorArray();
        double epsilon = Epsilon;
        for (int i = 0; i < k; i++)
        {
            if (_rng.NextDouble() < epsilon)
            {
                actions[i] = _rng.NextInt(ActionCount);
                continue;
            }
            int best = 0;
            for (int a = 1; a < ActionCount; a++)
                if (q[a * k + i] > q[best * k + i]) best = a;
            actions[i] = best;
        }
    }

    /// <inheritdoc/>
    public void ActionValues(float[] observation, Span<double> values) => _q.Predict((ReadOnlySpan<float>)observation).CopyTo(values);

    /// <summary>
    /// Stores the transition (through its copy's m-step accumulator), then every train_frequency steps takes
    /// gradient_steps gradient steps, and every target_update_interval steps copies w⁻ ← w when the target update is hard.
    /// </summary>
    public void Observe(in Transition<float[], int> transition)
    {
        while (_nStep.Count <= transition.Copy) _nStep.Add(new NStepAccumulator(Options.N, Options.Gamma, _buffer, _sampling));
        _nStep[transition.Copy].Add(transition.Observation, transition.Action, transition.Reward, transition.NextObservation,
            transition.Terminated, transition.Truncated);
        Steps++;
        if (Steps <= Options.LearningStarts || _buffer.Count < _trainingThreshold) return;
        if (Steps % Options.TrainFrequency == 0)
            for (int g = 0; g < Options.GradientSteps; g++) TrainStep();
        // w⁻ ← w
        if (Options.TargetUpdate == TargetUpdateKind.Hard && Steps % Options.TargetUpdateInterval == 0) _target.CopyFrom(_q);
    }

    /// <summary>One gradient step on a minibatch drawn from the replay buffer.</summary>
    public void TrainStep()
    {
        int batch = _indices.Length;
        _sampling.Sample(_rng, _buffer.Count, Beta, _indices, _weights);
        for (int k = 0; k < batch; k++)
        {
            int i = _indices[k];
            _states.CopyRowFrom(k, _buffer.Observation(i));
            _nextStates.CopyRowFrom(k, _buffer.NextObservation(i));
            _actions[k] = _buffer.Actions[i];
        }

        // DQN:        y_t = Σ_{i<m} γ^i r_{t+i} + γ^m max_a Q(s_{t+m}, a; w⁻)          (m = 1: y_t = r_t + γ max_a Q(s_{t+1}, a; w⁻))
        // Double DQN: a* = argmax_a Q(s_{t+m}, a; w),  y_t = Σ_{i<m} γ^i r_{t+i} + γ^m Q(s_{t+m}, a*; w⁻)
        // A terminal s_{t+m} has value 0, so y_t is the reward sum alone.
        ReadOnlySpan<double> nextTarget = _target.Predict(_nextStates).AsColumnMajorArray();
        ReadOnlySpan<double> nextOnline = Options.Double ? _q.Predict(_nextStates).AsColumnMajorArray() : nextTarget;
        for (int k = 0; k < batch; k++)
        {
            int i = _indices[k];
            double y = _buffer.Rewards[i];
            if (!_buffer.Terminated[i])
            {
                int best = 0;
                for (int a = 1; a < ActionCount; a++)
                    if (nextOnline[a * batch + k] > nextOnline[best * batch + k]) best = a;
                y += _gammaPowers[_buffer.Horizons[i]] * nextTarget[best * batch + k];
            }
            _targets[k] = y;
        }

        // δ_t = q_t − y_t with q_t = Q(s_t, a_t; w);  w ← w − α δ_t ∇_w Q(s_t, a_t; w)
        // (Adam in place of the plain step; Huber clips δ to [−1, 1]; prioritized replay scales each δ by (n P(i))^(−β)).
        _q.ZeroGrad();
        var q = _q.Forward(_states);
        ReadOnlySpan<double> qData = q.AsColumnMajorArray();
        for (int k = 0; k < batch; k++) _tdErrors[k] = qData[_actions[k] * batch + k] - _targets[k];
        ReadOnlySpan<double> weights = Options.Prioritized == PrioritizationKind.None ? default : _weights;
        LastLoss = _loss.Value(q, _actions, _targets, weights);
        _q.Backward(_loss.Gradient(q, _actions, _targets, weights));
        _optimizer.Step();
        Updates++;

        // Prioritized replay: p_i ← |δ_i| + ε for the transitions just used.
        _sampling.Update(_indices, _tdErrors);

        // w⁻ ← τ w + (1 − τ) w⁻
        if (Options.TargetUpdate == TargetUpdateKind.Soft) _target.SoftUpdateFrom(_q, Options.Tau);
    }

    /// <summary>
    /// Writes the counters, the generator, the online and target weights, Adam's state, the replay buffer with its
    /// priorities and every copy's pending m-step window (<see cref="AgentFile"/>).
    /// </summary>
    public void Save(Stream stream) =>
        AgentFile.Write(stream, Name, SettingsBinder.ToDictionary(Options), _rng, [Steps, Updates], [_q, _target], [_optimizer], WriteState);

    /// <summary>
    /// Restores what <see cref="Save"/> wrote; throws <see cref="Core.Errors.UserInputException"/> with one line naming
    /// the problem when the file is of another agent or shape, or damaged.
    /// </summary>
    public void Load(Stream stream)
    {
        Span<long> counters = stackalloc long[2];
        AgentFile.Read(stream, Name, _rng, counters, [_q, _target], [_optimizer], ReadState);
        (Steps, Updates) = (counters[0], counters[1]);
    }

    private void WriteState(BinaryWriter w)
    {
        w.Write(LastLoss);
        _buffer.Write(w);
        _sampling.Write(w, _buffer.Count);
        w.Write(_nStep.Count);
        foreach (var accumulator in _nStep) accumulator.Write(w);
    }

    private void ReadState(BinaryReader r)
    {
        double lastLoss = r.ReadDouble();
        _buffer.Read(r);
        _sampling.Read(r, _buffer.Count);
        int copies = r.ReadInt32();
        if (copies < 0 || copies > 1 << 20) throw new InvalidDataException($"The file is damaged: {copies} environment copies.");
        _nStep.Clear();
        for (int k = 0; k < copies; k++)
        {
            var accumulator = new NStepAccumulator(Options.N, Options.Gamma, _buffer, _sampling);
            accumulator.Read(r);
            _nStep.Add(accumulator);
        }
        LastLoss = lastLoss;
    }
}
