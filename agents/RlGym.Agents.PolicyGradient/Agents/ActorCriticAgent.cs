using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Core.Settings;
using RlGym.Neural.Distributions;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;
using RlGym.Neural.Persistence;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Actor-critic with a q-critic (lecture 1, "actor-critic methods"): the policy network π(a|s; θ) acts, the value
/// network q(s, a; w) judges, and both learn from every transition:
/// a_t ~ π(·|s_t; θ); observe r_t, s_{t+1}; ã_{t+1} ~ π(·|s_{t+1}; θ) (drawn, not taken);
/// δ_t = q(s_t, a_t; w) − (r_t + γ q(s_{t+1}, ã_{t+1}; w)); w ← w − α δ_t ∇w q(s_t, a_t; w);
/// θ ← θ + β q_t ∇θ ln π(a_t|s_t; θ), or with <see cref="AdvantageKind.TdError"/> −δ_t in place of q_t.
/// <para>
/// q_t and δ_t are computed with w before its step, as the lecture orders the algorithm. A terminal s_{t+1} is worth 0;
/// a truncated one still bootstraps. Both networks are MLPs; <see cref="IActionValues{TObs}"/> reports q(s, ·; w).
/// Every update is a batch of one, preallocated, so learning allocates nothing. It carries nothing from one step to
/// the next, so K environment copies need no state of their own: their transitions are learned from one by one.
/// </para>
/// </summary>
public sealed class ActorCriticAgent : IAgent<float[], int>, IActionValues<float[]>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "actor-critic";

    private readonly Rng _rng;
    private readonly Sequential _policy;
    private readonly Sequential _q;
    private readonly Optimizer _policyOptimizer;
    private readonly Optimizer _qOptimizer;
    private readonly PolicyGradientLoss _policyLoss = new(entropyCoefficient: 0, Reduction.Sum);
    private readonly MseLoss _qLoss = new(Reduction.Sum);
    private readonly Matrix<double> _x;
    private readonly int[] _action = new int[1];
    private readonly double[] _target = new double[1];
    private readonly double[] _weight = new double[1];
    private long _steps;

    /// <summary>Creates the agent for observations of <paramref name="observationSize"/> floats and <paramref name="actionCount"/> actions.</summary>
    public ActorCriticAgent(int observationSize, int actionCount, ActorCriticOptions? options = null, long seed = 0)
    {
        Options = options ?? new ActorCriticOptions();
        SettingsBinder.Validate(Options);
        _rng = new Rng(seed);
        _policy = NetworkBuilder.Create(observationSize, Options.HiddenSizes, actionCount, Options.Activation, outputGain: 0.01, _rng);
        _q = NetworkBuilder.Create(observationSize, Options.HiddenSizes, actionCount, Options.Activation, outputGain: 1.0, _rng);
        _policyOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, _policy, Options.Beta, Options.MaxGradNorm);
        _qOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, _q, Options.Alpha, Options.MaxGradNorm);
        _x = Matrix<double>.Build.Dense(1, observationSize);
        ActionCount = actionCount;
    }

    /// <inheritdoc />
    public string Name => AgentName;

    /// <summary>The hyperparameters.</summary>
    public ActorCriticOptions Options { get; }

    /// <summary>The policy network π(·|s; θ) (its outputs are logits).</summary>
    public Sequential Policy => _policy;

    /// <summary>The value network q(s, ·; w), one output per action.</summary>
    public Sequential Q => _q;

    /// <inheritdoc />
    public int ActionCount { get; }

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.ActionValues;

    /// <summary>Transitions learned from so far.</summary>
    public long Steps => _steps;

    /// <inheritdoc />
    public int Act(float[] observation, bool explore)
    {
        var logits = _policy.Predict(observation);
        return explore ? Categorical.Sample(logits, _rng) : Categorical.Mode(logits);
    }

    /// <inheritdoc />
    public void Observe(in Transition<float[], int> t)
    {
        // ã_{t+1} ~ π(·|s_{t+1}; θ): drawn for the target only, never taken
        double qNext = 0;
        if (!t.Terminated)
        {
            int next = Categorical.Sample(_policy.Predict(t.NextObservation), _rng);
            qNext = _q.Predict(t.NextObservation)[next];
        }

        // q_t = q(s_t, a_t; w);  δ_t = q_t − (r_t + γ q(s_{t+1}, ã_{t+1}; w))
        BatchRows.Write(_x, 0, t.Observation);
        _action[0] = t.Action;
        _target[0] = t.Reward + Options.Gamma * qNext;
        var q = _q.Forward(_x);
        double qt = q.AsColumnMajorArray()[t.Action];
        double delta = qt - _target[0];

        // w ← w − α δ_t ∇w q(s_t, a_t; w), as descent on ½ (q(s_t, a_t; w) − y_t)²
        _q.ZeroGrad();
        _q.Backward(_qLoss.Gradient(q, _action, _target));
        _qOptimizer.Step();

        // θ ← θ + β q_t ∇θ ln π(a_t|s_t; θ)  (or −δ_t in place of q_t), as descent on −q_t ln π(a_t|s_t; θ)
        _weight[0] = Options.Advantage == AdvantageKind.Q ? qt : -delta;
        _policy.ZeroGrad();
        _policy.Backward(_policyLoss.Gradient(_policy.Forward(_x), _action, _weight));
        _policyOptimizer.Step();
        _steps++;
    }

    /// <summary>Writes q(s, a; w) for every action.</summary>
    public void ActionValues(float[] observation, Span<double> values) => _q.Predict(observation).CopyTo(values);

    /// <summary>The actor's surrogate −Σ_i w_i ln π(a_i|s_i; θ) for given weights (q_t or −δ_t), for gradient checks.</summary>
    public double PolicyLoss(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> weights) =>
        _policyLoss.Value(_policy.Predict(observations), actions, weights);

    /// <summary>Zeroes the policy's gradients and adds ∂/∂θ of <see cref="PolicyLoss"/>.</summary>
    public void PolicyLossGradient(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> weights)
    {
        _policy.ZeroGrad();
        _policy.Backward(_policyLoss.Gradient(_policy.Forward(observations), actions, weights));
    }

    /// <summary>The critic's loss ½ Σ_i (q(s_i, a_i; w) − y_i)², for gradient checks.</summary>
    public double ValueLoss(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> targets) =>
        _qLoss.Value(_q.Predict(observations), actions, targets);

    /// <summary>Zeroes the critic's gradients and adds ∂/∂w of <see cref="ValueLoss"/>.</summary>
    public void ValueLossGradient(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> targets)
    {
        _q.ZeroGrad();
        _q.Backward(_qLoss.Gradient(_q.Forward(observations), actions, targets));
    }

    /// <inheritdoc />
    public void Save(Stream stream) =>
        AgentFile.Write(stream, Name, SettingsBinder.ToDictionary(Options), _rng, [_steps],
            [_policy, _q], [_policyOptimizer, _qOptimizer]);

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        Span<long> counters = stackalloc long[1];
        AgentFile.Read(stream, Name, _rng, counters, [_policy, _q], [_policyOptimizer, _qOptimizer]);
        _steps = counters[0];
    }
}
