using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;
using RlGym.Core.Vector;

namespace RlGym.Envs.ToyText.Tabular;

/// <summary>
/// K copies of a <see cref="TabularEnv"/> held as one array of states and stepped in one loop through the model's
/// table, with the time limit built in; the registry's <c>MakeVector</c> returns it for FrozenLake, CliffWalking,
/// GridWorld, WindyGridworld, RandomWalk and ShortCorridor. A vector env's observations are rows of floats, so copy i's state s is observed one-hot, as
/// <see cref="RlGym.Core.Wrappers.OneHotObservation{TAct}"/> observes a single env: row i is all zeros but for a 1 at s.
/// Every copy follows exactly the trajectory of a one-hot-encoded single env under the registry's wrappers with the
/// same seed (copy i: seed + i) and actions: the same draws, in the same order, from the same generator.
/// </summary>
/// <remarks>
/// It takes environments whose dynamics are their table alone: a subclass that overrides <c>Step</c>, <c>Reset</c> or
/// the reward draw (Taxi, MaximizationBias) or that forbids actions in some states is refused, and the registry makes
/// copies of those instead.
/// </remarks>
public sealed class TabularVectorEnv : ArrayVectorEnv<int>
{
    private readonly int _actionCount;
    private readonly OutcomeRange[] _ranges;
    private readonly TableOutcome[] _outcomes;
    private readonly double[] _cumulative;
    private readonly int[] _startStates;
    private readonly int[] _state;
    // Per copy, where each of the base's batches holds its 1 (the batches start all zeros, where 0 is as good as any).
    private readonly int[] _onesA;
    private readonly int[] _onesB;
    private readonly int[] _onesFinal;

    /// <summary>Creates K copies of <paramref name="model"/> as <paramref name="settings"/> says; the model is read, not kept.</summary>
    /// <exception cref="ArgumentException">The model's dynamics are not its table alone.</exception>
    public TabularVectorEnv(TabularEnv model, VectorEnvSettings settings)
        : base(new Box(0f, 1f, RequireTableOnly(model).StateCount), new Discrete(model.ActionCount), settings)
    {
        _actionCount = model.ActionCount;
        var outcomes = new List<Outcome>();
        _ranges = new OutcomeRange[model.StateCount * _actionCount];
        for (int s = 0; s < model.StateCount; s++)
        {
            for (int a = 0; a < _actionCount; a++)
            {
                if (!model.IsValidAction(s, a))
                    throw new ArgumentException($"{model} forbids action {a} in state {s}; a tabular vector env takes models where every action is valid.", nameof(model));
                var list = model.Outcomes(s, a);
                _ranges[s * _actionCount + a] = new OutcomeRange(outcomes.Count, list.Count);
                outcomes.AddRange(list);
            }
        }
        _outcomes = [.. outcomes.Select(o => new TableOutcome(o.Reward, o.NextState, o.Terminal))];
        // Each outcome's running sum of probabilities within its (state, action), added in order as TabularEnv adds them.
        _cumulative = new double[outcomes.Count];
        foreach (var (first, count) in _ranges)
        {
            double total = 0;
            for (int j = 0; j < count; j++) _cumulative[first + j] = total += outcomes[first + j].Probability;
        }
        _startStates = model.StartStates.ToArray();
        _state = PerCopyArray<int>();
        _onesA = PerCopyArray<int>();
        _onesB = PerCopyArray<int>();
        _onesFinal = PerCopyArray<int>();
    }

    /// <summary>Copy <paramref name="i"/>'s state, the index of the 1 in its observation.</summary>
    public int State(int i) => _state[i + Offset<int>(i)];

    /// <summary>Moves copy <paramref name="i"/> to <paramref name="state"/>; its next observation shows it.</summary>
    public void SetState(int i, int state)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(state);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(state, ObservationSize);
        _state[i + Offset<int>(i)] = state;
    }

    /// <inheritdoc />
    protected override void ResetCopy(int i, Rng random, EnvOptions? options) =>
        // TabularEnv.Reset's draw: none for a single start state.
        _state[i + Offset<int>(i)] = _startStates.Length == 1 ? _startStates[0] : _startStates[random.NextInt(_startStates.Length)];

    /// <inheritdoc />
    protected override void Observe(int from, int to, float[] batch)
    {
        // The base observes into its two step batches and, in same-step autoreset, into FinalObservations.
        var (a, b) = ObservationBuffers;
        var ones = ReferenceEquals(batch, a) ? _onesA : ReferenceEquals(batch, b) ? _onesB : _onesFinal;
        if (SteppedDownward(from)) ObserveRange<DownwardOrder>(from, to, batch, ones);
        else ObserveRange<UpwardOrder>(from, to, batch, ones);
    }

    private void ObserveRange<TOrder>(int from, int to, float[] batch, int[] ones) where TOrder : struct, IStepOrder
    {
        int n = ObservationSize, offset = Offset<int>(from);
        // The row's old 1 becomes 0, then the new one is set (the same element when the state did not change): two
        // stores per copy instead of a row of n, which for CliffWalking's 48 states cost more than the step itself.
        // In range without checks: batch rows are n long, states and the 1s' positions below n, and the per-copy
        // arrays hold every copy at its offset.
        ref float cells = ref MemoryMarshal.GetArrayDataReference(batch);
        ref int states = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_state), offset);
        ref int onesAt = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(ones), offset);
        for (int k = 0; k < to - from; k++)
        {
            int i = TOrder.Copy(k, from, to);
            int row = i * n, s = Unsafe.Add(ref states, i);
            Unsafe.Add(ref cells, row + Unsafe.Add(ref onesAt, i)) = 0f;
            Unsafe.Add(ref cells, row + s) = 1f;
            Unsafe.Add(ref onesAt, i) = s;
        }
    }

    /// <inheritdoc />
    protected override void Advance(int from, int to, ReadOnlySpan<int> actions)
    {
        if (SteppedDownward(from)) AdvanceRange<DownwardOrder>(from, to, actions);
        else AdvanceRange<UpwardOrder>(from, to, actions);
    }

    private void AdvanceRange<TOrder>(int from, int to, ReadOnlySpan<int> actions) where TOrder : struct, IStepOrder
    {
        // Every index here is in range by construction: states come from the table, the start states or SetState
        // (checked), actions were checked by the step, and the tables were built from the model. So the loop reads
        // them without bounds checks, which were two thirds of its instructions.
        ref bool awaitsReset = ref Unsafe.Subtract(ref MemoryMarshal.GetReference(AwaitingReset(from, to)), from);
        ref int state = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_state), Offset<int>(from));
        ref int action = ref MemoryMarshal.GetReference(actions);
        ref OutcomeRange ranges = ref MemoryMarshal.GetArrayDataReference(_ranges);
        ref TableOutcome outcomes = ref MemoryMarshal.GetArrayDataReference(_outcomes);
        ref double rewards = ref MemoryMarshal.GetArrayDataReference(Rewards);
        ref bool terminated = ref MemoryMarshal.GetArrayDataReference(Terminated);
        int actionCount = _actionCount;
        for (int k = 0; k < to - from; k++)
        {
            int i = TOrder.Copy(k, from, to);
            // A copy about to be reset does not step: a slippery step would draw from its generator.
            if (Unsafe.Add(ref awaitsReset, i)) continue;
            var range = Unsafe.Add(ref ranges, Unsafe.Add(ref state, i) * actionCount + Unsafe.Add(ref action, i));
            int o = range.First;
            // TabularEnv's draw: the running sums of all outcomes but the last.
            if (range.Count > 1) o += TabularEnv.SampleIndex(_cumulative.AsSpan(o, range.Count - 1), CopyRandom(i).NextDouble());
            ref var outcome = ref Unsafe.Add(ref outcomes, o);
            Unsafe.Add(ref state, i) = outcome.NextState;
            Unsafe.Add(ref rewards, i) = outcome.Reward;
            Unsafe.Add(ref terminated, i) = outcome.Terminal;
        }
    }

    /// <summary>Where a (state, action)'s outcomes lie in the outcome table.</summary>
    private readonly record struct OutcomeRange(int First, int Count);

    /// <summary>One outcome of the table, its fields side by side so that a step reads one line.</summary>
    private readonly record struct TableOutcome(double Reward, int NextState, bool Terminal);

    private static TabularEnv RequireTableOnly(TabularEnv model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var type = model.GetType();
        const BindingFlags instance = BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic;
        bool overrides =
            type.GetMethod(nameof(TabularEnv.Step), instance, [typeof(int)])?.DeclaringType != typeof(TabularEnv)
            || type.GetMethod(nameof(TabularEnv.Reset), instance, [typeof(long?), typeof(EnvOptions)])?.DeclaringType != typeof(TabularEnv)
            || type.GetMethod("SampleReward", instance)?.DeclaringType != typeof(TabularEnv);
        if (overrides)
            throw new ArgumentException($"{type.Name} steps by more than its table; a tabular vector env cannot copy it.", nameof(model));
        return model;
    }
}
