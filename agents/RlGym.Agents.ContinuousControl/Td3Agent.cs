using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Neural;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// Twin delayed DDPG (TD3, Fujimoto et al. 2018, the book's chapter): DDPG with two critics q_1, q_2 whose smaller
/// target value is the TD target, target policy smoothing, and actor and target updates delayed to every d-th critic
/// update. Reads top to bottom: construction,
/// acting (one forward pass for the K copies), observing (replay, then one gradient step per transition), the update,
/// saving.
/// </summary>
public sealed class Td3Agent : IAgent<float[], float[]>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "td3";

    private const uint Magic = 0x20334454; // "TD3 " little-endian

    private readonly Rng _rng;
    private readonly ActionBounds _bounds;
    private readonly Sequential _actor;
    private readonly Sequential _actorTarget;
    private readonly Sequential _critic;
    private readonly Sequential _critic2;
    private readonly Sequential _criticTarget;
    private readonly Sequential _critic2Target;
    private readonly Adam _actorOptimizer;
    private readonly Adam _criticOptimizer;
    private readonly Adam _critic2Optimizer;
    private readonly ReplayBuffer _buffer;
    private readonly Minibatch _batch;
    private readonly double[] _actions;
    private readonly double[] _actionGradient;
    private readonly Matrix<double> _actionGradientMatrix;
    private readonly Dictionary<int, Matrix<double>> _observationBatches = [];
    private readonly OrnsteinUhlenbeckNoise _ou;

    /// <summary>Creates the agent for observations of width <paramref name="observationSize"/> and the Box <paramref name="bounds"/>.</summary>
    public Td3Agent(int observationSize, ActionBounds bounds, Td3Options options, long seed, string name = AgentName)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(observationSize, 1);
        Options = options;
        Name = name;
        ObservationSize = observationSize;
        _bounds = bounds;
        int m = bounds.Size;
        _rng = new Rng(seed);

        // μ(s;θ) = tanh(MLP(s)) ∈ (−1, 1)^m, mapped to the Box by a = c + h·μ; q(s,a;w) = MLP([s, a]).
        var actorMlp = Mlp.Create([observationSize, .. options.HiddenSizes, m], Activation.ReLU, _rng, WeightInit.PyTorchDefault);
        _actor = new Sequential(observationSize, [.. actorMlp.Layers, new Tanh()]);
        _critic = Mlp.Create([observationSize + m, .. options.HiddenSizes, 1], Activation.ReLU, _rng, WeightInit.PyTorchDefault);
        _critic2 = Mlp.Create([observationSize + m, .. options.HiddenSizes, 1], Activation.ReLU, _rng, WeightInit.PyTorchDefault);
        _actorTarget = _actor.Clone();
        _criticTarget = _critic.Clone();
        _critic2Target = _critic2.Clone();
        _actorOptimizer = new Adam(_actor.Parameters, options.ActorLearningRate);
        _criticOptimizer = new Adam(_critic.Parameters, options.CriticLearningRate);
        _critic2Optimizer = new Adam(_critic2.Parameters, options.CriticLearningRate);

        _buffer = new ReplayBuffer(options.BufferSize, observationSize, m);
        _batch = new Minibatch(options.BatchSize, observationSize, m);
        _actions = new double[options.BatchSize * m];
        _actionGradient = new double[options.BatchSize * m];
        _actionGradientMatrix = Matrix<double>.Build.Dense(options.BatchSize, m);
        _ou = new OrnsteinUhlenbeckNoise(m);
    }

    /// <inheritdoc/>
    public string Name { get; }

    /// <summary>The hyperparameters.</summary>
    public Td3Options Options { get; }

    /// <summary>Width of an observation.</summary>
    public int ObservationSize { get; }

    /// <summary>The actor μ(s;θ) before the map to the Box (tanh outputs in (−1, 1)).</summary>
    public Sequential Actor => _actor;

    /// <summary>The first critic q_1(s,a;w_1) on inputs [s, a]; the actor follows it.</summary>
    public Sequential Critic => _critic;

    /// <summary>The second critic q_2(s,a;w_2).</summary>
    public Sequential Critic2 => _critic2;

    /// <summary>The target actor μ(s;θ⁻).</summary>
    public Sequential ActorTarget => _actorTarget;

    /// <summary>The target critics q_1(s,a;w_1⁻) and q_2(s,a;w_2⁻).</summary>
    public Sequential CriticTarget => _criticTarget;

    /// <summary>The second target critic.</summary>
    public Sequential Critic2Target => _critic2Target;

    /// <summary>The replay buffer.</summary>
    public ReplayBuffer Buffer => _buffer;

    /// <summary>Environment steps observed.</summary>
    public long Steps { get; private set; }

    /// <summary>Gradient steps taken.</summary>
    public long Updates { get; private set; }

    /// <summary>The critic's loss at the last gradient step.</summary>
    public double LastCriticLoss { get; private set; } = double.NaN;

    /// <summary>−mean q_1(s, μ(s;θ)) at the last actor update.</summary>
    public double LastActorLoss { get; private set; } = double.NaN;

    /// <summary>μ(s;θ) mapped to the Box; exploring adds σ h times the noise (copy 0's) and clips, or draws uniformly before learning starts.</summary>
    public float[] Act(float[] observation, bool explore)
    {
        var action = new float[_bounds.Size];
        if (explore && Steps < Options.LearningStarts)
        {
            RandomAction(action);
            return action;
        }
        var y = _actor.Predict((ReadOnlySpan<float>)observation);
        for (int j = 0; j < action.Length; j++) action[j] = (float)Explore(0, j, y[j], explore);
        return action;
    }

    /// <summary>The behaviour policy for the K copies, one forward pass for all of them.</summary>
    public void Act(ReadOnlySpan<float[]> observations, Span<float[]> actions)
    {
        int k = observations.Length;
        if (Steps < Options.LearningStarts)
        {
            for (int i = 0; i < k; i++) RandomAction(actions[i] = new float[_bounds.Size]);
            return;
        }
        var batch = ObservationBatch(k);
        for (int i = 0; i < k; i++) batch.CopyRowFrom(i, observations[i]);
        var y = _actor.Predict(batch).AsColumnMajorArray();
        for (int i = 0; i < k; i++)
        {
            var action = actions[i] = new float[_bounds.Size];
            for (int j = 0; j < action.Length; j++) action[j] = (float)Explore(i, j, y[j * k + i], explore: true);
        }
    }

    private double Explore(int copy, int j, double y, bool explore)
    {
        double a = _bounds.Centre[j] + _bounds.HalfWidth[j] * y;
        if (!explore) return a;
        double noise = Options.Noise == ExplorationNoiseKind.OrnsteinUhlenbeck
            ? _ou.Next(copy, j, Options.ExplorationNoise, _rng)
            : Options.ExplorationNoise * _rng.NextGaussian();
        return _bounds.Clip(j, a + _bounds.HalfWidth[j] * noise);
    }

    private void RandomAction(float[] action)
    {
        for (int j = 0; j < action.Length; j++) action[j] = (float)_rng.Uniform(_bounds.Low[j], _bounds.High[j]);
    }

    private Matrix<double> ObservationBatch(int k)
    {
        if (!_observationBatches.TryGetValue(k, out var m)) _observationBatches[k] = m = Matrix<double>.Build.Dense(k, ObservationSize);
        return m;
    }

    /// <summary>Stores the transition; once learning has started, takes one gradient step.</summary>
    public void Observe(in Transition<float[], float[]> transition)
    {
        _buffer.Add(transition.Observation, transition.Action, transition.Reward, transition.NextObservation, transition.Terminated);
        if (transition.Done) _ou.Reset(transition.Copy);
        Steps++;
        if (Steps > Options.LearningStarts && _buffer.Count >= Options.BatchSize) TrainStep();
    }

    /// <summary>One gradient step of both critics; every d-th, one of the actor and the soft target updates.</summary>
    public void TrainStep()
    {
        var b = _batch;
        int n = b.Size, m = _bounds.Size;
        b.Sample(_buffer, _rng);

        // Target policy smoothing: ã′ = clip(μ(s′;θ⁻) + clip(ε, −c, c), low, high), ε ~ N(0, σ̃²), in the Box's units.
        var muNext = _actorTarget.Predict(b.NextStates).AsColumnMajorArray();
        for (int j = 0; j < m; j++)
        {
            double h = _bounds.HalfWidth[j], c = Options.TargetNoiseClip * h;
            for (int k = 0; k < n; k++)
            {
                double eps = Math.Clamp(Options.TargetPolicyNoise * h * _rng.NextGaussian(), -c, c);
                _actions[j * n + k] = _bounds.Clip(j, _bounds.Centre[j] + h * muNext[j * n + k] + eps);
            }
        }
        b.WriteActions(b.NextStateActions, _actions);

        // y = r + γ min_j q_j(s′, ã′; w_j⁻), without the bootstrap when s′ is terminal.
        var q1Next = _criticTarget.Predict(b.NextStateActions).AsColumnMajorArray();
        var q2Next = _critic2Target.Predict(b.NextStateActions).AsColumnMajorArray();
        for (int k = 0; k < n; k++)
            b.Targets[k] = b.Rewards[k] + (b.Terminated[k] ? 0 : Options.Gamma * Math.Min(q1Next[k], q2Next[k]));

        // w_j ← w_j − α ∇_{w_j} (1/B) Σ (q_j(s,a;w_j) − y)², both critics towards the same y.
        LastCriticLoss = CriticStep(_critic, _criticOptimizer, b) + CriticStep(_critic2, _critic2Optimizer, b);
        Updates++;
        if (Updates % Options.PolicyDelay != 0) return;

        // Delayed: θ ← θ + β (1/B) Σ ∇_a q_1(s,a;w_1)|_{a=μ(s;θ)} ∇_θ μ(s;θ), through a = c + h·μ.
        _actor.ZeroGrad();
        var mu = _actor.Forward(b.States).AsColumnMajorArray();
        MapToBox(mu, _actions);
        b.WriteActions(b.PolicyStateActions, _actions);
        var q = _critic.Forward(b.PolicyStateActions).AsColumnMajorArray();
        double mean = 0;
        for (int k = 0; k < n; k++) mean += q[k];
        LastActorLoss = -mean / n;
        var upstream = b.OutputGradient.AsColumnMajorArray();
        Array.Fill(upstream, -1.0 / n);
        var dqda = b.ActionColumns(_critic.Backward(b.OutputGradient));
        var dmu = _actionGradientMatrix.AsColumnMajorArray();
        for (int j = 0; j < m; j++)
            for (int k = 0; k < n; k++) dmu[j * n + k] = dqda[j * n + k] * _bounds.HalfWidth[j];
        _actor.Backward(_actionGradientMatrix);
        _actorOptimizer.Step();

        // θ⁻ ← τ θ + (1 − τ) θ⁻,  w_j⁻ ← τ w_j + (1 − τ) w_j⁻
        _actorTarget.SoftUpdateFrom(_actor, Options.Tau);
        _criticTarget.SoftUpdateFrom(_critic, Options.Tau);
        _critic2Target.SoftUpdateFrom(_critic2, Options.Tau);
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

    // a = c + h·μ for a batch of tanh outputs (column-major B × m).
    private void MapToBox(ReadOnlySpan<double> mu, Span<double> actions)
    {
        int n = _batch.Size;
        for (int j = 0; j < _bounds.Size; j++)
            for (int k = 0; k < n; k++) actions[j * n + k] = _bounds.Centre[j] + _bounds.HalfWidth[j] * mu[j * n + k];
    }

    /// <summary>Writes the counters, the generator, the noise processes, the six networks, the three Adam states and the replay buffer.</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        AgentFile.WriteHeader(writer, Magic, Name, ObservationSize, _bounds.Size, Options.HiddenSizes);
        writer.Write(Steps);
        writer.Write(Updates);
        AgentFile.WriteRng(writer, _rng);
        _ou.Save(writer);
        _buffer.Save(writer);
        writer.Flush();
        _actor.Save(stream);
        _actorTarget.Save(stream);
        _critic.Save(stream);
        _criticTarget.Save(stream);
        _critic2.Save(stream);
        _critic2Target.Save(stream);
        _actorOptimizer.Save(stream);
        _criticOptimizer.Save(stream);
        _critic2Optimizer.Save(stream);
    }

    /// <summary>Restores what <see cref="Save"/> wrote; training then continues exactly as without the interruption.</summary>
    public void Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        AgentFile.ReadHeader(reader, Magic, "TD3", Name, ObservationSize, _bounds.Size, Options.HiddenSizes);
        Steps = reader.ReadInt64();
        Updates = reader.ReadInt64();
        AgentFile.ReadRng(reader, _rng);
        _ou.Load(reader);
        _buffer.Load(reader);
        _actor.Load(stream);
        _actorTarget.Load(stream);
        _critic.Load(stream);
        _criticTarget.Load(stream);
        _critic2.Load(stream);
        _critic2Target.Load(stream);
        _actorOptimizer.Load(stream);
        _criticOptimizer.Load(stream);
        _critic2Optimizer.Load(stream);
    }
}
