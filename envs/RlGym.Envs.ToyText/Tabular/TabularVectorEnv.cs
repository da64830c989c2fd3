using System.Reflection;
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
    private readonly int[] _firstOutcome;
    private readonly int[] _outcomeCount;
    private readonly int[] _nextState;
    private readonly double[] _cumulative;
    private readonly double[] _reward;
    private readonly bool[] _terminal;
    private readonly int[] _startStates;
    private readonly int[] _state;

    /// <summary>Creates K copies of <paramref name="model"/> as <paramref name="settings"/> says; the model is read, not kept.</summary>
    /// <exception cref="ArgumentException">The model's dynamics are not its table alone.</exception>
    public TabularVectorEnv(TabularEnv model, VectorEnvSettings settings)
        : base(new Box(0f, 1f, RequireTableOnly(model).StateCount), new Discrete(model.ActionCount), settings)
    {
        _actionCount = model.ActionCount;
        var outcomes = new List<Outcome>();
        _firstOutcome = new int[model.StateCount * _actionCount];
        _outcomeCount = new int[_firstOutcome.Length];
        for (int s = 0; s < model.StateCount; s++)
        {
            for (int a = 0; a < _actionCount; a++)
            {
                if (!model.IsValidAction(s, a))
                    throw new ArgumentException($"{model} forbids action {a} in state {s}; a tabular vector env takes models where every action is valid.", nameof(model));
                var list = model.Outcomes(s, a);
                _firstOutcome[s * _actionCount + a] = outcomes.Count;
                _outcomeCount[s * _actionCount + a] = list.Count;
                outcomes.AddRange(list);
            }
        }
        _nextState = outcomes.Select(o => o.NextState).ToArray();
        // Each outcome's running sum of probabilities within its (state, action), added in order as TabularEnv adds them.
        _cumulative = new double[outcomes.Count];
        for (int sa = 0; sa < _firstOutcome.Length; sa++)
        {
            double total = 0;
            for (int j = 0; j < _outcomeCount[sa]; j++) _cumulative[_firstOutcome[sa] + j] = total += outcomes[_firstOutcome[sa] + j].Probability;
        }
        _reward = outcomes.Select(o => o.Reward).ToArray();
        _terminal = outcomes.Select(o => o.Terminal).ToArray();
        _startStates = model.StartStates.ToArray();
        _state = CacheLineArray.Allocate<int>(Count);
    }

    /// <summary>Copy <paramref name="i"/>'s state, the index of the 1 in its observation.</summary>
    public int State(int i) => _state[i];

    /// <summary>Moves copy <paramref name="i"/> to <paramref name="state"/>; its next observation shows it.</summary>
    public void SetState(int i, int state)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(state);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(state, ObservationSize);
        _state[i] = state;
    }

    /// <inheritdoc />
    protected override void ResetCopy(int i, Rng random, EnvOptions? options) =>
        // TabularEnv.Reset's draw: none for a single start state.
        _state[i] = _startStates.Length == 1 ? _startStates[0] : _startStates[random.NextInt(_startStates.Length)];

    /// <inheritdoc />
    protected override void Observe(int from, int to, float[] batch)
    {
        int n = ObservationSize;
        var state = _state;
        // One clear of the whole range, then the ones: a clear per row costs a call per copy.
        batch.AsSpan(from * n, (to - from) * n).Clear();
        for (int i = from; i < to; i++) batch[i * n + state[i]] = 1f;
    }

    /// <inheritdoc />
    protected override void Advance(int from, int to, int[] actions)
    {
        // The arrays in locals: the loop's stores would otherwise make the JIT reload every field on every copy.
        var awaitsReset = AwaitingReset;
        var state = _state;
        var firstOutcome = _firstOutcome;
        var outcomeCount = _outcomeCount;
        var nextState = _nextState;
        var reward = _reward;
        ReadOnlySpan<double> cumulative = _cumulative;
        var terminal = _terminal;
        var rewards = Rewards;
        var terminated = Terminated;
        int actionCount = _actionCount;
        for (int i = from; i < to; i++)
        {
            // A copy about to be reset does not step: a slippery step would draw from its generator.
            if (awaitsReset[i]) continue;
            int sa = state[i] * actionCount + actions[i];
            int o = firstOutcome[sa], count = outcomeCount[sa];
            // TabularEnv's draw: the running sums of all outcomes but the last.
            if (count > 1) o += TabularEnv.SampleIndex(cumulative.Slice(o, count - 1), CopyRandom(i).NextDouble());
            state[i] = nextState[o];
            rewards[i] = reward[o];
            terminated[i] = terminal[o];
        }
    }

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
