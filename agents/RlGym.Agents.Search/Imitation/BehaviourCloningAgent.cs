using System.Text;
using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Random;
using RlGym.Core.Settings;
using RlGym.Core.Spaces;
using RlGym.Neural.Distributions;
using RlGym.Neural.Layers;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.Search.Imitation;

/// <summary>
/// Behaviour cloning (lecture 8, imitation learning): learn a policy π(a|s; θ) from a demonstrator's (state, action)
/// pairs D = {(s_i, a_i)} by supervised learning, as a classifier, without rewards:
/// <code>
/// L(θ) = −(1/B) Σ_{i in batch} ln π(a_i|s_i; θ),   π(·|s; θ) = softmax(f(s; θ))
/// ∂L/∂f(s_i) = (π(·|s_i; θ) − onehot(a_i)) / B,     θ ← Adam(θ, ∇θ L)
/// </code>
/// Batches are drawn uniformly with replacement from D. The agent takes <see cref="BehaviourCloningOptions.UpdatesPerStep"/>
/// gradient steps per observed environment step until <see cref="BehaviourCloningOptions.Updates"/> are done, so
/// <c>rlgym train</c> shows the return rise as π approaches the demonstrator; the rewards are never used.
/// <see cref="Fit"/> takes the remaining steps at once. Acting: a ~ π(·|s) when exploring, argmax π(·|s) otherwise.
/// <para>
/// Discrete observations (FrozenLake) enter the network one-hot, so without hidden layers π(·|s) is a free categorical
/// per state; Box observations (CartPole) enter as they are.
/// </para>
/// </summary>
public sealed class BehaviourCloningAgent : IAgent<float[], int>, IAgent<int, int>, IActionValues<float[]>, IActionValues<int>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "behaviour-cloning";

    private const uint Magic = 0x43424752; // "RGBC" little-endian
    private const int Version = 1;

    private readonly Demonstrations _demonstrations;
    private readonly Space _observationSpace;
    private readonly Sequential _policy;
    private readonly Adam _optimizer;
    private readonly Matrix<double> _x;
    private readonly Matrix<double> _gradient;
    private readonly int[] _batch;
    private readonly float[] _oneHot;
    private Rng _rng;
    private long _steps;
    private int _updates;

    /// <summary>Creates the agent for <paramref name="observationSpace"/> (Discrete or Box) and <paramref name="actionCount"/> actions.</summary>
    public BehaviourCloningAgent(Space observationSpace, int actionCount, Demonstrations demonstrations, BehaviourCloningOptions options, long seed)
    {
        Options = options;
        SettingsBinder.Validate(options);
        _observationSpace = observationSpace;
        _demonstrations = demonstrations;
        _rng = new Rng(seed);
        int features = Demonstrations.FeatureCount(observationSpace);
        _policy = Mlp.Create([features, .. options.HiddenSizes, actionCount], Activation.ReLU, _rng, WeightInit.PyTorchDefault);
        _optimizer = new Adam(_policy.Parameters, options.LearningRate);
        _x = Matrix<double>.Build.Dense(options.BatchSize, features);
        _gradient = Matrix<double>.Build.Dense(options.BatchSize, actionCount);
        _batch = new int[options.BatchSize];
        _oneHot = observationSpace is Discrete d ? new float[d.N] : [];
        ActionCount = actionCount;
    }

    /// <inheritdoc />
    public string Name => AgentName;

    /// <summary>The hyperparameters.</summary>
    public BehaviourCloningOptions Options { get; }

    /// <summary>The policy network π(·|s; θ) (its outputs are logits).</summary>
    public Sequential Policy => _policy;

    /// <summary>The demonstrated pairs the agent learns from.</summary>
    public Demonstrations Demonstrations => _demonstrations;

    /// <summary>Gradient steps taken.</summary>
    public int Updates => _updates;

    /// <summary>The loss L(θ) of the last gradient step (NaN before the first).</summary>
    public double LastLoss { get; private set; } = double.NaN;

    /// <inheritdoc />
    public int ActionCount { get; }

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.Probabilities;

    /// <inheritdoc />
    public int Act(float[] observation, bool explore)
    {
        var logits = _policy.Predict(observation);
        return explore ? Categorical.Sample(logits, _rng) : Categorical.Mode(logits);
    }

    /// <inheritdoc />
    public int Act(int observation, bool explore) => Act(OneHot(observation), explore);

    /// <inheritdoc />
    public void Observe(in Transition<float[], int> transition) => Step();

    /// <inheritdoc />
    public void Observe(in Transition<int, int> transition) => Step();

    /// <summary>Takes every remaining gradient step.</summary>
    public void Fit()
    {
        while (_updates < Options.Updates) Update();
    }

    /// <summary>The fraction of demonstrated pairs whose action is the greedy action of π: 1 when π reproduces the demonstrator on D.</summary>
    public double Accuracy()
    {
        int hits = 0;
        for (int i = 0; i < _demonstrations.Count; i++)
            if (Categorical.Mode(_policy.Predict(_demonstrations.Features(i))) == _demonstrations.Action(i)) hits++;
        return hits / (double)_demonstrations.Count;
    }

    /// <inheritdoc />
    public void ActionValues(float[] observation, Span<double> values) => Categorical.Probabilities(_policy.Predict(observation), values);

    /// <inheritdoc />
    public void ActionValues(int observation, Span<double> values) => ActionValues(OneHot(observation), values);

    private void Step()
    {
        _steps++;
        for (int k = 0; k < Options.UpdatesPerStep && _updates < Options.Updates; k++) Update();
    }

    private void Update()
    {
        int b = _batch.Length, actions = ActionCount;
        for (int i = 0; i < b; i++)
        {
            _batch[i] = _rng.NextInt(_demonstrations.Count);
            var f = _demonstrations.Features(_batch[i]);
            for (int j = 0; j < f.Length; j++) _x[i, j] = f[j];
        }

        // L(θ) = −(1/B) Σ_i ln π(a_i|s_i; θ);  ∂L/∂f_i = (softmax(f_i) − onehot(a_i)) / B
        _policy.ZeroGrad();
        var logits = _policy.Forward(_x);
        double loss = 0;
        for (int i = 0; i < b; i++)
        {
            double max = double.NegativeInfinity;
            for (int a = 0; a < actions; a++) max = Math.Max(max, logits[i, a]);
            double sum = 0;
            for (int a = 0; a < actions; a++) sum += Math.Exp(logits[i, a] - max);
            int target = _demonstrations.Action(_batch[i]);
            loss -= logits[i, target] - max - Math.Log(sum);
            for (int a = 0; a < actions; a++)
                _gradient[i, a] = (Math.Exp(logits[i, a] - max) / sum - (a == target ? 1 : 0)) / b;
        }
        _policy.Backward(_gradient);
        _optimizer.Step();
        LastLoss = loss / b;
        _updates++;
    }

    private float[] OneHot(int observation)
    {
        if (_observationSpace is not Discrete d) throw new InvalidOperationException("This agent was made for Box observations.");
        Array.Clear(_oneHot);
        _oneHot[observation - d.Start] = 1;
        return _oneHot;
    }

    /// <inheritdoc />
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(Version);
        w.Write(_steps);
        w.Write(_updates);
        w.Write(LastLoss);
        RngFormat.Write(w, _rng);
        w.Flush();
        _policy.Save(stream);
        _optimizer.Save(stream);
    }

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        if (r.ReadUInt32() != Magic || r.ReadInt32() != Version)
            throw new UserInputException($"the saved agent is not a {AgentName} agent of this version");
        _steps = r.ReadInt64();
        _updates = r.ReadInt32();
        LastLoss = r.ReadDouble();
        _rng = RngFormat.Read(r);
        _policy.Load(stream);
        _optimizer.Load(stream);
    }
}
