using System.Collections.ObjectModel;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;

namespace RlGym.Envs.ToyText.Tabular;

/// <summary>
/// An environment defined entirely by its tabular model, as Gymnasium's toy-text environments are by their
/// <c>P[s][a]</c> table: the constructor fills the outcomes of every (state, action) once, and <see cref="Step"/>
/// samples one of them with the environment's seeded generator. Observations are the state numbers.
/// </summary>
/// <remarks>
/// Terminal states loop onto themselves with reward 0 and <c>terminal = true</c> for every action, so stepping a
/// bare environment past the end (without <c>OrderEnforcing</c>) stays put, as in Gymnasium's FrozenLake.
/// Stepping allocates nothing and returns <see cref="Info.Empty"/>: Gymnasium's <c>info["prob"]</c> is not reported.
/// </remarks>
public abstract class TabularEnv : Env<int, int>, ITabularModel, IGridView, IActionMask, IStatefulEnv
{
    private readonly Outcome[][] _outcomes;
    private readonly double[][] _cumulative;
    private readonly IReadOnlyList<Outcome>[] _outcomeViews;
    private readonly bool[] _terminal;
    private int[] _startStates = [];
    private int _state = -1;

    /// <summary>Creates an environment of <paramref name="stateCount"/> states and <paramref name="actionCount"/> actions.</summary>
    protected TabularEnv(int stateCount, int actionCount)
    {
        StateCount = stateCount;
        ActionCount = actionCount;
        ObservationSpace = new Discrete(stateCount);
        ActionSpace = new Discrete(actionCount);
        _outcomes = new Outcome[stateCount * actionCount][];
        _cumulative = new double[stateCount * actionCount][];
        _outcomeViews = new IReadOnlyList<Outcome>[stateCount * actionCount];
        _terminal = new bool[stateCount];
    }

    /// <inheritdoc />
    public override Space<int> ObservationSpace { get; }

    /// <inheritdoc />
    public override Space<int> ActionSpace { get; }

    /// <inheritdoc />
    public int StateCount { get; }

    /// <inheritdoc />
    public int ActionCount { get; }

    /// <summary>What each action does, by action number (e.g. "left", "down").</summary>
    public abstract IReadOnlyList<string> ActionNames { get; }

    /// <summary>The states an episode may start in, each equally likely.</summary>
    public IReadOnlyList<int> StartStates => _startStates;

    /// <summary>The state the environment is in; -1 before the first reset.</summary>
    public int CurrentState => _state;

    /// <inheritdoc />
    public IReadOnlyList<Outcome> Outcomes(int state, int action)
    {
        if ((uint)state >= (uint)StateCount)
            throw new ArgumentOutOfRangeException(nameof(state), state, $"{Name}: states are 0 to {StateCount - 1}.");
        if (!IsValidAction(state, action)) throw InvalidAction(state, action);
        return _outcomeViews[state * ActionCount + action];
    }

    /// <inheritdoc />
    public bool IsTerminal(int state) => _terminal[state];

    /// <summary>
    /// True when <paramref name="action"/> may be taken in <paramref name="state"/>. Every action of the action
    /// space is valid in every state, except in environments that say otherwise (MaximizationBias's state A).
    /// </summary>
    public bool IsValidAction(int state, int action) =>
        (uint)action < (uint)ActionCount && (uint)state < (uint)StateCount && _outcomes[state * ActionCount + action].Length > 0;

    /// <inheritdoc />
    public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
    {
        SeedRandom(seed);
        _state = _startStates.Length == 1 ? _startStates[0] : _startStates[Random.NextInt(_startStates.Length)];
        return new ResetResult<int>(_state, Info.Empty);
    }

    /// <inheritdoc />
    public override StepResult<int> Step(int action)
    {
        if ((uint)action >= (uint)ActionCount) throw InvalidAction(_state, action);
        if (_state < 0) throw new InvalidOperationException($"{Name}: Step was called before Reset; call Reset first.");
        var outcomes = _outcomes[_state * ActionCount + action];
        if (outcomes.Length == 0) throw InvalidAction(_state, action);
        ref readonly var o = ref outcomes[outcomes.Length == 1 ? 0 : SampleIndex(_cumulative[_state * ActionCount + action], Random.NextDouble())];
        double reward = SampleReward(_state, action, o);
        _state = o.NextState;
        return new StepResult<int>(o.NextState, reward, o.Terminal, false, Info.Empty);
    }

    /// <summary>
    /// The reward of one step. The model's reward by default; an environment with random rewards (the model
    /// then holds their mean) overrides this to draw one from <see cref="Env{TObs,TAct}.Random"/>.
    /// </summary>
    protected virtual double SampleReward(int state, int action, in Outcome outcome) => outcome.Reward;

    /// <summary>Moves the environment to <paramref name="state"/> (for tests, demos and exploring starts).</summary>
    public void SetState(int state)
    {
        if ((uint)state >= (uint)StateCount)
            throw new ArgumentOutOfRangeException(nameof(state), state, $"{Name}: states are 0 to {StateCount - 1}.");
        _state = state;
    }

    /// <summary>
    /// Gymnasium's <c>categorical_sample</c>: the first outcome whose cumulative probability exceeds
    /// <paramref name="u"/>, the last when none does. <paramref name="cumulative"/> holds the running sums of all
    /// outcomes but the last, added in order as the sample adds them; they never decrease, so the first one above u
    /// comes after exactly those at or below it, and counting these needs no branch on u (a branch on a uniform draw is
    /// mispredicted about half the time).
    /// </summary>
    internal static int SampleIndex(ReadOnlySpan<double> cumulative, double u)
    {
        int index = 0;
        foreach (double c in cumulative) index += u >= c ? 1 : 0;
        return index;
    }

    /// <summary>Sets the outcomes of (state, action); their probabilities must sum to 1.</summary>
    protected void SetOutcomes(int state, int action, params Outcome[] outcomes)
    {
        double total = 0;
        var cumulative = new double[Math.Max(0, outcomes.Length - 1)];
        for (int i = 0; i < outcomes.Length; i++)
        {
            var o = outcomes[i];
            if ((uint)o.NextState >= (uint)StateCount)
                throw new InvalidOperationException($"{Name}: outcome of ({state}, {action}) leads to state {o.NextState}, outside 0..{StateCount - 1}.");
            if (!(o.Probability >= 0))
                throw new InvalidOperationException($"{Name}: outcome of ({state}, {action}) has probability {o.Probability}; probabilities are 0 or more.");
            total += o.Probability;
            if (i < cumulative.Length) cumulative[i] = total;
        }
        if (outcomes.Length == 0 || Math.Abs(total - 1) > 1e-9)
            throw new InvalidOperationException($"{Name}: probabilities of ({state}, {action}) sum to {total}, not 1.");
        _outcomes[state * ActionCount + action] = outcomes;
        _cumulative[state * ActionCount + action] = cumulative;
        _outcomeViews[state * ActionCount + action] = new ReadOnlyCollection<Outcome>(outcomes);
    }

    /// <summary>
    /// Declares that <paramref name="action"/> cannot be taken in <paramref name="state"/>: <see cref="Step"/> and
    /// <see cref="Outcomes"/> refuse it with <see cref="ArgumentOutOfRangeException"/>.
    /// </summary>
    protected void SetInvalid(int state, int action)
    {
        _outcomes[state * ActionCount + action] = [];
        _cumulative[state * ActionCount + action] = [];
        _outcomeViews[state * ActionCount + action] = Array.Empty<Outcome>();
    }

    /// <summary>Makes <paramref name="state"/> terminal: every action loops onto it with reward 0 and terminal = true.</summary>
    protected void SetTerminal(int state)
    {
        _terminal[state] = true;
        for (int a = 0; a < ActionCount; a++) SetOutcomes(state, a, new Outcome(1.0, state, 0.0, true));
    }

    /// <summary>Sets the states an episode may start in (each equally likely) and checks that the model is complete.</summary>
    protected void SetStartStates(params int[] states)
    {
        if (states.Length == 0) throw new InvalidOperationException($"{Name}: no start state.");
        for (int i = 0; i < _outcomes.Length; i++)
            if (_outcomes[i] is null)
                throw new InvalidOperationException($"{Name}: the model has no outcomes for ({i / ActionCount}, {i % ActionCount}).");
        _startStates = states;
    }

    /// <summary>The error for an action that cannot be taken in <paramref name="state"/>, naming what each action does.</summary>
    protected virtual ArgumentOutOfRangeException InvalidAction(int state, int action)
    {
        var names = ActionNames;
        var meanings = string.Join(", ", Enumerable.Range(0, names.Count).Select(i => $"{i} {names[i]}"));
        return new ArgumentOutOfRangeException(nameof(action), action,
            $"{Name}: action {action} is not in {ActionSpace}; actions are {meanings}.");
    }

    /// <summary>The registry id, or the class name when made directly; used in messages.</summary>
    protected string Name => Spec?.Id ?? GetType().Name;

    /// <inheritdoc />
    public abstract int Rows { get; }

    /// <inheritdoc />
    public abstract int Columns { get; }

    /// <inheritdoc />
    public abstract CellKind CellAt(int row, int column);

    /// <inheritdoc />
    public abstract char CharAt(int row, int column);

    /// <inheritdoc />
    public abstract (int Row, int Column) CellOf(int state);

    /// <inheritdoc />
    public bool CanSaveState => true;

    /// <summary>Writes the generator and the current state; subclasses with more state override and add theirs.</summary>
    public virtual void WriteState(BinaryWriter writer)
    {
        WriteRandom(writer);
        writer.Write(_state);
    }

    /// <summary>Reads what <see cref="WriteState"/> wrote.</summary>
    public virtual void ReadState(BinaryReader reader)
    {
        ReadRandom(reader);
        int state = reader.ReadInt32();
        if (state < -1 || state >= StateCount) throw new InvalidDataException($"{Name}: saved state {state} is not one of the {StateCount} states");
        _state = state;
    }
}
