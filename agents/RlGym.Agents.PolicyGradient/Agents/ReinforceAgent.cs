using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Random;
using RlGym.Core.Settings;
using RlGym.Neural.Distributions;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;
using RlGym.Neural.Persistence;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// REINFORCE (lecture 1, "policy-based learning"): play an episode with a ~ π(·|s; θ), then at its end compute
/// every return u_t = Σ_{k≥t} γ^{k−t} r_k and ascend θ ← θ + β Σ_t u_t ∇θ ln π(a_t|s_t; θ).
/// <para>
/// π reads the outputs z of an MLP (<see cref="PolicyGradientOptions.HiddenSizes"/>; none gives a linear policy) through
/// its <see cref="ActionHead{TAct}"/>: a softmax over logits for Discrete actions, or for Box actions (lecture 6,
/// "stochastic policy for continuous control") the Gaussian π(a|s; θ) = N(μ(s; θ), σ²) with z = μ and a learned,
/// state-independent ln σ, for which
/// <code>
/// ∂ ln N(a; μ, σ²)/∂μ = (a − μ)/σ²        ∂ ln N(a; μ, σ²)/∂ln σ = (a − μ)²/σ² − 1
/// </code>
/// The environment gets the sample clipped to the Box; the log-probability is of the sample before clipping.
/// A truncated episode's returns are cut at the truncation: REINFORCE has no critic to bootstrap from.
/// <see cref="IActionValues{TObs}"/> reports π(a|s) for Discrete actions. The episode is pushed through the network in chunks of
/// <see cref="ReinforceAgent.ChunkSize"/> rows (the last one padded with zero-weight rows) so the network keeps one set of buffers
/// whatever the episode's length, and learning allocates nothing once the longest episode has been met. With K
/// environment copies each copy's episode is kept apart and learned from when it ends.
/// </para>
/// </summary>
public sealed class ReinforceAgent<TAct> : IAgent<float[], TAct>, IActionValues<float[]> where TAct : notnull
{
    private readonly Rng _rng;
    private readonly Sequential _policy;
    private readonly ActionHead<TAct> _head;
    private readonly Optimizer _optimizer;
    private readonly ChosenActions<TAct> _chosen;
    private readonly List<EpisodeBuffer> _unfinished = []; // each environment copy's episode so far
    private readonly int _observationSize;
    private readonly Chunk _chunk;
    private readonly Matrix<double> _dz;
    private readonly double[] _action;
    private long _steps, _episodes;

    /// <summary>Creates the agent for observations of <paramref name="observationSize"/> floats and the action distribution <paramref name="head"/>.</summary>
    public ReinforceAgent(int observationSize, ActionHead<TAct> head, ReinforceOptions? options = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(head);
        Options = options ?? new ReinforceOptions();
        SettingsBinder.Validate(Options);
        _rng = new Rng(seed);
        _head = head;
        _policy = NetworkBuilder.Create(observationSize, Options.HiddenSizes, head.OutputSize, Options.Activation, outputGain: 0.01, _rng);
        _optimizer = NetworkBuilder.Optimizer(Options.Optimizer, [.. _policy.Parameters, .. head.Parameters], Options.Beta, Options.MaxGradNorm);
        _chosen = new ChosenActions<TAct>(head);
        _observationSize = observationSize;
        _chunk = new Chunk(Options.StepEachT ? 1 : ReinforceAgent.ChunkSize, observationSize, head.ActionWidth);
        _dz = Matrix<double>.Build.Dense(_chunk.Rows, head.OutputSize);
        _action = new double[head.ActionWidth];
    }

    /// <inheritdoc />
    public string Name => ReinforceAgent.AgentName;

    /// <summary>The hyperparameters.</summary>
    public ReinforceOptions Options { get; }

    /// <summary>The policy network: logits, or the Gaussian's means μ(s; θ).</summary>
    public Sequential Policy => _policy;

    /// <summary>The action distribution (for Box actions it holds ln σ).</summary>
    public ActionHead<TAct> Head => _head;

    /// <summary>The policy's optimizer.</summary>
    public Optimizer Optimizer => _optimizer;

    /// <inheritdoc />
    public int ActionCount => _head is CategoricalHead ? _head.OutputSize : 0;

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.Probabilities;

    /// <summary>Transitions observed so far.</summary>
    public long Steps => _steps;

    /// <summary>Episodes learned from so far.</summary>
    public long Episodes => _episodes;

    /// <summary>
    /// When false, the end of an episode still computes ∇θ of the episode's surrogate into the policy's gradients
    /// but does not step: for measuring the gradient estimate at a fixed θ.
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
        Learn(episode);
        episode.Clear();
        _episodes++;
    }

    private void Learn(EpisodeBuffer episode)
    {
        // u_t = Σ_{k≥t} γ^{k−t} r_k
        var u = episode.ComputeReturns(Options.Gamma);
        if (Options.NormalizeReturns) Standardize(u);

        // θ ← θ + β Σ_t u_t ∇θ ln π(a_t|s_t; θ), as descent on L(θ) = −Σ_t u_t ln π(a_t|s_t; θ), where for a Gaussian
        // ∇θ ln π = (a_t − μ)/σ² ∇θ μ(s_t; θ) on the network and (a_t − μ)²/σ² − 1 on ln σ
        // (one step on the whole sum, or with StepEachT one step per t as the textbook's loop)
        var c = _chunk;
        ZeroGrad();
        for (int start = 0; start < episode.Count; start += c.Rows)
        {
            c.Load(episode, u, start);
            _head.SurrogateGradient(_policy.Forward(c.Observations), c.Actions, c.Weights, entropyCoefficient: 0, scale: 1, _dz);
            _policy.Backward(_dz);
            if (Options.StepEachT && Learns)
            {
                _optimizer.Step();
                ZeroGrad();
            }
        }
        if (!Options.StepEachT && Learns) _optimizer.Step();
    }

    private void ZeroGrad()
    {
        _policy.ZeroGrad();
        foreach (var p in _head.Parameters) p.ZeroGrad();
    }

    /// <summary>Writes π(a|s; θ) for every action (nothing for a Gaussian).</summary>
    public void ActionValues(float[] observation, Span<double> values)
    {
        if (_head is CategoricalHead) Categorical.Probabilities(_policy.Predict(observation), values);
    }

    /// <summary>
    /// The surrogate L(θ) = −Σ_t u_t ln π(a_t|s_t; θ) of one batch (what the end of an episode differentiates), for
    /// gradient checks: <paramref name="observations"/> is batch × features, <paramref name="actions"/> the stored
    /// actions (<see cref="ActionHead{TAct}.ActionWidth"/> doubles per row).
    /// </summary>
    public double Loss(Matrix<double> observations, ReadOnlySpan<double> actions, ReadOnlySpan<double> returns) =>
        _head.Surrogate(_policy.Predict(observations), actions, returns, entropyCoefficient: 0, scale: 1);

    /// <summary>Adds ∂L/∂θ of <see cref="Loss"/> into the policy's (and ln σ's) gradients (after zeroing them).</summary>
    public void LossGradient(Matrix<double> observations, ReadOnlySpan<double> actions, ReadOnlySpan<double> returns)
    {
        ZeroGrad();
        var dz = Matrix<double>.Build.Dense(observations.RowCount, _head.OutputSize);
        _head.SurrogateGradient(_policy.Forward(observations), actions, returns, entropyCoefficient: 0, scale: 1, dz);
        _policy.Backward(dz);
    }

    internal static void Standardize(Span<double> u)
    {
        double mean = 0, variance = 0;
        foreach (var x in u) mean += x;
        mean /= u.Length;
        foreach (var x in u) variance += (x - mean) * (x - mean);
        double std = Math.Sqrt(variance / u.Length);
        for (int i = 0; i < u.Length; i++) u[i] = (u[i] - mean) / (std + 1e-8);
    }

    /// <inheritdoc />
    public void Save(Stream stream) =>
        AgentFile.Write(stream, Name, SettingsBinder.ToDictionary(Options), _rng, [_steps, _episodes], [_policy], [_optimizer], w =>
        {
            HeadParameters.Write(w, _head);
            EpisodeBuffer.Write(w, _unfinished);
        });

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        Span<long> counters = stackalloc long[2];
        AgentFile.Read(stream, Name, _rng, counters, [_policy], [_optimizer], r =>
        {
            HeadParameters.Read(r, _head);
            EpisodeBuffer.Read(r, _unfinished, _observationSize, _head.ActionWidth);
        });
        (_steps, _episodes) = (counters[0], counters[1]);
    }
}

/// <summary>What every <see cref="ReinforceAgent{TAct}"/> shares whatever its actions.</summary>
public static class ReinforceAgent
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "reinforce";

    /// <summary>Rows per forward/backward pass when learning from an episode.</summary>
    public const int ChunkSize = 64;
}
