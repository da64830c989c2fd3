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
/// REINFORCE with baseline (lecture 4, "policy gradient with baseline"): the return u_t is compared with a value
/// network v(s; w) that learns V_π by regression on the same returns. At each episode's end, for every step:
/// δ_t = v(s_t; w) − u_t, θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ), w ← w − α δ_t ∇w v(s_t; w).
/// <para>
/// Since E[b ∇ ln π] = 0 for a b that does not depend on the action, subtracting v(s_t) leaves the gradient's mean
/// alone and lowers its variance. When a time limit truncates the episode the returns continue with γ v(s_n; w)
/// (<see cref="ReinforceBaselineOptions.BootstrapTruncation"/>), since the state after the cut is not terminal.
/// Both networks are MLPs of <see cref="PolicyGradientOptions.HiddenSizes"/>. The policy reads its outputs through an
/// <see cref="ActionHead{TAct}"/>: a softmax for Discrete actions, or for Box actions the Gaussian
/// π(a|s; θ) = N(μ(s; θ), σ²) of lecture 6 with a learned, state-independent ln σ, whose
/// ∂ ln N/∂μ = (a − μ)/σ² and ∂ ln N/∂ln σ = (a − μ)²/σ² − 1 (the sample before clipping to the Box is the one
/// learned from). <see cref="IActionValues{TObs}"/> reports π(a|s) for Discrete actions. Episodes go through the networks in chunks of <see cref="ReinforceAgent.ChunkSize"/> rows. With K
/// environment copies each copy's episode is kept apart and learned from when it ends.
/// </para>
/// </summary>
public sealed class ReinforceBaselineAgent<TAct> : IAgent<float[], TAct>, IActionValues<float[]> where TAct : notnull
{
    private readonly Rng _rng;
    private readonly Sequential _policy;
    private readonly ActionHead<TAct> _head;
    private readonly ChosenActions<TAct> _chosen;
    private readonly Matrix<double> _dz;
    private readonly double[] _action;
    private readonly Sequential _value;
    private readonly Optimizer _policyOptimizer;
    private readonly Optimizer _valueOptimizer;
    private readonly MseLoss _valueLoss = new(Reduction.Sum);
    private readonly List<EpisodeBuffer> _unfinished = []; // each environment copy's episode so far
    private readonly int _observationSize;
    private readonly Chunk _chunk;
    private long _steps, _episodes;

    /// <summary>Creates the agent for observations of <paramref name="observationSize"/> floats and the action distribution <paramref name="head"/>.</summary>
    public ReinforceBaselineAgent(int observationSize, ActionHead<TAct> head, ReinforceBaselineOptions? options = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(head);
        Options = options ?? new ReinforceBaselineOptions();
        SettingsBinder.Validate(Options);
        _rng = new Rng(seed);
        _head = head;
        _policy = NetworkBuilder.Create(observationSize, Options.HiddenSizes, head.OutputSize, Options.Activation, outputGain: 0.01, _rng);
        _value = NetworkBuilder.Create(observationSize, Options.HiddenSizes, 1, Options.Activation, outputGain: 1.0, _rng);
        _policyOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, [.. _policy.Parameters, .. head.Parameters], Options.Beta, Options.MaxGradNorm);
        _valueOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, _value, Options.Alpha, Options.MaxGradNorm);
        _chosen = new ChosenActions<TAct>(head);
        _observationSize = observationSize;
        _chunk = new Chunk(Options.StepEachT ? 1 : ReinforceAgent.ChunkSize, observationSize, head.ActionWidth);
        _dz = Matrix<double>.Build.Dense(_chunk.Rows, head.OutputSize);
        _action = new double[head.ActionWidth];
    }

    /// <inheritdoc />
    public string Name => ReinforceBaselineAgent.AgentName;

    /// <summary>The hyperparameters.</summary>
    public ReinforceBaselineOptions Options { get; }

    /// <summary>The policy network: logits, or the Gaussian's means μ(s; θ).</summary>
    public Sequential Policy => _policy;

    /// <summary>The action distribution (for Box actions it holds ln σ).</summary>
    public ActionHead<TAct> Head => _head;

    /// <summary>The value network v(s; w), the baseline.</summary>
    public Sequential Value => _value;

    /// <inheritdoc />
    public int ActionCount => _head is CategoricalHead ? _head.OutputSize : 0;

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.Probabilities;

    /// <summary>Transitions observed so far.</summary>
    public long Steps => _steps;

    /// <summary>Episodes learned from so far.</summary>
    public long Episodes => _episodes;

    /// <summary>
    /// When false, the end of an episode still computes both networks' gradients but steps neither: for measuring
    /// the gradient estimate at a fixed θ and w.
    /// </summary>
    public bool Learns { get; set; } = true;

    /// <summary>Greedy: the arg max or the mean (clipped); exploring: a ~ π(·|s; θ), remembered as copy 0's.</summary>
    public TAct Act(float[] observation, bool explore) => Act(observation, explore, copy: 0);

    /// <summary>a ~ π(·|s; θ) for every copy.</summary>
    public void Act(ReadOnlySpan<float[]> observations, Span<TAct> actions)
    {
        for (int i = 0; i < observations.Length; i++) actions[i] = Act(observations[i], explore: true, copy: i);
    }

    private TAct Act(float[] observation, bool explore, int copy)
    {
        var z = _policy.Predict(observation);
        if (!explore)
        {
            _head.Greedy(z, _action);
            return _head.ToEnv(_action);
        }
        _head.Sample(z, _rng, _action);
        var handed = _head.ToEnv(_action);
        _chosen.Remember(copy, handed, _action);
        return handed;
    }

    /// <inheritdoc />
    public void Observe(in Transition<float[], TAct> t)
    {
        while (_unfinished.Count <= t.Copy) _unfinished.Add(new EpisodeBuffer(_observationSize, _head.ActionWidth));
        var episode = _unfinished[t.Copy];
        episode.Add(t.Observation, _chosen.Recall(t.Copy, t.Action), t.Reward);
        _steps++;
        if (!t.Done) return;

        // u_t = Σ_{k≥t} γ^{k−t} r_k, continued past a time limit by v(s_n; w)
        bool truncated = t.Truncated && !t.Terminated;
        double tail = truncated && Options.BootstrapTruncation ? _value.Predict(t.NextObservation)[0] : 0;
        Learn(episode, episode.ComputeReturns(Options.Gamma, tail));
        episode.Clear();
        _episodes++;
    }

    private void Learn(EpisodeBuffer episode, ReadOnlySpan<double> u)
    {

        // One step on the sums over the episode, or with StepEachT one step per t as the textbook's loop (then each
        // δ_t sees the w left by the previous step).
        var c = _chunk;
        ZeroGrad();
        for (int start = 0; start < episode.Count; start += c.Rows)
        {
            c.Load(episode, u, start);

            // δ_t = v(s_t; w) − u_t
            var values = _value.Forward(c.Observations);
            var v = values.AsColumnMajorArray();
            for (int i = 0; i < c.Rows; i++) c.Weights[i] = c.Mask[i] * (c.Returns[i] - v[i]);

            // w ← w − α δ_t ∇w v(s_t; w), as descent on ½ Σ_t (v(s_t; w) − u_t)²
            _value.Backward(_valueLoss.Gradient(values, [], c.Returns, c.Mask));

            // θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ), as descent on −Σ_t (−δ_t) ln π(a_t|s_t; θ); for a Gaussian
            // ∇θ ln π = (a_t − μ)/σ² ∇θ μ(s_t; θ) on the network and (a_t − μ)²/σ² − 1 on ln σ
            _head.SurrogateGradient(_policy.Forward(c.Observations), c.Actions, c.Weights, entropyCoefficient: 0, scale: 1, _dz);
            _policy.Backward(_dz);

            if (Options.StepEachT && Learns) Step();
        }
        if (!Options.StepEachT && Learns) Step();
    }

    private void Step()
    {
        _valueOptimizer.Step();
        _policyOptimizer.Step();
        ZeroGrad();
    }

    private void ZeroGrad()
    {
        _value.ZeroGrad();
        _policy.ZeroGrad();
        foreach (var p in _head.Parameters) p.ZeroGrad();
    }

    /// <summary>Writes π(a|s; θ) for every action (nothing for a Gaussian).</summary>
    public void ActionValues(float[] observation, Span<double> values)
    {
        if (_head is CategoricalHead) Categorical.Probabilities(_policy.Predict(observation), values);
    }

    /// <summary>v(s; w).</summary>
    public double StateValue(float[] observation) => _value.Predict(observation)[0];

    /// <summary>
    /// The policy surrogate −Σ_i (u_i − v(s_i; w)) ln π(a_i|s_i; θ) of one batch (v held constant), for gradient
    /// checks; <paramref name="observations"/> is batch × features, <paramref name="actions"/> the stored actions.
    /// </summary>
    public double PolicyLoss(Matrix<double> observations, ReadOnlySpan<double> actions, ReadOnlySpan<double> returns)
    {
        var advantages = Advantages(observations, returns);
        return _head.Surrogate(_policy.Predict(observations), actions, advantages, entropyCoefficient: 0, scale: 1);
    }

    /// <summary>Zeroes the policy's (and ln σ's) gradients and adds ∂/∂θ of <see cref="PolicyLoss"/>.</summary>
    public void PolicyLossGradient(Matrix<double> observations, ReadOnlySpan<double> actions, ReadOnlySpan<double> returns)
    {
        var advantages = Advantages(observations, returns);
        _policy.ZeroGrad();
        foreach (var p in _head.Parameters) p.ZeroGrad();
        var dz = Matrix<double>.Build.Dense(observations.RowCount, _head.OutputSize);
        _head.SurrogateGradient(_policy.Forward(observations), actions, advantages, entropyCoefficient: 0, scale: 1, dz);
        _policy.Backward(dz);
    }

    /// <summary>The value loss ½ Σ_i (v(s_i; w) − u_i)², for gradient checks.</summary>
    public double ValueLoss(Matrix<double> observations, ReadOnlySpan<double> returns) =>
        _valueLoss.Value(_value.Predict(observations), returns);

    /// <summary>Zeroes the value network's gradients and adds ∂/∂w of <see cref="ValueLoss"/>.</summary>
    public void ValueLossGradient(Matrix<double> observations, ReadOnlySpan<double> returns)
    {
        _value.ZeroGrad();
        _value.Backward(_valueLoss.Gradient(_value.Forward(observations), returns));
    }

    private double[] Advantages(Matrix<double> observations, ReadOnlySpan<double> returns)
    {
        var v = _value.Predict(observations).AsColumnMajorArray();
        var a = new double[returns.Length];
        for (int i = 0; i < a.Length; i++) a[i] = returns[i] - v[i];
        return a;
    }

    /// <inheritdoc />
    public void Save(Stream stream) =>
        AgentFile.Write(stream, Name, SettingsBinder.ToDictionary(Options), _rng, [_steps, _episodes],
            [_policy, _value], [_policyOptimizer, _valueOptimizer], w =>
            {
                HeadParameters.Write(w, _head);
                EpisodeBuffer.Write(w, _unfinished);
            });

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        Span<long> counters = stackalloc long[2];
        AgentFile.Read(stream, Name, _rng, counters, [_policy, _value], [_policyOptimizer, _valueOptimizer],
            r =>
            {
                HeadParameters.Read(r, _head);
                EpisodeBuffer.Read(r, _unfinished, _observationSize, _head.ActionWidth);
            });
        (_steps, _episodes) = (counters[0], counters[1]);
    }
}

/// <summary>What every <see cref="ReinforceBaselineAgent{TAct}"/> shares whatever its actions.</summary>
public static class ReinforceBaselineAgent
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "reinforce-baseline";
}
