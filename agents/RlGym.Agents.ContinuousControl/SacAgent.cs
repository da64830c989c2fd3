using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// Soft actor-critic (Haarnoja et al. 2018): a squashed Gaussian policy a = c + h·tanh(u), u ~ N(μ(s;θ), σ(s;θ)²),
/// twin critics with soft targets, and the entropy temperature α tuned so the policy's entropy stays near −|A|.
/// Reads top to bottom: construction, acting (one forward pass for the K copies), observing (replay, then one
/// gradient step per transition), the update, saving. Unlike CleanRL's policy_frequency, the policy and α are updated
/// at every gradient step, as in the SAC paper and Stable-Baselines3.
/// </summary>
public sealed class SacAgent : IAgent<float[], float[]>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "sac";

    /// <summary>Bounds of ln σ: the policy's second head h maps to ln σ = min + ½(max − min)(tanh h + 1).</summary>
    public const double LogStdMin = -5, LogStdMax = 2;

    private const uint Magic = 0x20434153; // "SAC " little-endian
    private const double SquashEpsilon = 1e-6;
    private static readonly double HalfLogTwoPi = 0.5 * Math.Log(2 * Math.PI);

    private readonly Rng _rng;
    private readonly ActionBounds _bounds;
    private readonly Sequential _policy;
    private readonly Sequential _critic1;
    private readonly Sequential _critic2;
    private readonly Sequential _critic1Target;
    private readonly Sequential _critic2Target;
    private readonly Adam _policyOptimizer;
    private readonly Adam _critic1Optimizer;
    private readonly Adam _critic2Optimizer;
    private readonly Parameter _logAlpha;
    private readonly Adam? _alphaOptimizer;
    private readonly ReplayBuffer _buffer;
    private readonly Minibatch _batch;
    private readonly double[] _actions;
    private readonly double[] _logProbs;
    private readonly double[] _noise;
    private readonly double[] _actionGradient;
    private readonly Matrix<double> _policyGradient;
    private readonly Dictionary<int, Matrix<double>> _observationBatches = [];

    /// <summary>Creates the agent for observations of width <paramref name="observationSize"/> and the Box <paramref name="bounds"/>.</summary>
    public SacAgent(int observationSize, ActionBounds bounds, SacOptions options, long seed, string name = AgentName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(observationSize, 1);
        Options = options;
        Name = name;
        ObservationSize = observationSize;
        _bounds = bounds;
        int m = bounds.Size, b = options.BatchSize;
        _rng = new Rng(seed);

        // π(·|s;θ): one MLP with 2m outputs, μ (first m) and the pre-squash h of ln σ (last m); q_j(s,a;w_j) = MLP([s, a]).
        _policy = Mlp.Create([observationSize, .. options.HiddenSizes, 2 * m], Activation.ReLU, _rng, WeightInit.PyTorchDefault);
        _critic1 = Mlp.Create([observationSize + m, .. options.HiddenSizes, 1], Activation.ReLU, _rng, WeightInit.PyTorchDefault);
        _critic2 = Mlp.Create([observationSize + m, .. options.HiddenSizes, 1], Activation.ReLU, _rng, WeightInit.PyTorchDefault);
        _critic1Target = _critic1.Clone();
        _critic2Target = _critic2.Clone();
        _policyOptimizer = new Adam(_policy.Parameters, options.PolicyLearningRate);
        _critic1Optimizer = new Adam(_critic1.Parameters, options.QLearningRate);
        _critic2Optimizer = new Adam(_critic2.Parameters, options.QLearningRate);
        _logAlpha = new Parameter("log_alpha", 1, 1);
        _logAlpha.Values[0] = Math.Log(options.Alpha);
        if (options.Autotune) _alphaOptimizer = new Adam([_logAlpha], options.QLearningRate);
        TargetEntropy = -m;

        _buffer = new ReplayBuffer(options.BufferSize, observationSize, m);
        _batch = new Minibatch(b, observationSize, m);
        _actions = new double[b * m];
        _logProbs = new double[b];
        _noise = new double[b * m];
        _actionGradient = new double[b * m];
        _policyGradient = Matrix<double>.Build.Dense(b, 2 * m);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The hyperparameters.</summary>
    public SacOptions Options { get; }

    /// <summary>Width of an observation.</summary>
    public int ObservationSize { get; }

    /// <summary>The policy network: μ and the pre-squash log-σ head.</summary>
    public Sequential Policy => _policy;

    /// <summary>The first critic.</summary>
    public Sequential Critic1 => _critic1;

    /// <summary>The second critic.</summary>
    public Sequential Critic2 => _critic2;

    /// <summary>The replay buffer.</summary>
    public ReplayBuffer Buffer => _buffer;

    /// <summary>The temperature α now.</summary>
    public double Alpha => Math.Exp(_logAlpha.Values[0]);

    /// <summary>H̄ = −|A|, the entropy α is tuned towards.</summary>
    public double TargetEntropy { get; }

    /// <summary>Environment steps observed.</summary>
    public long Steps { get; private set; }

    /// <summary>Gradient steps taken.</summary>
    public long Updates { get; private set; }

    /// <summary>The critics' summed loss at the last gradient step.</summary>
    public double LastCriticLoss { get; private set; } = double.NaN;

    /// <summary>The policy's loss mean(α ln π − min_j q_j) at the last gradient step.</summary>
    public double LastPolicyLoss { get; private set; } = double.NaN;

    /// <summary>Samples the squashed Gaussian when exploring (uniformly before learning starts); greedily c + h·tanh μ.</summary>
    public float[] Act(float[] observation, bool explore)
    {
        var action = new float[_bounds.Size];
        if (explore && Steps < Options.LearningStarts)
        {
            RandomAction(action);
            return action;
        }
        var output = _policy.Predict((ReadOnlySpan<float>)observation);
        for (int j = 0; j < action.Length; j++) action[j] = (float)Sample(j, output[j], output[_bounds.Size + j], explore);
        return action;
    }

    /// <summary>The behaviour policy for the K copies, one forward pass for all of them.</summary>
    public void Act(ReadOnlySpan<float[]> observations, Span<float[]> actions)
    {
        int k = observations.Length, m = _bounds.Size;
        if (Steps < Options.LearningStarts)
        {
            for (int i = 0; i < k; i++) RandomAction(actions[i] = new float[m]);
            return;
        }
        if (!_observationBatches.TryGetValue(k, out var batch)) _observationBatches[k] = batch = Matrix<double>.Build.Dense(k, ObservationSize);
        for (int i = 0; i < k; i++) batch.CopyRowFrom(i, observations[i]);
        var output = _policy.Predict(batch).AsColumnMajorArray();
        for (int i = 0; i < k; i++)
        {
            var action = actions[i] = new float[m];
            for (int j = 0; j < m; j++) action[j] = (float)Sample(j, output[j * k + i], output[(m + j) * k + i], explore: true);
        }
    }

    private double Sample(int j, double mean, double logStdHead, bool explore)
    {
        double u = explore ? mean + Math.Exp(LogStd(logStdHead)) * _rng.NextGaussian() : mean;
        return _bounds.Centre[j] + _bounds.HalfWidth[j] * Math.Tanh(u);
    }

    private static double LogStd(double head) => LogStdMin + 0.5 * (LogStdMax - LogStdMin) * (Math.Tanh(head) + 1);

    private void RandomAction(float[] action)
    {
        for (int j = 0; j < action.Length; j++) action[j] = (float)_rng.Uniform(_bounds.Low[j], _bounds.High[j]);
    }

    /// <summary>Stores the transition; once learning has started, takes one gradient step.</summary>
    public void Observe(in Transition<float[], float[]> transition)
    {
        _buffer.Add(transition.Observation, transition.Action, transition.Reward, transition.NextObservation, transition.Terminated);
        Steps++;
        if (Steps > Options.LearningStarts && _buffer.Count >= Options.BatchSize) TrainStep();
    }

    /// <summary>One gradient step of both critics, the policy and the temperature, then the soft target updates.</summary>
    public void TrainStep()
    {
        var b = _batch;
        int n = b.Size, m = _bounds.Size;
        double alpha = Alpha;
        b.Sample(_buffer, _rng);

        // a′ ~ π(·|s′;θ);  y = r + γ (min_j q_j(s′, a′; w_j⁻) − α ln π(a′|s′)), without the bootstrap when s′ is terminal.
        SquashedSample(_policy.Predict(b.NextStates).AsColumnMajorArray());
        b.WriteActions(b.NextStateActions, _actions);
        var q1Next = _critic1Target.Predict(b.NextStateActions).AsColumnMajorArray();
        var q2Next = _critic2Target.Predict(b.NextStateActions).AsColumnMajorArray();
        for (int k = 0; k < n; k++)
            b.Targets[k] = b.Rewards[k] + (b.Terminated[k] ? 0 : Options.Gamma * (Math.Min(q1Next[k], q2Next[k]) - alpha * _logProbs[k]));

        // w_j ← w_j − α_q ∇_{w_j} (1/B) Σ (q_j(s,a;w_j) − y)²
        LastCriticLoss = CriticStep(_critic1, _critic1Optimizer, b) + CriticStep(_critic2, _critic2Optimizer, b);

        // θ ← θ − α_π ∇_θ (1/B) Σ [α ln π(ã|s;θ) − min_j q_j(s, ã; w_j)], ã = c + h·tanh(μ + σ ε) reparameterised.
        _policy.ZeroGrad();
        var output = _policy.Forward(b.States).AsColumnMajorArray();
        SquashedSample(output);
        b.WriteActions(b.PolicyStateActions, _actions);
        LastPolicyLoss = PolicyGradient(output, alpha);
        _policy.Backward(_policyGradient);
        _policyOptimizer.Step();

        // ln α ← ln α − α_q ∂/∂ln α (1/B) Σ −α (ln π(ã|s) + H̄), with the ã the policy step drew from the policy
        // before its update (CleanRL draws again from the updated policy).
        if (_alphaOptimizer is not null)
        {
            double mean = 0;
            for (int k = 0; k < n; k++) mean += _logProbs[k] + TargetEntropy;
            _logAlpha.ZeroGrad();
            _logAlpha.Gradients[0] = -alpha * mean / n;
            _alphaOptimizer.Step();
        }

        // w_j⁻ ← τ w_j + (1 − τ) w_j⁻
        _critic1Target.SoftUpdateFrom(_critic1, Options.Tau);
        _critic2Target.SoftUpdateFrom(_critic2, Options.Tau);
        Updates++;
    }

    // For policy outputs (B × 2m, column-major) draws ε, writes ã = c + h·tanh(μ + σ ε) into _actions and
    // ln π(ã|s) = Σ_j [−½ ε_j² − ln σ_j − ½ ln 2π − ln(h_j (1 − tanh² u_j) + 10⁻⁶)] into _logProbs.
    private void SquashedSample(ReadOnlySpan<double> output)
    {
        int n = _batch.Size, m = _bounds.Size;
        Array.Clear(_logProbs);
        for (int j = 0; j < m; j++)
        {
            double h = _bounds.HalfWidth[j];
            for (int k = 0; k < n; k++)
            {
                double logStd = LogStd(output[(m + j) * n + k]);
                double eps = _rng.NextGaussian();
                double t = Math.Tanh(output[j * n + k] + Math.Exp(logStd) * eps);
                _noise[j * n + k] = eps;
                _actions[j * n + k] = _bounds.Centre[j] + h * t;
                _logProbs[k] += -0.5 * eps * eps - logStd - HalfLogTwoPi - Math.Log(h * (1 - t * t) + SquashEpsilon);
            }
        }
    }

    // Writes ∂L/∂(policy outputs) into _policyGradient for L = (1/B) Σ [α ln π(ã|s) − min_j q_j(s, ã)] and returns L.
    // With u = μ + σ ε (ε fixed), t = tanh u, ã = c + h t and ln σ = min + ½(max − min)(tanh η + 1):
    //   ∂L/∂u = ∂L/∂ã · h (1 − t²) + (α/B) · 2 h t (1 − t²) / (h (1 − t²) + 10⁻⁶)
    //   ∂L/∂μ = ∂L/∂u,   ∂L/∂ln σ = −α/B + ∂L/∂u · σ ε,   ∂L/∂η = ∂L/∂ln σ · ½(max − min)(1 − tanh² η)
    // where ∂L/∂ã = −(1/B) ∂q_j/∂a of whichever critic is smaller for that sample.
    internal double PolicyGradient(ReadOnlySpan<double> output, double alpha)
    {
        var b = _batch;
        int n = b.Size, m = _bounds.Size;
        var q1 = _critic1.Forward(b.PolicyStateActions).AsColumnMajorArray();
        var q2 = _critic2.Forward(b.PolicyStateActions).AsColumnMajorArray();
        var upstream = b.OutputGradient.AsColumnMajorArray();
        double loss = 0;
        for (int k = 0; k < n; k++)
        {
            loss += (alpha * _logProbs[k] - Math.Min(q1[k], q2[k])) / n;
            upstream[k] = q1[k] <= q2[k] ? -1.0 / n : 0;
        }
        b.ActionColumns(_critic1.Backward(b.OutputGradient)).CopyTo(_actionGradient);
        for (int k = 0; k < n; k++) upstream[k] = q1[k] <= q2[k] ? 0 : -1.0 / n;
        var d2 = b.ActionColumns(_critic2.Backward(b.OutputGradient));
        var g = _policyGradient.AsColumnMajorArray();
        for (int j = 0; j < m; j++)
        {
            double h = _bounds.HalfWidth[j];
            for (int k = 0; k < n; k++)
            {
                int i = j * n + k;
                double head = output[(m + j) * n + k], logStd = LogStd(head);
                double t = (_actions[i] - _bounds.Centre[j]) / h;
                double slope = 1 - t * t;
                double du = (_actionGradient[i] + d2[i]) * h * slope + alpha / n * 2 * h * t * slope / (h * slope + SquashEpsilon);
                double dLogStd = -alpha / n + du * Math.Exp(logStd) * _noise[i];
                double th = Math.Tanh(head);
                g[i] = du;
                g[(m + j) * n + k] = dLogStd * 0.5 * (LogStdMax - LogStdMin) * (1 - th * th);
            }
        }
        return loss;
    }

    // One step of w ← w − α ∇_w (1/B) Σ (q(s,a;w) − y)² with ∂/∂q = 2 (q − y)/B; returns the loss.
    private static double CriticStep(Sequential critic, Adam optimizer, Minibatch b)
    {
        int n = b.Size;
        critic.ZeroGrad();
        var q = critic.Forward(b.StateActions).AsColumnMajorArray();
        var g = b.OutputGradient.AsColumnMajorArray();
        double loss = 0;
        for (int k = 0; k < n; k++)
        {
            double delta = q[k] - b.Targets[k];
            loss += delta * delta / n;
            g[k] = 2 * delta / n;
        }
        critic.Backward(b.OutputGradient);
        optimizer.Step();
        return loss;
    }

    /// <summary>Writes the counters, the generator, the five networks, ln α, the Adam states and the replay buffer.</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        AgentFile.WriteHeader(writer, Magic, Name, ObservationSize, _bounds.Size, Options.HiddenSizes);
        writer.Write(Steps);
        writer.Write(Updates);
        writer.Write(_logAlpha.Values[0]);
        AgentFile.WriteRng(writer, _rng);
        _buffer.Save(writer);
        writer.Flush();
        _policy.Save(stream);
        _critic1.Save(stream);
        _critic2.Save(stream);
        _critic1Target.Save(stream);
        _critic2Target.Save(stream);
        _policyOptimizer.Save(stream);
        _critic1Optimizer.Save(stream);
        _critic2Optimizer.Save(stream);
        _alphaOptimizer?.Save(stream);
    }

    /// <summary>Restores what <see cref="Save"/> wrote; training then continues exactly as without the interruption.</summary>
    public void Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        AgentFile.ReadHeader(reader, Magic, "SAC", Name, ObservationSize, _bounds.Size, Options.HiddenSizes);
        Steps = reader.ReadInt64();
        Updates = reader.ReadInt64();
        _logAlpha.Values[0] = reader.ReadDouble();
        AgentFile.ReadRng(reader, _rng);
        _buffer.Load(reader);
        _policy.Load(stream);
        _critic1.Load(stream);
        _critic2.Load(stream);
        _critic1Target.Load(stream);
        _critic2Target.Load(stream);
        _policyOptimizer.Load(stream);
        _critic1Optimizer.Load(stream);
        _critic2Optimizer.Load(stream);
        _alphaOptimizer?.Load(stream);
    }
}
