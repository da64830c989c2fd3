using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Layers;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.ValueBased;

/// <summary>
/// Deep Q-network trained by TD (lecture 1) with the refinements of lectures 2 and 3 as switches of
/// <see cref="DqnOptions"/>: experience replay (always on; uniform, proportional or rank-prioritized), a target
/// network (hard copy or soft update), double DQN, a dueling head and multi-step targets. Reads top to bottom:
/// construction, acting (ε-greedy), observing (n-step accumulator → replay buffer → training rounds), one gradient
/// step, saving. Everything a step touches is allocated in the constructor, so acting and training do not allocate.
/// </summary>
/// <remarks>
/// Save writes the online and target weights, Adam's state, the generator and the counters, not the replay buffer:
/// an agent loaded to resume training starts with an empty buffer and waits until it again holds learning_starts
/// transitions before its next gradient step (so a resumed run does not repeat the uninterrupted one exactly).
/// </remarks>
public sealed class DqnAgent : IAgent<float[], int>, IActionValues<float[]>, IExploring
{
    /// <summary>The command-line name of plain DQN.</summary>
    public const string AgentName = "dqn";

    private const uint Magic = 0x51444752; // "RGDQ" little-endian
    private const int Version = 1;

    private readonly Rng _rng;
    private readonly Sequential _q;
    private readonly Sequential _target;
    private readonly Adam _optimizer;
    private readonly RegressionLoss _loss;
    private readonly ReplayBuffer _buffer;
    private readonly IReplaySampling _sampling;
    private readonly NStepAccumulator _nStep;
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
        _optimizer = new Adam(_q.Parameters, options.Alpha)
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
        _nStep = new NStepAccumulator(options.N, options.Gamma, _buffer, _sampling);
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

    /// <inheritdoc/>
    public void ActionValues(float[] observation, Span<double> values) => _q.Predict((ReadOnlySpan<float>)observation).CopyTo(values);

    /// <summary>
    /// Stores the transition (through the m-step accumulator), then every train_frequency steps takes gradient_steps
    /// gradient steps, and every target_update_interval steps copies w⁻ ← w when the target update is hard.
    /// </summary>
    public void Observe(in Transition<float[], int> transition)
    {
        _nStep.Add(transition.Observation, transition.Action, transition.Reward, transition.NextObservation,
            transition.Terminated, transition.Truncated);
        Steps++;
        if (Steps <= Options.LearningStarts || _buffer.Count < _trainingThreshold) return;
        if (Steps % Options.TrainFrequency == 0)
            for (int g = 0; g < Options.GradientSteps; g++) TrainStep();
        // w⁻ ← w
        if (Options.TargetUpdate == TargetUpdateKind.Hard && Steps % Options.TargetUpdateInterval == 0) _target.CopyFrom(_q);
    }

    /// <inheritdoc/>
    public void EndEpisode()
    {
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

    /// <summary>Writes the counters, the generator, the online and target weights and Adam's state (not the replay buffer).</summary>
    public void Save(Stream stream)
    {
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(Version);
            writer.Write(Name);
            writer.Write(ObservationSize);
            writer.Write(ActionCount);
            writer.Write(Options.Dueling);
            writer.Write(Steps);
            writer.Write(Updates);
            var s = _rng.GetState();
            writer.Write(s.S0);
            writer.Write(s.S1);
            writer.Write(s.S2);
            writer.Write(s.S3);
            writer.Write(s.HasSpareGaussian);
            writer.Write(s.SpareGaussian);
        }
        _q.Save(stream);
        _target.Save(stream);
        _optimizer.Save(stream);
    }

    /// <summary>
    /// Restores what <see cref="Save"/> wrote; throws <see cref="InvalidDataException"/> naming the mismatch when the
    /// file is of another agent or shape. The replay buffer and pending m-step transitions restart empty.
    /// </summary>
    public void Load(Stream stream)
    {
        long steps, updates;
        RngState state;
        using (var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            uint magic;
            try { magic = reader.ReadUInt32(); }
            catch (EndOfStreamException) { throw new InvalidDataException("The stream ended before the DQN header."); }
            if (magic != Magic) throw new InvalidDataException($"This is not a saved DQN agent (magic 0x{magic:X8}, expected 0x{Magic:X8}).");
            int version = reader.ReadInt32();
            if (version != Version) throw new InvalidDataException($"Saved DQN agents use format version {version}; this build reads version {Version}.");
            string name = reader.ReadString();
            int d = reader.ReadInt32(), actions = reader.ReadInt32();
            bool dueling = reader.ReadBoolean();
            if (d != ObservationSize || actions != ActionCount || dueling != Options.Dueling)
                throw new InvalidDataException(
                    $"The saved {name} has observations of width {d}, {actions} actions{(dueling ? ", dueling" : "")}; this {Name} has width {ObservationSize}, {ActionCount} actions{(Options.Dueling ? ", dueling" : "")}.");
            steps = reader.ReadInt64();
            updates = reader.ReadInt64();
            state = new RngState(reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(), reader.ReadUInt64(),
                reader.ReadBoolean(), reader.ReadDouble());
        }
        _q.Load(stream);
        _target.Load(stream);
        _optimizer.Load(stream);
        _rng.SetState(state);
        Steps = steps;
        Updates = updates;
        _buffer.Clear();
        _sampling.Clear();
        _nStep.Clear();
    }
}
