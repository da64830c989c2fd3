using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Trust region policy optimisation (lecture 5): from each rollout, maximise the surrogate
/// L(θ) = mean_t π(a_t|s_t;θ)/π(a_t|s_t;θ_old) · A_t (+ c_H mean H) subject to mean KL(π_old ‖ π_θ) ≤ Δ, by a natural
/// gradient step found with conjugate gradient on Fisher-vector products and a backtracking line search that checks
/// the KL and the improvement; the value network regresses on the GAE returns. Discrete and Box actions
/// (<see cref="ActionHead{TAct}"/>). Reads top to bottom: construction, acting, observing, the update, saving.
/// </summary>
public sealed class TrpoAgent<TAct> : IAgent<float[], TAct> where TAct : notnull
{
    private const uint Magic = 0x4F505254; // "TRPO" little-endian
    private const int Version = 1;

    private readonly Rng _rng;
    private readonly ActionHead<TAct> _head;
    private readonly Sequential _actor;
    private readonly Sequential _critic;
    private readonly Adam _criticOptimizer;
    private readonly OnPolicyRollout _rollout;
    private readonly Parameter[] _policyParameters;
    private readonly Dictionary<int, Matrix<double>> _observationBatches = [];
    private readonly double[] _z;
    private readonly double[] _action;

    // The rollout being learned from, set by PrepareUpdate.
    private Matrix<double> _states = Matrix<double>.Build.Dense(1, 1);
    private double[] _zOld = [];
    private double[] _advantages = [];
    private double[] _returns = [];

    /// <summary>Creates the agent for observations of width <paramref name="observationSize"/> with the action distribution <paramref name="head"/>.</summary>
    public TrpoAgent(int observationSize, ActionHead<TAct> head, TrpoOptions options, long seed, string name = "trpo")
    {
        ArgumentNullException.ThrowIfNull(head);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(observationSize, 1);
        Options = options;
        Name = name;
        ObservationSize = observationSize;
        _head = head;
        _rng = new Rng(seed);
        _actor = Mlp.Create([observationSize, .. options.HiddenSizes, head.OutputSize], Activation.Tanh, _rng, WeightInit.Orthogonal, Math.Sqrt(2), 0.01);
        _critic = Mlp.Create([observationSize, .. options.HiddenSizes, 1], Activation.Tanh, _rng, WeightInit.Orthogonal, Math.Sqrt(2), 1.0);
        _criticOptimizer = new Adam(_critic.Parameters, options.LearningRate);
        _policyParameters = [.. _actor.Parameters, .. head.Parameters];
        _rollout = new OnPolicyRollout(observationSize, head.ActionWidth);
        _z = new double[head.OutputSize];
        _action = new double[head.ActionWidth];
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The hyperparameters.</summary>
    public TrpoOptions Options { get; }

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

    /// <summary>Mean KL(π_old ‖ π_θ) after the last update (0 when the line search kept θ_old).</summary>
    public double LastKl { get; private set; }

    /// <summary>Surrogate improvement L(θ) − L(θ_old) of the last update.</summary>
    public double LastImprovement { get; private set; }

    /// <summary>Whether the last line search accepted a step.</summary>
    public bool LastStepAccepted { get; private set; }

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

    /// <summary>One TRPO update: the policy step, then value regression.</summary>
    public void Update()
    {
        PrepareUpdate();
        PolicyStep();
        CriticRegression();
        _rollout.Clear();
        Iterations++;
    }

    /// <summary>Computes GAE advantages (normalised when norm_adv) and returns, and keeps π_old's outputs.</summary>
    public void PrepareUpdate()
    {
        int n = _rollout.Count;
        var rows = new int[n];
        for (int i = 0; i < n; i++) rows[i] = i;
        _states = Matrix<double>.Build.Dense(n, ObservationSize);
        _rollout.Fill(_states, rows);
        var next = Matrix<double>.Build.Dense(n, ObservationSize);
        _rollout.Fill(next, rows, next: true);
        var values = _critic.Predict(_states).AsColumnMajorArray().AsSpan(0, n).ToArray();
        var nextValues = _critic.Predict(next).AsColumnMajorArray().AsSpan(0, n).ToArray();
        _advantages = new double[n];
        _rollout.Advantages(values, nextValues, Options.Gamma, Options.GaeLambda, _advantages);
        _returns = new double[n];
        for (int i = 0; i < n; i++) _returns[i] = _advantages[i] + values[i];
        if (Options.NormAdv && n > 1)
        {
            double mean = _advantages.Average();
            double std = Math.Sqrt(_advantages.Sum(a => (a - mean) * (a - mean)) / (n - 1));
            for (int i = 0; i < n; i++) _advantages[i] = (_advantages[i] - mean) / (std + 1e-8);
        }
        _zOld = _actor.Predict(_states).AsColumnMajorArray().AsSpan(0, n * _head.OutputSize).ToArray();
        _head.Remember();
    }

    /// <summary>
    /// The natural gradient step with its line search:
    /// <code>
    /// g = ∇_θ L(θ_old)                    (ratio 1: g = mean_t A_t ∇ ln π(a_t|s_t) + c_H ∇ mean H)
    /// x ≈ (F + δI)⁻¹ g                    by conjugate gradient on products F v = mean_t J_tᵀ M_t J_t v
    /// s = √(2Δ / xᵀ F x) · x              the step whose quadratic KL model ½ sᵀ F s is Δ
    /// θ = θ_old + 0.8^k s                 for the first k with KL(π_old ‖ π_θ) ≤ Δ and L(θ) &gt; L(θ_old)
    /// </code>
    /// </summary>
    public void PolicyStep()
    {
        var g = SurrogateGradient();
        var old = Flatten(p => p.Values);
        double surrogateOld = Surrogate(out _);
        LastStepAccepted = false;
        LastKl = 0;
        LastImprovement = 0;
        if (ConjugateGradient.Dot(g, g) == 0) return;

        var x = ConjugateGradient.Solve(FisherProduct, g, Options.CgMaxSteps);
        double shs = ConjugateGradient.Dot(x, FisherProduct(x));
        if (!(shs > 0)) return;
        double scale = Math.Sqrt(2 * Options.TargetKl / shs);
        var theta = new double[old.Length];
        double fraction = 1;
        for (int k = 0; k < Options.LineSearchMaxIter; k++, fraction *= Options.LineSearchShrink)
        {
            for (int i = 0; i < theta.Length; i++) theta[i] = old[i] + fraction * scale * x[i];
            SetPolicy(theta);
            double surrogate = Surrogate(out double kl);
            if (kl <= Options.TargetKl && surrogate > surrogateOld)
            {
                LastStepAccepted = true;
                LastKl = kl;
                LastImprovement = surrogate - surrogateOld;
                return;
            }
        }
        SetPolicy(old);
    }

    /// <summary>L(θ) = mean_t exp(ln π(a_t|s_t;θ) − ln π_old(a_t|s_t)) A_t + c_H mean_t H, and the mean KL(π_old ‖ π_θ).</summary>
    public double Surrogate(out double kl)
    {
        int n = _advantages.Length, outputs = _head.OutputSize;
        var z = _actor.Predict(_states).AsColumnMajorArray();
        Span<double> zOld = stackalloc double[outputs];
        double surrogate = 0;
        kl = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < outputs; j++)
            {
                _z[j] = z[j * n + i];
                zOld[j] = _zOld[j * n + i];
            }
            double ratio = Math.Exp(_head.LogProb(_z, _rollout.Action(i)) - _rollout.LogProb(i));
            surrogate += (ratio * _advantages[i] + Options.EntCoef * _head.Entropy(_z)) / n;
            kl += _head.KlFromOld(zOld, _z) / n;
        }
        return surrogate;
    }

    /// <summary>∇_θ L at the current θ (= θ_old before the step), flattened over the policy's parameters.</summary>
    public double[] SurrogateGradient()
    {
        int n = _advantages.Length, outputs = _head.OutputSize;
        foreach (var p in _policyParameters) p.ZeroGrad();
        var z = _actor.Forward(_states).AsColumnMajorArray();
        var dz = Matrix<double>.Build.Dense(n, outputs);
        var d = dz.AsColumnMajorArray();
        Span<double> row = stackalloc double[outputs];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < outputs; j++) _z[j] = z[j * n + i];
            double ratio = Math.Exp(_head.LogProb(_z, _rollout.Action(i)) - _rollout.LogProb(i));
            row.Clear();
            // ∂(r A)/∂ ln π = r A
            _head.AddGradient(_z, _rollout.Action(i), ratio * _advantages[i] / n, Options.EntCoef / n, row);
            for (int j = 0; j < outputs; j++) d[j * n + i] = row[j];
        }
        _actor.Backward(dz);
        return Flatten(p => p.Gradients);
    }

    /// <summary>(F + δI) v with F the Fisher matrix of mean KL at θ: mean_t J_tᵀ M_t J_t v plus the head's own block; F is never formed.</summary>
    public double[] FisherProduct(double[] v)
    {
        int n = _advantages.Length, outputs = _head.OutputSize, actorCount = _actor.ParameterCount;
        var jv = JacobianVectorProduct.Compute(_actor, _states, v.AsSpan(0, actorCount)).AsColumnMajorArray();
        foreach (var p in _actor.Parameters) p.ZeroGrad();
        var z = _actor.Forward(_states).AsColumnMajorArray();
        var u = Matrix<double>.Build.Dense(n, outputs);
        var ud = u.AsColumnMajorArray();
        Span<double> row = stackalloc double[outputs];
        Span<double> mu = stackalloc double[outputs];
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < outputs; j++)
            {
                _z[j] = z[j * n + i];
                row[j] = jv[j * n + i];
            }
            _head.FisherProduct(_z, row, mu);
            for (int j = 0; j < outputs; j++) ud[j * n + i] = mu[j] / n;
        }
        _actor.Backward(u);
        var result = new double[v.Length];
        int offset = 0;
        foreach (var p in _actor.Parameters)
        {
            p.Gradients.CopyTo(result.AsSpan(offset));
            offset += p.Length;
        }
        _head.AddOwnFisherProduct(v.AsSpan(actorCount), result.AsSpan(actorCount));
        for (int i = 0; i < v.Length; i++) result[i] += Options.CgDamping * v[i];
        return result;
    }

    // v(s;w) regresses on the returns: n_critic_updates epochs of shuffled minibatches, w ← w − α ∇_w mean (v − R)².
    private void CriticRegression()
    {
        int n = _returns.Length;
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int epoch = 0; epoch < Options.NCriticUpdates; epoch++)
        {
            _rng.Shuffle(order.AsSpan());
            for (int start = 0; start < n; start += Options.BatchSize)
            {
                int m = Math.Min(Options.BatchSize, n - start);
                var rows = order.AsSpan(start, m);
                var batch = ObservationBatch(m);
                _rollout.Fill(batch, rows);
                _critic.ZeroGrad();
                var v = _critic.Forward(batch).AsColumnMajorArray();
                var dv = Matrix<double>.Build.Dense(m, 1);
                var d = dv.AsColumnMajorArray();
                for (int k = 0; k < m; k++) d[k] = 2 * (v[k] - _returns[rows[k]]) / m;
                _critic.Backward(dv);
                _criticOptimizer.Step();
            }
        }
    }

    private double[] Flatten(Func<Parameter, Span<double>> select)
    {
        var flat = new double[_policyParameters.Sum(p => p.Length)];
        int offset = 0;
        foreach (var p in _policyParameters)
        {
            var s = select(p);
            s.CopyTo(flat.AsSpan(offset));
            offset += s.Length;
        }
        return flat;
    }

    private void SetPolicy(ReadOnlySpan<double> theta)
    {
        int offset = 0;
        foreach (var p in _policyParameters)
        {
            theta.Slice(offset, p.Length).CopyTo(p.Values);
            offset += p.Length;
        }
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
        _criticOptimizer.Save(stream);
    }

    /// <summary>Restores what <see cref="Save"/> wrote; training then continues exactly.</summary>
    public void Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        uint magic;
        try { magic = reader.ReadUInt32(); }
        catch (EndOfStreamException) { throw new InvalidDataException("The stream ended before the TRPO header."); }
        if (magic != Magic) throw new InvalidDataException($"This is not a saved TRPO agent (magic 0x{magic:X8}, expected 0x{Magic:X8}).");
        int version = reader.ReadInt32();
        if (version != Version) throw new InvalidDataException($"Saved TRPO agents use format version {version}; this build reads version {Version}.");
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
        _criticOptimizer.Load(stream);
    }
}
