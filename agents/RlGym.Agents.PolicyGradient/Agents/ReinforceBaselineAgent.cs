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
/// Both networks are MLPs of <see cref="PolicyGradientOptions.HiddenSizes"/>; <see cref="IActionValues{TObs}"/>
/// reports π(a|s). Episodes go through the networks in chunks of <see cref="ReinforceAgent.ChunkSize"/> rows. With K
/// environment copies each copy's episode is kept apart and learned from when it ends.
/// </para>
/// </summary>
public sealed class ReinforceBaselineAgent : IAgent<float[], int>, IActionValues<float[]>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "reinforce-baseline";

    private readonly Rng _rng;
    private readonly Sequential _policy;
    private readonly Sequential _value;
    private readonly Optimizer _policyOptimizer;
    private readonly Optimizer _valueOptimizer;
    private readonly PolicyGradientLoss _policyLoss = new(entropyCoefficient: 0, Reduction.Sum);
    private readonly MseLoss _valueLoss = new(Reduction.Sum);
    private readonly List<EpisodeBuffer> _unfinished = []; // each environment copy's episode so far
    private readonly int _observationSize;
    private readonly Chunk _chunk;
    private long _steps, _episodes;

    /// <summary>Creates the agent for observations of <paramref name="observationSize"/> floats and <paramref name="actionCount"/> actions.</summary>
    public ReinforceBaselineAgent(int observationSize, int actionCount, ReinforceBaselineOptions? options = null, long seed = 0)
    {
        Options = options ?? new ReinforceBaselineOptions();
        SettingsBinder.Validate(Options);
        _rng = new Rng(seed);
        _policy = NetworkBuilder.Create(observationSize, Options.HiddenSizes, actionCount, Options.Activation, outputGain: 0.01, _rng);
        _value = NetworkBuilder.Create(observationSize, Options.HiddenSizes, 1, Options.Activation, outputGain: 1.0, _rng);
        _policyOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, _policy, Options.Beta, Options.MaxGradNorm);
        _valueOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, _value, Options.Alpha, Options.MaxGradNorm);
        _observationSize = observationSize;
        _chunk = new Chunk(Options.StepEachT ? 1 : ReinforceAgent.ChunkSize, observationSize);
        ActionCount = actionCount;
    }

    /// <inheritdoc />
    public string Name => AgentName;

    /// <summary>The hyperparameters.</summary>
    public ReinforceBaselineOptions Options { get; }

    /// <summary>The policy network π(·|s; θ) (its outputs are logits).</summary>
    public Sequential Policy => _policy;

    /// <summary>The value network v(s; w), the baseline.</summary>
    public Sequential Value => _value;

    /// <inheritdoc />
    public int ActionCount { get; }

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

    /// <inheritdoc />
    public int Act(float[] observation, bool explore)
    {
        var logits = _policy.Predict(observation);
        return explore ? Categorical.Sample(logits, _rng) : Categorical.Mode(logits);
    }

    /// <inheritdoc />
    public void Observe(in Transition<float[], int> t)
    {
        while (_unfinished.Count <= t.Copy) _unfinished.Add(new EpisodeBuffer(_observationSize));
        var episode = _unfinished[t.Copy];
        episode.Add(t.Observation, t.Action, t.Reward);
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
        _policy.ZeroGrad();
        _value.ZeroGrad();
        for (int start = 0; start < episode.Count; start += c.Rows)
        {
            c.Load(episode, u, start);

            // δ_t = v(s_t; w) − u_t
            var values = _value.Forward(c.Observations);
            var v = values.AsColumnMajorArray();
            for (int i = 0; i < c.Rows; i++) c.Weights[i] = c.Mask[i] * (c.Returns[i] - v[i]);

            // w ← w − α δ_t ∇w v(s_t; w), as descent on ½ Σ_t (v(s_t; w) − u_t)²
            _value.Backward(_valueLoss.Gradient(values, [], c.Returns, c.Mask));

            // θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ), as descent on −Σ_t (−δ_t) ln π(a_t|s_t; θ)
            _policy.Backward(_policyLoss.Gradient(_policy.Forward(c.Observations), c.Actions, c.Weights));

            if (Options.StepEachT && Learns) Step();
        }
        if (!Options.StepEachT && Learns) Step();
    }

    private void Step()
    {
        _valueOptimizer.Step();
        _policyOptimizer.Step();
        _value.ZeroGrad();
        _policy.ZeroGrad();
    }

    /// <summary>Writes π(a|s; θ) for every action.</summary>
    public void ActionValues(float[] observation, Span<double> values) =>
        Categorical.Probabilities(_policy.Predict(observation), values);

    /// <summary>v(s; w).</summary>
    public double StateValue(float[] observation) => _value.Predict(observation)[0];

    /// <summary>
    /// The policy surrogate −Σ_i (u_i − v(s_i; w)) ln π(a_i|s_i; θ) of one batch (v held constant), for gradient
    /// checks; <paramref name="observations"/> is batch × features.
    /// </summary>
    public double PolicyLoss(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> returns)
    {
        var advantages = Advantages(observations, returns);
        return _policyLoss.Value(_policy.Predict(observations), actions, advantages);
    }

    /// <summary>Zeroes the policy's gradients and adds ∂/∂θ of <see cref="PolicyLoss"/>.</summary>
    public void PolicyLossGradient(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> returns)
    {
        var advantages = Advantages(observations, returns);
        _policy.ZeroGrad();
        _policy.Backward(_policyLoss.Gradient(_policy.Forward(observations), actions, advantages));
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
            [_policy, _value], [_policyOptimizer, _valueOptimizer], w => EpisodeBuffer.Write(w, _unfinished));

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        Span<long> counters = stackalloc long[2];
        AgentFile.Read(stream, Name, _rng, counters, [_policy, _value], [_policyOptimizer, _valueOptimizer],
            r => EpisodeBuffer.Read(r, _unfinished, _observationSize));
        (_steps, _episodes) = (counters[0], counters[1]);
    }
}
