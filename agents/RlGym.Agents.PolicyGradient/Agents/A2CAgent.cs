using MathNet.Numerics.LinearAlgebra;
using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Settings;
using RlGym.Core.Vector;
using RlGym.Neural.Distributions;
using RlGym.Neural.Losses;
using RlGym.Neural.Networks;
using RlGym.Neural.Optimizers;

namespace RlGym.Agents.PolicyGradient;

/// <summary>
/// Advantage actor-critic, A2C (lecture 4): a policy network π(a|s; θ) and a value network v(s; w) learn together
/// from short rollouts of K synchronous environments. For every step of a rollout of m steps,
/// y_t = Σ_{i&lt;m'} γ^i r_{t+i} + γ^{m'} v(s_{t+m'}; w) with m' the steps left to the rollout's end (m for its first
/// step: the lecture's m-step target; 1 for its last: the one-step target), δ_t = v(s_t; w) − y_t,
/// θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ) (+ λ ∇θ H(π(·|s_t)) with <see cref="A2COptions.EntCoef"/>),
/// w ← w − α δ_t ∇w v(s_t; w), both averaged over the K·m samples and clipped by global norm.
/// <para>
/// <b>Episode ends.</b> A terminated step has y_t = r_t. A truncated one (time limit) is not terminal: y_t =
/// r_t + γ v(s_{t+1}; w) with s_{t+1} the episode's last observation, and the sum stops there (the next state in the
/// rollout belongs to a new episode).
/// </para>
/// <para>
/// <b>The K environments.</b> The agent keeps the common contract: the trainer steps its single environment through
/// <see cref="Act"/> and <see cref="Observe"/>, and the agent steps K − 1 copies of it (a
/// <see cref="SyncVectorEnv{TAct}"/> with same-step autoreset, made by the factory from the environment's spec) in
/// lockstep, sampling all K actions with one batched forward pass. So <c>rlgym train CartPole-v1 --agent a2c</c> works
/// as every other agent does, while each update sees K·m decorrelated samples. The trainer counts its own
/// environment's steps and episodes; <see cref="EnvironmentSteps"/> counts all K. Greedy evaluation
/// (<c>Act(s, explore: false)</c>) leaves the copies alone. The copies' episodes are not saved with the agent: a loaded
/// agent restarts them.
/// </para>
/// <para>Everything is preallocated: after the first rollout, acting and learning allocate nothing.</para>
/// </summary>
public sealed class A2CAgent : IAgent<float[], int>, IActionValues<float[]>, IDisposable
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "a2c";

    private readonly Rng _rng;
    private readonly long _copiesSeed;
    private readonly Sequential _policy;
    private readonly Sequential _value;
    private readonly Optimizer _policyOptimizer;
    private readonly Optimizer _valueOptimizer;
    private readonly PolicyGradientLoss _policyLoss;
    private readonly MseLoss _valueLoss = new(Reduction.Mean);
    private readonly SyncVectorEnv<int>? _copies;
    private readonly int _k, _m, _actionCount;

    // The rollout: row t·K + k holds step t of environment k (environment 0 is the trainer's).
    private readonly Matrix<double> _observations;
    private readonly int[] _actions;
    private readonly double[] _rewards;
    private readonly bool[] _ends;
    private readonly double[] _targets;
    private readonly double[] _advantages;
    private readonly Matrix<double> _actingBatch;
    private readonly Matrix<double> _lastObservations;
    private readonly int[] _chosen;
    private readonly int[] _copyActions;
    private readonly double[] _logitRow;
    private int _t;
    private bool _copiesStarted;
    private long _steps, _environmentSteps, _updates;

    /// <summary>
    /// Creates the agent. With <see cref="A2COptions.NumEnvs"/> K &gt; 1, <paramref name="makeCopy"/> builds the K − 1
    /// extra environments (called with 1..K−1); they must be copies of the trainer's environment, time limit included.
    /// </summary>
    public A2CAgent(int observationSize, int actionCount, A2COptions? options = null, long seed = 0,
        Func<int, IEnv<float[], int>>? makeCopy = null)
    {
        Options = options ?? new A2COptions();
        SettingsBinder.Validate(Options);
        _rng = new Rng(seed);
        _copiesSeed = unchecked((long)new Rng(~seed).NextUInt64());
        _k = Options.NumEnvs;
        _m = Options.N;
        _actionCount = actionCount;
        _policy = NetworkBuilder.Create(observationSize, Options.HiddenSizes, actionCount, Options.Activation, outputGain: 0.01, _rng);
        _value = NetworkBuilder.Create(observationSize, Options.HiddenSizes, 1, Options.Activation, outputGain: 1.0, _rng);
        _policyOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, _policy, Options.Beta, Options.MaxGradNorm);
        _valueOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, _value, Options.Alpha, Options.MaxGradNorm);
        _policyLoss = new PolicyGradientLoss(Options.EntCoef, Reduction.Mean);
        if (_k > 1)
        {
            if (makeCopy is null) throw new ArgumentException($"num_envs={_k} needs a way to make {_k - 1} copies of the environment.", nameof(makeCopy));
            _copies = new SyncVectorEnv<int>(_k - 1, i => makeCopy(i + 1), AutoresetMode.SameStep);
            if (_copies.ObservationSize != observationSize)
                throw new ArgumentException($"The copies have observations of {_copies.ObservationSize} floats; the agent expects {observationSize}.", nameof(makeCopy));
        }

        int rows = _k * _m;
        _observations = Matrix<double>.Build.Dense(rows, observationSize);
        _actions = new int[rows];
        _rewards = new double[rows];
        _ends = new bool[rows];
        _targets = new double[rows];
        _advantages = new double[rows];
        _actingBatch = Matrix<double>.Build.Dense(_k, observationSize);
        _lastObservations = Matrix<double>.Build.Dense(_k, observationSize);
        _chosen = new int[_k];
        _copyActions = new int[Math.Max(_k - 1, 0)];
        _logitRow = new double[actionCount];
    }

    /// <inheritdoc />
    public string Name => AgentName;

    /// <summary>The hyperparameters.</summary>
    public A2COptions Options { get; }

    /// <summary>The policy network π(·|s; θ) (its outputs are logits).</summary>
    public Sequential Policy => _policy;

    /// <summary>The value network v(s; w).</summary>
    public Sequential Value => _value;

    /// <inheritdoc />
    public int ActionCount => _actionCount;

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.Probabilities;

    /// <summary>Transitions of the trainer's environment observed so far.</summary>
    public long Steps => _steps;

    /// <summary>Steps of all K environments so far (K per observed transition).</summary>
    public long EnvironmentSteps => _environmentSteps;

    /// <summary>Updates (rollouts learned from) so far.</summary>
    public long Updates => _updates;

    /// <inheritdoc />
    public int Act(float[] observation, bool explore)
    {
        if (!explore) return Categorical.Mode(_policy.Predict(observation));

        // a_t ~ π(·|s_t; θ) for the trainer's environment and every copy, in one forward pass.
        StartCopies();
        BatchRows.Write(_actingBatch, 0, observation);
        for (int k = 1; k < _k; k++) BatchRows.Write(_actingBatch, k, _copies!.Observation(k - 1));
        var logits = _policy.Predict(_actingBatch).AsColumnMajorArray();
        for (int k = 0; k < _k; k++)
        {
            for (int a = 0; a < _actionCount; a++) _logitRow[a] = logits[a * _k + k];
            _chosen[k] = Categorical.Sample(_logitRow, _rng);
        }
        return _chosen[0];
    }

    /// <inheritdoc />
    public void Observe(in Transition<float[], int> t)
    {
        StartCopies();
        double gamma = Options.Gamma;

        // The trainer's environment: (s_t, a_t, r_t); a truncated step carries γ v(s_{t+1}; w) in its reward.
        int row = _t * _k;
        BatchRows.Write(_observations, row, t.Observation);
        _actions[row] = t.Action;
        _rewards[row] = t.Reward + (t.Truncated && !t.Terminated ? gamma * _value.Predict(t.NextObservation)[0] : 0);
        _ends[row] = t.Done;
        BatchRows.Write(_lastObservations, 0, t.NextObservation);

        // The copies take the actions drawn for them in Act.
        if (_copies is not null)
        {
            for (int k = 1; k < _k; k++)
            {
                BatchRows.Write(_observations, row + k, _copies.Observation(k - 1));
                _actions[row + k] = _copyActions[k - 1] = _chosen[k];
            }
            _copies.Step(_copyActions);
            for (int k = 1; k < _k; k++)
            {
                int c = k - 1;
                bool truncated = _copies.Truncated[c] && !_copies.Terminated[c];
                _rewards[row + k] = _copies.Rewards[c] + (truncated
                    ? gamma * _value.Predict(_copies.FinalObservations.AsSpan(c * _copies.ObservationSize, _copies.ObservationSize))[0]
                    : 0);
                _ends[row + k] = _copies.Terminated[c] || _copies.Truncated[c];
                BatchRows.Write(_lastObservations, k, _copies.Observation(c));
            }
        }

        _steps++;
        _environmentSteps += _k;
        if (++_t == _m)
        {
            Learn();
            _t = 0;
        }
    }

    /// <inheritdoc />
    public void EndEpisode() { }

    private void Learn()
    {
        double gamma = Options.Gamma;
        int rows = _k * _m;

        // y_t = r_t + γ y_{t+1} back from y_m = v(s_{t+m}; w); an episode end cuts the sum (its reward already
        // holds γ v(s_{t+1}; w) when the end was a truncation).
        var bootstrap = _value.Predict(_lastObservations).AsColumnMajorArray();
        for (int k = 0; k < _k; k++)
        {
            double y = bootstrap[k];
            for (int t = _m - 1; t >= 0; t--)
            {
                int i = t * _k + k;
                y = _rewards[i] + (_ends[i] ? 0 : gamma * y);
                _targets[i] = y;
            }
        }

        // δ_t = v(s_t; w) − y_t
        var values = _value.Forward(_observations);
        var v = values.AsColumnMajorArray();
        for (int i = 0; i < rows; i++) _advantages[i] = _targets[i] - v[i];

        // w ← w − α δ_t ∇w v(s_t; w), as descent on the mean of ½ (v(s_t; w) − y_t)²
        _value.ZeroGrad();
        _value.Backward(_valueLoss.Gradient(values, _targets));
        _valueOptimizer.Step();

        // θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ) + λ ∇θ H, as descent on the mean of −(−δ_t) ln π(a_t|s_t; θ) − λ H
        _policy.ZeroGrad();
        var logits = _policy.Forward(_observations);
        _policy.Backward(_policyLoss.Gradient(logits, _actions, _advantages));
        _policyOptimizer.Step();
        _updates++;
    }

    private void StartCopies()
    {
        if (_copies is null || _copiesStarted) return;
        _copies.Reset(unchecked(_copiesSeed + _updates * _k));
        _copiesStarted = true;
    }

    /// <summary>Writes π(a|s; θ) for every action.</summary>
    public void ActionValues(float[] observation, Span<double> values) =>
        Categorical.Probabilities(_policy.Predict(observation), values);

    /// <summary>v(s; w).</summary>
    public double StateValue(float[] observation) => _value.Predict(observation)[0];

    /// <summary>
    /// The policy surrogate of one batch, the mean of −A_i ln π(a_i|s_i; θ) − λ H(π(·|s_i; θ)) with the advantages
    /// A_i = −δ_i given (held constant), for gradient checks; <paramref name="observations"/> is batch × features.
    /// </summary>
    public double PolicyLoss(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> advantages) =>
        _policyLoss.Value(_policy.Predict(observations), actions, advantages);

    /// <summary>Zeroes the policy's gradients and adds ∂/∂θ of <see cref="PolicyLoss"/>.</summary>
    public void PolicyLossGradient(Matrix<double> observations, ReadOnlySpan<int> actions, ReadOnlySpan<double> advantages)
    {
        _policy.ZeroGrad();
        _policy.Backward(_policyLoss.Gradient(_policy.Forward(observations), actions, advantages));
    }

    /// <summary>The value loss, the mean of ½ (v(s_i; w) − y_i)², for gradient checks.</summary>
    public double ValueLoss(Matrix<double> observations, ReadOnlySpan<double> targets) =>
        _valueLoss.Value(_value.Predict(observations), targets);

    /// <summary>Zeroes the value network's gradients and adds ∂/∂w of <see cref="ValueLoss"/>.</summary>
    public void ValueLossGradient(Matrix<double> observations, ReadOnlySpan<double> targets)
    {
        _value.ZeroGrad();
        _value.Backward(_valueLoss.Gradient(_value.Forward(observations), targets));
    }

    /// <inheritdoc />
    public void Save(Stream stream) =>
        AgentFile.Write(stream, Name, SettingsBinder.ToDictionary(Options), _rng, [_steps, _environmentSteps, _updates],
            [_policy, _value], [_policyOptimizer, _valueOptimizer]);

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        Span<long> counters = stackalloc long[3];
        AgentFile.Read(stream, Name, _rng, counters, [_policy, _value], [_policyOptimizer, _valueOptimizer]);
        (_steps, _environmentSteps, _updates) = (counters[0], counters[1], counters[2]);
        _t = 0;
        _copiesStarted = false;
    }

    /// <summary>Disposes the copies.</summary>
    public void Dispose() => _copies?.Dispose();
}
