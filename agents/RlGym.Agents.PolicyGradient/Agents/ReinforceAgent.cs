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
/// REINFORCE (lecture 1, "policy-based learning"): play an episode with a ~ π(·|s; θ), then at its end compute
/// every return u_t = Σ_{k≥t} γ^{k−t} r_k and ascend θ ← θ + β Σ_t u_t ∇θ ln π(a_t|s_t; θ).
/// <para>
/// π is a softmax over the logits of an MLP (<see cref="PolicyGradientOptions.HiddenSizes"/>; none gives a linear policy).
/// A truncated episode's returns are cut at the truncation: REINFORCE has no critic to bootstrap from.
/// <see cref="IActionValues{TObs}"/> reports π(a|s). The episode is pushed through the network in chunks of
/// <see cref="ChunkSize"/> rows (the last one padded with zero-weight rows) so the network keeps one set of buffers
/// whatever the episode's length, and learning allocates nothing once the longest episode has been met. With K
/// environment copies each copy's episode is kept apart and learned from when it ends.
/// </para>
/// </summary>
public sealed class ReinforceAgent : IAgent<float[], int>, IActionValues<float[]>
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "reinforce";

    /// <summary>Rows per forward/backward pass when learning from an episode.</summary>
    public const int ChunkSize = 64;

    private readonly Rng _rng;
    private readonly Sequential _policy;
    private readonly Optimizer _optimizer;
    private readonly PolicyGradientLoss _loss = new(entropyCoefficient: 0, Reduction.Sum);
    private readonly List<EpisodeBuffer> _unfinished = []; // each environment copy's episode so far
    private readonly int _observationSize;
    private readonly Chunk _chunk;
    private long _steps, _episodes;

    /// <summary>Creates the agent for observations of <paramref name="observationSize"/> floats and <paramref name="actionCount"/> actions.</summary>
    public ReinforceAgent(int observationSize, int actionCount, ReinforceOptions? options = null, long seed = 0)
    {
        Options = options ?? new ReinforceOptions();
        SettingsBinder.Validate(Options);
        _rng = new Rng(seed);
        _policy = NetworkBuilder.Create(observationSize, Options.HiddenSizes, actionCount, Options.Activation, outputGain: 0.01, _rng);
        _optimizer = NetworkBuilder.Optimizer(Options.Optimizer, _policy, Options.Beta, Options.MaxGradNorm);
        _observationSize = observationSize;
        _chunk = new Chunk(Options.StepEachT ? 1 : ChunkSize, observationSize);
        ActionCount = actionCount;
    }

    /// <inheritdoc />
    public string Name => AgentName;

    /// <summary>The hyperparameters.</summary>
    public ReinforceOptions Options { get; }

    /// <summary>The policy network π(·|s; θ) (its outputs are logits).</summary>
    public Sequential Policy => _policy;

    /// <summary>The policy's optimizer.</summary>
    public Optimizer Optimizer => _optimizer;

    /// <inheritdoc />
    public int ActionCount { get; }

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
        Learn(episode);
        episode.Clear();
        _episodes++;
    }

    private void Learn(EpisodeBuffer episode)
    {
        // u_t = Σ_{k≥t} γ^{k−t} r_k
        var u = episode.ComputeReturns(Options.Gamma);
        if (Options.NormalizeReturns) Standardize(u);

        // θ ← θ + β Σ_t u_t ∇θ ln π(a_t|s_t; θ), as descent on L(θ) = −Σ_t u_t ln π(a_t|s_t; θ)
        // (one step on the whole sum, or with StepEachT one step per t as the textbook's loop)
        var c = _chunk;
        _policy.ZeroGrad();
        for (int start = 0; start < episode.Count; start += c.Rows)
        {
            c.Load(episode, u, start);
            _policy.Backward(_loss.Gradient(_policy.Forward(c.Observations), c.Actions, c.Weights));
            if (Options.StepEachT && Learns)
            {
                _optimizer.Step();
                _policy.ZeroGrad();
            }
        }
        if (!Options.StepEachT && Learns) _optimizer.Step();
    }

    /// <summary>Writes π(a|s; θ) for every action.</summary>
    public void ActionValues(float[] observation, Span<double> values) =>
        Categorical.Probabilities(_policy.Predict(observation), values);

    /// <summary>
    /// The surrogate L(θ) = −Σ_t u_t ln π(a_t|s_t; θ) of one batch (what the end of an episode differentiates), for
    /// gradient checks: <paramref name="observations"/> is batch × features.
    /// </summary>
    public double Loss(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> returns) =>
        _loss.Value(_policy.Predict(observations), actions, returns);

    /// <summary>Adds ∂L/∂θ of <see cref="Loss"/> into the policy's gradients (after zeroing them).</summary>
    public void LossGradient(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> returns)
    {
        _policy.ZeroGrad();
        var logits = _policy.Forward(observations);
        _policy.Backward(_loss.Gradient(logits, actions, returns));
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
        AgentFile.Write(stream, Name, SettingsBinder.ToDictionary(Options), _rng, [_steps, _episodes], [_policy], [_optimizer],
            w => EpisodeBuffer.Write(w, _unfinished));

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        Span<long> counters = stackalloc long[2];
        AgentFile.Read(stream, Name, _rng, counters, [_policy], [_optimizer],
            r => EpisodeBuffer.Read(r, _unfinished, _observationSize));
        (_steps, _episodes) = (counters[0], counters[1]);
    }
}
