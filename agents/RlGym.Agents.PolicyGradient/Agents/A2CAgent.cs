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
/// Advantage actor-critic, A2C (lecture 4): a policy network π(a|s; θ) and a value network v(s; w) learn together
/// from short rollouts of K synchronous environment copies. For every step of a copy's rollout of m steps,
/// y_t = Σ_{i&lt;m'} γ^i r_{t+i} + γ^{m'} v(s_{t+m'}; w) with m' the copy's steps left to the rollout's end (m for its
/// first step: the lecture's m-step target; 1 for its last: the one-step target), δ_t = v(s_t; w) − y_t,
/// θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ) (+ λ ∇θ H(π(·|s_t)) with <see cref="A2COptions.EntCoef"/>),
/// w ← w − α δ_t ∇w v(s_t; w), both averaged over the K·m samples and clipped by global norm; with
/// <see cref="A2COptions.AnnealSteps"/> β and α fall linearly to 0 over that many environment steps.
/// <para>
/// <b>Episode ends.</b> A terminated step has y_t = r_t. A truncated one (time limit) is not terminal: y_t =
/// r_t + γ v(s_{t+1}; w) with s_{t+1} the episode's last observation, and the sum stops there (the copy's next step
/// belongs to a new episode).
/// </para>
/// <para>
/// <b>The K copies.</b> The trainer owns them (<c>--envs K</c>, 8 unless the run says otherwise): it hands the agent
/// the K observations (<see cref="Act(ReadOnlySpan{float[]}, Span{TAct})"/> samples all K actions in one forward pass)
/// and then the step's transitions, each naming its copy. A copy being reset contributes no transition that step, so
/// the rollout is filled in arrival order until it holds K·m steps, each linked to its copy's next step (see
/// <see cref="Rollout"/>); then the agent learns. With K = 1 it is the one-environment algorithm.
/// </para>
/// <para>
/// <b>Actions.</b> The policy reads its outputs z through an <see cref="ActionHead{TAct}"/>: a softmax over logits for
/// Discrete actions, or for Box actions (lecture 6, "stochastic policy for continuous control") the Gaussian
/// π(a|s; θ) = N(μ(s; θ), σ²) with z = μ and a learned, state-independent ln σ, for which
/// ∂ ln N/∂μ = (a − μ)/σ² and ∂ ln N/∂ln σ = (a − μ)²/σ² − 1. The environment gets the sample clipped to the Box; the
/// log-probability is of the sample before clipping.
/// </para>
/// <para>Everything is preallocated on the first step: after the first rollout, acting and learning allocate nothing
/// (for Discrete actions; a Box action is a new array each step).</para>
/// </summary>
public sealed class A2CAgent<TAct> : IAgent<float[], TAct>, IActionValues<float[]> where TAct : notnull
{
    private readonly Rng _rng;
    private readonly Sequential _policy;
    private readonly ActionHead<TAct> _head;
    private readonly ChosenActions<TAct> _chosen;
    private readonly double[] _action;
    private readonly Sequential _value;
    private readonly Optimizer _policyOptimizer;
    private readonly Optimizer _valueOptimizer;
    private readonly MseLoss _valueLoss = new(Reduction.Mean);
    private readonly int _observationSize, _m;
    private readonly double[] _zRow;

    // Sized for K copies when the first batch (or transition) shows how many there are.
    private Rollout? _rollout;
    private Matrix<double>? _actingBatch;
    private double[] _targets = [];
    private double[] _advantages = [];
    private Matrix<double>? _dz;
    private long _steps, _updates;

    /// <summary>Creates the agent for observations of <paramref name="observationSize"/> floats and the action distribution <paramref name="head"/>.</summary>
    public A2CAgent(int observationSize, ActionHead<TAct> head, A2COptions? options = null, long seed = 0)
    {
        ArgumentNullException.ThrowIfNull(head);
        Options = options ?? new A2COptions();
        SettingsBinder.Validate(Options);
        _rng = new Rng(seed);
        _observationSize = observationSize;
        _m = Options.N;
        _head = head;
        _policy = NetworkBuilder.Create(observationSize, Options.HiddenSizes, head.OutputSize, Options.Activation, outputGain: 0.01, _rng);
        _value = NetworkBuilder.Create(observationSize, Options.HiddenSizes, 1, Options.Activation, outputGain: 1.0, _rng);
        _policyOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, [.. _policy.Parameters, .. head.Parameters], Options.Beta, Options.MaxGradNorm);
        _valueOptimizer = NetworkBuilder.Optimizer(Options.Optimizer, _value, Options.Alpha, Options.MaxGradNorm);
        _chosen = new ChosenActions<TAct>(head);
        _zRow = new double[head.OutputSize];
        _action = new double[head.ActionWidth];
    }

    /// <inheritdoc />
    public string Name => A2CAgent.AgentName;

    /// <summary>The hyperparameters.</summary>
    public A2COptions Options { get; }

    /// <summary>The policy network: logits, or the Gaussian's means μ(s; θ).</summary>
    public Sequential Policy => _policy;

    /// <summary>The action distribution (for Box actions it holds ln σ).</summary>
    public ActionHead<TAct> Head => _head;

    /// <summary>The value network v(s; w).</summary>
    public Sequential Value => _value;

    /// <inheritdoc />
    public int ActionCount => _head is CategoricalHead ? _head.OutputSize : 0;

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.Probabilities;

    /// <summary>Environment steps observed so far, of all copies.</summary>
    public long Steps => _steps;

    /// <summary>Updates (rollouts learned from) so far.</summary>
    public long Updates => _updates;

    /// <summary>K, the environment copies of the rollout (0 before the first step).</summary>
    public int Copies => _rollout?.Copies ?? 0;

    /// <summary>Greedy: the arg max or the mean (clipped); exploring: a ~ π(·|s; θ), remembered as copy 0's.</summary>
    public TAct Act(float[] observation, bool explore)
    {
        var z = _policy.Predict(observation);
        if (!explore)
        {
            _head.Greedy(z, _action);
            return _head.ToEnv(_action);
        }
        _head.Sample(z, _rng, _action);
        var handed = _head.ToEnv(_action);
        _chosen.Remember(0, handed, _action);
        return handed;
    }

    /// <summary>a_t ~ π(·|s_t; θ) for every copy, in one forward pass.</summary>
    public void Act(ReadOnlySpan<float[]> observations, Span<TAct> actions)
    {
        int k = observations.Length;
        SizeFor(k);
        if (_actingBatch is null || _actingBatch.RowCount != k) _actingBatch = Matrix<double>.Build.Dense(k, _observationSize);
        for (int i = 0; i < k; i++) BatchRows.Write(_actingBatch, i, observations[i]);
        var z = _policy.Predict(_actingBatch).AsColumnMajorArray();
        for (int i = 0; i < k; i++)
        {
            for (int j = 0; j < _zRow.Length; j++) _zRow[j] = z[j * k + i];
            _head.Sample(_zRow, _rng, _action);
            actions[i] = _head.ToEnv(_action);
            _chosen.Remember(i, actions[i], _action);
        }
    }

    /// <summary>Adds the copy's step to the rollout; a truncated step carries γ v(s_{t+1}; w) in its reward. Learns when K·m steps are in.</summary>
    public void Observe(in Transition<float[], TAct> t)
    {
        SizeFor(t.Copy + 1);
        bool truncated = t.Truncated && !t.Terminated;
        double reward = t.Reward + (truncated ? Options.Gamma * _value.Predict(t.NextObservation)[0] : 0);
        _rollout!.Add(t.Copy, t.Observation, _chosen.Recall(t.Copy, t.Action), reward, t.Done, t.NextObservation);
        _steps++;
        if (_rollout.IsFull)
        {
            Learn(_rollout);
            _rollout.Clear();
        }
    }

    private void Learn(Rollout rollout)
    {
        double gamma = Options.Gamma;
        int rows = rollout.Count;

        // y_t = r_t + γ y_{t+1} back along each copy's steps, from y = v(s_{t+1}; w) after its last step in the
        // rollout; an episode end cuts the sum (its reward already holds γ v(s_{t+1}; w) when the end was a truncation).
        var bootstrap = _value.Predict(rollout.LastNextObservations).AsColumnMajorArray();
        for (int i = rows - 1; i >= 0; i--)
        {
            int next = rollout.Successors[i];
            double later = rollout.Ends[i] ? 0 : next >= 0 ? _targets[next] : bootstrap[rollout.CopyOf[i]];
            _targets[i] = rollout.Rewards[i] + gamma * later;
        }

        // δ_t = v(s_t; w) − y_t
        var values = _value.Forward(rollout.Observations);
        var v = values.AsColumnMajorArray();
        for (int i = 0; i < rows; i++) _advantages[i] = _targets[i] - v[i];

        // w ← w − α δ_t ∇w v(s_t; w), as descent on the mean of ½ (v(s_t; w) − y_t)²
        _value.ZeroGrad();
        _value.Backward(_valueLoss.Gradient(values, _targets));
        _valueOptimizer.Step();

        // θ ← θ − β δ_t ∇θ ln π(a_t|s_t; θ) + λ ∇θ H, as descent on the mean of −(−δ_t) ln π(a_t|s_t; θ) − λ H; for a
        // Gaussian ∇θ ln π = (a_t − μ)/σ² ∇θ μ(s_t; θ) on the network and (a_t − μ)²/σ² − 1 on ln σ (and ∂H/∂ln σ = 1)
        ZeroPolicyGrad();
        _head.SurrogateGradient(_policy.Forward(rollout.Observations), rollout.Actions, _advantages, Options.EntCoef, 1.0 / rows, _dz!);
        _policy.Backward(_dz!);
        _policyOptimizer.Step();
        _updates++;
    }

    // The rollout holds K·m steps; K is the first batch's size (1 for an agent driven one transition at a time).
    private void SizeFor(int copies)
    {
        if (_rollout is { } r && copies <= r.Copies) return;
        if (_rollout is { Count: > 0 })
            throw new InvalidOperationException($"{Name} was given {copies} environment copies in the middle of a rollout of {_rollout.Copies}.");
        _rollout = new Rollout(copies, _m, _observationSize, _head.ActionWidth);
        SizeBuffers(copies);
    }

    private void SizeBuffers(int copies)
    {
        _targets = new double[copies * _m];
        _advantages = new double[copies * _m];
        _dz = Matrix<double>.Build.Dense(copies * _m, _head.OutputSize);

        // One update per K·m environment steps: the schedules count updates.
        if (Options.AnnealSteps <= 0) return;
        long updates = Math.Max(1, Options.AnnealSteps / (copies * _m));
        _policyOptimizer.Schedule = LearningRateSchedule.Linear(Options.Beta, 0, updates);
        _valueOptimizer.Schedule = LearningRateSchedule.Linear(Options.Alpha, 0, updates);
    }

    private void ZeroPolicyGrad()
    {
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
    /// The policy surrogate of one batch, the mean of −A_i ln π(a_i|s_i; θ) − λ H(π(·|s_i; θ)) with the advantages
    /// A_i = −δ_i given (held constant), for gradient checks; <paramref name="observations"/> is batch × features,
    /// <paramref name="actions"/> the stored actions.
    /// </summary>
    public double PolicyLoss(Matrix<double> observations, ReadOnlySpan<double> actions, ReadOnlySpan<double> advantages) =>
        _head.Surrogate(_policy.Predict(observations), actions, advantages, Options.EntCoef, 1.0 / observations.RowCount);

    /// <summary>Zeroes the policy's (and ln σ's) gradients and adds ∂/∂θ of <see cref="PolicyLoss"/>.</summary>
    public void PolicyLossGradient(Matrix<double> observations, ReadOnlySpan<double> actions, ReadOnlySpan<double> advantages)
    {
        ZeroPolicyGrad();
        var dz = Matrix<double>.Build.Dense(observations.RowCount, _head.OutputSize);
        _head.SurrogateGradient(_policy.Forward(observations), actions, advantages, Options.EntCoef, 1.0 / observations.RowCount, dz);
        _policy.Backward(dz);
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
        AgentFile.Write(stream, Name, SettingsBinder.ToDictionary(Options), _rng, [_steps, _updates],
            [_policy, _value], [_policyOptimizer, _valueOptimizer], WriteRollout);

    /// <inheritdoc />
    public void Load(Stream stream)
    {
        Span<long> counters = stackalloc long[2];
        AgentFile.Read(stream, Name, _rng, counters, [_policy, _value], [_policyOptimizer, _valueOptimizer], ReadRollout);
        (_steps, _updates) = (counters[0], counters[1]);
    }

    // ln σ, K (0: not yet sized), then the unfinished rollout.
    private void WriteRollout(BinaryWriter w)
    {
        HeadParameters.Write(w, _head);
        w.Write(Copies);
        _rollout?.Write(w);
    }

    private void ReadRollout(BinaryReader r)
    {
        HeadParameters.Read(r, _head);
        int copies = r.ReadInt32();
        if (copies < 0 || copies > 1 << 20) throw new InvalidDataException($"The file is damaged: {copies} environment copies.");
        if (copies == 0)
        {
            _rollout = null;
            return;
        }
        var rollout = new Rollout(copies, _m, _observationSize, _head.ActionWidth);
        rollout.Read(r);
        _rollout = rollout;
        SizeBuffers(copies);
    }
}

/// <summary>What every <see cref="A2CAgent{TAct}"/> shares whatever its actions.</summary>
public static class A2CAgent
{
    /// <summary>The command-line name.</summary>
    public const string AgentName = "a2c";

    /// <summary>Environment copies A2C trains on unless the run says otherwise.</summary>
    /// <remarks>
    /// Eight: one forward pass acts for all copies, so a run takes less wall-clock time. Counted in environment steps,
    /// copies buy speed, not samples: median steps to solve CartPole-v1 over seeds 0–9 with 8 copies and m = 16,
    /// 19 853; 8 with m = 32, 11 456.5; 4 with m = 16, 9 870.5; one copy with m = 64 (the lectures' single
    /// trajectory), 6 119.5 (6 356.5 over seeds 0–19), against REINFORCE's 15 698.5 (12 561 over seeds 0–19).
    /// </remarks>
    public const int DefaultEnvs = 8;
}
