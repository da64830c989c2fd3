using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Proximal policy optimisation with the clipped objective (Schulman et al. 2017), as CleanRL's ppo.py and
/// ppo_continuous_action.py write it: rollouts of num_steps transitions per copy from the K copies, GAE(λ) advantages,
/// update_epochs passes of shuffled minibatches, advantage normalisation, an entropy bonus, the value loss clipped like
/// the ratio, one Adam over both networks with the gradient norm clipped. Discrete actions use a categorical head,
/// Box actions a diagonal Gaussian with a learned state-independent ln σ (<see cref="ActionHead{TAct}"/>).
/// Reads top to bottom: construction, acting (one forward pass for the K copies), observing (the rollout), the update
/// and its loss, saving.
/// </summary>
public sealed class PpoAgent<TAct> : IAgent<float[], TAct> where TAct : notnull
{
    private const uint Magic = 0x4F505052; // "RPPO" little-endian
    private const int Version = 1;

    private readonly Rng _rng;
    private readonly ActionHead<TAct> _head;
    private readonly Sequential _actor;
    private readonly Sequential _critic;
    private readonly Adam _optimizer;
    private readonly OnPolicyRollout _rollout;
    private readonly Dictionary<int, Matrix<double>> _observationBatches = [];
    private readonly Dictionary<int, (Matrix<double> Dz, Matrix<double> Dv)> _gradientBatches = [];
    private readonly double[] _z;
    private readonly double[] _action;
    private double[] _values = [];
    private double[] _advantages = [];
    private double[] _returns = [];

    /// <summary>Creates the agent for observations of width <paramref name="observationSize"/> with the action distribution <paramref name="head"/>.</summary>
    public PpoAgent(int observationSize, ActionHead<TAct> head, PpoOptions options, long seed, string name = "ppo")
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(observationSize, 1);
        Options = options;
        Name = name;
        ObservationSize = observationSize;
        _head = head;
        _rng = new Rng(seed);

        // CleanRL's layer_init: orthogonal, hidden gain √2, policy output 0.01 (π starts near uniform), value output 1.
        _actor = Mlp.Create([observationSize, .. options.HiddenSizes, head.OutputSize], Activation.Tanh, _rng, WeightInit.Orthogonal, Math.Sqrt(2), 0.01);
        _critic = Mlp.Create([observationSize, .. options.HiddenSizes, 1], Activation.Tanh, _rng, WeightInit.Orthogonal, Math.Sqrt(2), 1.0);
        _optimizer = new Adam([.. _actor.Parameters, .. head.Parameters, .. _critic.Parameters], options.LearningRate, epsilon: Adam.CleanRlEpsilon)
        {
            MaxGradNorm = options.MaxGradNorm > 0 ? options.MaxGradNorm : null,
        };
        _rollout = new OnPolicyRollout(observationSize, head.ActionWidth);
        _z = new double[head.OutputSize];
        _action = new double[head.ActionWidth];
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The hyperparameters.</summary>
    public PpoOptions Options { get; }

    /// <summary>Width of an observation.</summary>
    public int ObservationSize { get; }

    /// <summary>The policy network f(s;θ) whose outputs the head reads.</summary>
    public Sequential Actor => _actor;

    /// <summary>The value network v(s;w).</summary>
    public Sequential Critic => _critic;

    /// <summary>The action distribution.</summary>
    public ActionHead<TAct> Head => _head;

    /// <summary>The rollout being collected.</summary>
    public OnPolicyRollout Rollout => _rollout;

    /// <summary>Transitions observed.</summary>
    public long Steps { get; private set; }

    /// <summary>Updates done (one per rollout).</summary>
    public long Iterations { get; private set; }

    /// <summary>GAE advantages of the rollout being learned from (after <see cref="PrepareUpdate"/>).</summary>
    public ReadOnlySpan<double> Advantages => _advantages;

    /// <summary>Returns A + v(s) of that rollout.</summary>
    public ReadOnlySpan<double> Returns => _returns;

    /// <summary>Clipped surrogate loss of the last minibatch.</summary>
    public double LastPolicyLoss { get; private set; } = double.NaN;

    /// <summary>Value loss of the last minibatch.</summary>
    public double LastValueLoss { get; private set; } = double.NaN;

    /// <summary>Mean entropy of the last minibatch.</summary>
    public double LastEntropy { get; private set; } = double.NaN;

    /// <summary>Greedy: the arg max or the mean (clipped); exploring: a sample, remembered for copy 0.</summary>
    public TAct Act(float[] observation, bool explore)
    {
        _actor.Predict((ReadOnlySpan<float>)observation).CopyTo(_z);
        if (!explore)
        {
            _head.Greedy(_z, _action);
            return _head.ToEnv(_action);
        }
        double logProb = _head.Sample(_z, _rng, _action);
        _rollout.SetPending(0, _action, logProb);
        return _head.ToEnv(_action);
    }

    /// <summary>Samples π(·|s) for the K copies from one forward pass and remembers each choice until its transition.</summary>
    public void Act(ReadOnlySpan<float[]> observations, Span<TAct> actions)
    {
        int k = observations.Length;
        var batch = ObservationBatch(k);
        for (int i = 0; i < k; i++) batch.CopyRowFrom(i, observations[i]);
        var z = _actor.Predict(batch).AsColumnMajorArray();
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < _z.Length; j++) _z[j] = z[j * k + i];
            double logProb = _head.Sample(_z, _rng, _action);
            _rollout.SetPending(i, _action, logProb);
            actions[i] = _head.ToEnv(_action);
        }
    }

    private Matrix<double> ObservationBatch(int k)
    {
        if (!_observationBatches.TryGetValue(k, out var m)) _observationBatches[k] = m = Matrix<double>.Build.Dense(k, ObservationSize);
        return m;
    }

    /// <summary>Stores the transition; a full rollout (num_steps per copy) is learned from.</summary>
    public void Observe(in Transition<float[], TAct> transition)
    {
        Store(transition);
        if (_rollout.Count >= Capacity) Update();
    }

    /// <summary>Stores one vector step's transitions, then learns when the rollout is full.</summary>
    public void Observe(ReadOnlySpan<Transition<float[], TAct>> transitions)
    {
        foreach (ref readonly var t in transitions) Store(t);
        if (_rollout.Count >= Capacity) Update();
    }

    private int Capacity => Options.NumSteps * Math.Max(1, _rollout.Copies);

    private void Store(in Transition<float[], TAct> t)
    {
        _rollout.Add(t.Observation, t.Reward, t.NextObservation, t.Terminated, t.Truncated, t.Copy);
        Steps++;
    }

    /// <summary>
    /// One PPO update on the stored rollout: advantages, then update_epochs passes over shuffled minibatches with the
    /// learning rate (and the clip, if annealed) at frac = 1 − (steps before this rollout)/total_steps.
    /// </summary>
    public void Update()
    {
        int n = _rollout.Count;
        PrepareUpdate();
        double frac = Math.Max(0, 1 - (double)(Steps - n) / Options.TotalSteps);
        _optimizer.Schedule = Options.AnnealLr ? frac * Options.LearningRate : Options.LearningRate;
        double clip = Options.AnnealClip ? frac * Options.ClipCoef : Options.ClipCoef;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        int minibatches = Math.Min(Options.NumMinibatches, n);
        for (int epoch = 0; epoch < Options.UpdateEpochs; epoch++)
        {
            _rng.Shuffle(order.AsSpan());
            for (int b = 0; b < minibatches; b++)
            {
                int start = b * n / minibatches, end = (b + 1) * n / minibatches;
                MinibatchLoss(order.AsSpan(start, end - start), clip);
                _optimizer.Step();
            }
        }
        _rollout.Clear();
        Iterations++;
    }

    /// <summary>Computes v(s), the GAE advantages and the returns of the stored rollout.</summary>
    public void PrepareUpdate()
    {
        int n = _rollout.Count;
        var rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        var batch = ObservationBatch(n);
        _rollout.Fill(batch, rows);
        _values = _critic.Predict(batch).AsColumnMajorArray().AsSpan(0, n).ToArray();
        _rollout.Fill(batch, rows, next: true);
        var nextValues = _critic.Predict(batch).AsColumnMajorArray().AsSpan(0, n).ToArray();
        _advantages = new double[n];
        _rollout.Advantages(_values, nextValues, Options.Gamma, Options.GaeLambda, _advantages);
        _returns = new double[n];
        for (int i = 0; i < n; i++) _returns[i] = _advantages[i] + _values[i];
    }

    /// <summary>
    /// The loss of one minibatch, leaving its gradient in every parameter (after zeroing them):
    /// <code>
    /// r_t(θ) = π(a_t|s_t;θ) / π_old(a_t|s_t),  Â_t = (A_t − mean A)/(std A + 10⁻⁸) over the minibatch
    /// L^CLIP = mean_t max(−Â_t r_t, −Â_t clip(r_t, 1 − ε, 1 + ε))
    /// L^V    = ½ mean_t max((v_t − R_t)², (v_old,t + clip(v_t − v_old,t, −ε, ε) − R_t)²)     (or ½ mean (v_t − R_t)²)
    /// L      = L^CLIP − c_H mean_t H(π(·|s_t)) + c_V L^V
    /// </code>
    /// </summary>
    public double MinibatchLoss(ReadOnlySpan<int> rows, double clip)
    {
        int m = rows.Length, outputs = _head.OutputSize;
        var batch = ObservationBatch(m);
        _rollout.Fill(batch, rows);
        if (!_gradientBatches.TryGetValue(m, out var g))
            _gradientBatches[m] = g = (Matrix<double>.Build.Dense(m, outputs), Matrix<double>.Build.Dense(m, 1));
        var dz = g.Dz.AsColumnMajorArray();
        var dv = g.Dv.AsColumnMajorArray();
        Array.Clear(dz);

        _actor.ZeroGrad();
        _critic.ZeroGrad();
        foreach (var p in _head.Parameters) p.ZeroGrad();
        var z = _actor.Forward(batch).AsColumnMajorArray();
        var v = _critic.Forward(batch).AsColumnMajorArray();

        double mean = 0, variance = 0;
        for (int k = 0; k < m; k++) mean += _advantages[rows[k]] / m;
        for (int k = 0; k < m; k++) variance += Math.Pow(_advantages[rows[k]] - mean, 2) / Math.Max(1, m - 1);
        bool normalise = Options.NormAdv && m > 1;
        double std = Math.Sqrt(variance);

        double policyLoss = 0, valueLoss = 0, entropy = 0;
        Span<double> rowGradient = stackalloc double[outputs];
        for (int k = 0; k < m; k++)
        {
            int i = rows[k];
            for (int j = 0; j < outputs; j++) _z[j] = z[j * m + k];
            var action = _rollout.Action(i);
            double ratio = Math.Exp(_head.LogProb(_z, action) - _rollout.LogProb(i));
            double a = normalise ? (_advantages[i] - mean) / (std + 1e-8) : _advantages[i];
            double unclipped = -a * ratio, clipped = -a * Math.Clamp(ratio, 1 - clip, 1 + clip);
            policyLoss += Math.Max(unclipped, clipped) / m;
            entropy += _head.Entropy(_z) / m;
            // ∂L^CLIP/∂ln π = −Â r where the unclipped term is the larger, 0 where the clip holds it.
            double dLogProb = unclipped >= clipped ? -a * ratio / m : 0;
            rowGradient.Clear();
            _head.AddGradient(_z, action, dLogProb, -Options.EntCoef / m, rowGradient);
            for (int j = 0; j < outputs; j++) dz[j * m + k] = rowGradient[j];

            double error = v[k] - _returns[i];
            if (Options.ClipVloss)
            {
                double change = Math.Clamp(v[k] - _values[i], -clip, clip);
                double clippedError = _values[i] + change - _returns[i];
                bool useUnclipped = error * error >= clippedError * clippedError;
                valueLoss += 0.5 * Math.Max(error * error, clippedError * clippedError) / m;
                bool inside = Math.Abs(v[k] - _values[i]) < clip;
                dv[k] = Options.VfCoef * (useUnclipped ? error : inside ? clippedError : 0) / m;
            }
            else
            {
                valueLoss += 0.5 * error * error / m;
                dv[k] = Options.VfCoef * error / m;
            }
        }
        _actor.Backward(g.Dz);
        _critic.Backward(g.Dv);
        LastPolicyLoss = policyLoss;
        LastValueLoss = valueLoss;
        LastEntropy = entropy;
        return policyLoss - Options.EntCoef * entropy + Options.VfCoef * valueLoss;
    }

    /// <summary>Writes the counters, the generator, the rollout with each copy's pending choice, both networks, ln σ and Adam's state.</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(Name);
        writer.Write(ObservationSize);
        writer.Write(_head.OutputSize);
        writer.Write(Steps);
        writer.Write(Iterations);
        _rng.GetState().Write(writer);
        _rollout.Save(writer);
        foreach (var p in _head.Parameters)
            foreach (var x in p.Values) writer.Write(x);
        writer.Flush();
        _actor.Save(stream);
        _critic.Save(stream);
        _optimizer.Save(stream);
    }

    /// <summary>Restores what <see cref="Save"/> wrote; training then continues exactly.</summary>
    public void Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        uint magic;
        try { magic = reader.ReadUInt32(); }
        catch (EndOfStreamException) { throw new InvalidDataException("The stream ended before the PPO header."); }
        if (magic != Magic) throw new InvalidDataException($"This is not a saved PPO agent (magic 0x{magic:X8}, expected 0x{Magic:X8}).");
        int version = reader.ReadInt32();
        if (version != Version) throw new InvalidDataException($"Saved PPO agents use format version {version}; this build reads version {Version}.");
        string name = reader.ReadString();
        int d = reader.ReadInt32(), outputs = reader.ReadInt32();
        if (d != ObservationSize || outputs != _head.OutputSize)
            throw new InvalidDataException($"The saved {name} has observations of width {d} and {outputs} policy outputs; this {Name} has {ObservationSize} and {_head.OutputSize}.");
        Steps = reader.ReadInt64();
        Iterations = reader.ReadInt64();
        _rng.SetState(RngState.Read(reader));
        _rollout.Load(reader);
        foreach (var p in _head.Parameters)
        {
            var values = p.Values;
            for (int i = 0; i < values.Length; i++) values[i] = reader.ReadDouble();
        }
        _actor.Load(stream);
        _critic.Load(stream);
        _optimizer.Load(stream);
    }
}
