using System.Text.Json;
using RlGym.Core.Agents;
using RlGym.Core.Errors;
using RlGym.Core.Random;
using RlGym.Core.Settings;
using RlGym.Core.Tabular;

namespace RlGym.Agents.Tabular;

/// <summary>
/// What the tabular agents share and no reader needs to see twice: the Q table, the seeded generator (which also
/// breaks ties), the ε schedule and behaviour policy, step counters, and saving to a versioned JSON file.
/// Each agent's file holds its own <c>Act</c> and <c>Observe</c>: the algorithm itself.
/// </summary>
/// <remarks>
/// A trainer drives an agent as: <c>a = Act(s, explore: true)</c>; step the env; <c>Observe(new(s, a, r, s', terminated,
/// truncated))</c>; the transition whose <c>Done</c> is true ends the episode, and the agent learns what it waited for
/// there. With K environment copies the trainer calls the batch <c>Act</c> and each transition names its
/// <c>Copy</c>: agents that carry something from step to step (Sarsa's next action, n-step windows, Monte Carlo's
/// episode) keep it per copy, and the single <c>Act(s, explore: true)</c> is copy 0's. Evaluation calls
/// <c>Act(s, explore: false)</c> (greedy) and never observes.
/// <para>
/// A saved agent restores its tables, options, counters, generator and every copy's unfinished episode, so a run
/// saved at any step continues identically.
/// </para>
/// </remarks>
public abstract class TabularAgent<TOptions> : IAgent<int, int>, IExploring, IActionValues<int>
    where TOptions : TabularOptions, new()
{
    /// <summary>The file format written by <see cref="Save"/>.</summary>
    public const string FileFormat = "rlgym-tabular-agent";

    /// <summary>The file version written by <see cref="Save"/> and the only one <see cref="Load"/> reads.</summary>
    public const int FileVersion = 2;

    /// <summary>Creates the agent for <paramref name="stateCount"/> states and <paramref name="actionCount"/> actions.</summary>
    protected TabularAgent(string name, int stateCount, int actionCount, TOptions? options, long seed)
    {
        Name = name;
        Options = options ?? new TOptions();
        SettingsBinder.Validate(Options);
        Rng = new Rng(seed);
        Q = new QTable(stateCount, actionCount, Options.InitialValue);
        Schedule = EpsilonSchedule.From(Options);
        Policy = new ExplorationPolicy(Options.Exploration, Options.Temperature, actionCount);
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <summary>The hyperparameters.</summary>
    public TOptions Options { get; private set; }

    /// <summary>Number of states.</summary>
    public int StateCount => Q.StateCount;

    /// <inheritdoc />
    public int ActionCount => Q.ActionCount;

    /// <inheritdoc />
    public ActionValueKind Kind => ActionValueKind.ActionValues;

    /// <summary>The action values (for Double Q-learning, the first of its two tables).</summary>
    public QTable Q { get; }

    /// <summary>Transitions learned from so far; the ε schedule's clock.</summary>
    public long Steps { get; protected set; }

    /// <summary>Episodes ended so far (transitions whose Done was true).</summary>
    public long Episodes { get; protected set; }

    /// <summary>The agent's generator: exploration and tie-breaking (saved with the agent).</summary>
    protected Rng Rng { get; }

    /// <summary>ε as a function of <see cref="Steps"/>.</summary>
    protected EpsilonSchedule Schedule { get; private set; }

    /// <summary>The behaviour policy (ε-greedy or softmax).</summary>
    protected ExplorationPolicy Policy { get; private set; }

    /// <summary>The current ε.</summary>
    public double Epsilon => Schedule.At(Steps);

    /// <inheritdoc />
    public double ExplorationRate => Options.Exploration == ExplorationKind.Softmax ? Options.Temperature : Epsilon;

    /// <inheritdoc />
    public abstract int Act(int observation, bool explore);

    /// <summary>The behaviour policy's action for every copy; agents that owe a copy an action already drawn override it.</summary>
    public virtual void Act(ReadOnlySpan<int> observations, Span<int> actions)
    {
        for (int copy = 0; copy < observations.Length; copy++) actions[copy] = Act(observations[copy], explore: true);
    }

    /// <inheritdoc />
    public abstract void Observe(in Transition<int, int> transition);

    /// <summary>Counts the transition in <see cref="Steps"/>, and in <see cref="Episodes"/> when it ends the episode.</summary>
    protected void Count(in Transition<int, int> transition)
    {
        Steps++;
        if (transition.Done) Episodes++;
    }

    /// <inheritdoc />
    public virtual void ActionValues(int observation, Span<double> values) => Q.Row(observation).CopyTo(values);

    /// <summary>a ~ π(·|s): the behaviour policy on Q, over the valid actions of s.</summary>
    protected int Behaviour(int state) => Policy.Sample(Q.Row(state), Epsilon, Rng, ValidActions(state));

    /// <summary>argmax_a Q(s, a) over the valid actions of s, ties broken at random.</summary>
    protected int Greedy(int state) => QTable.Argmax(Q.Row(state), ValidActions(state), Rng);

    /// <summary>max_a Q(s, a) of <paramref name="table"/> over the valid actions of s: the value a target bootstraps on.</summary>
    protected double MaxValue(QTable table, int state) => QTable.Max(table.Row(state), ValidActions(state));

    // One flag per (state, action), row-major like the Q table; null while every action is valid everywhere.
    private bool[]? _valid;

    /// <summary>
    /// Restricts choosing, exploring and bootstrapping to the actions <paramref name="mask"/> allows in each state
    /// (the factory calls it when the environment implements <see cref="IActionMask"/>). A state that allows no
    /// action keeps all of them, so every state has something to choose.
    /// </summary>
    public void RestrictActions(IActionMask mask)
    {
        var valid = new bool[StateCount * ActionCount];
        bool restricted = false;
        for (int s = 0; s < StateCount; s++)
        {
            var row = valid.AsSpan(s * ActionCount, ActionCount);
            for (int a = 0; a < ActionCount; a++) row[a] = mask.IsValidAction(s, a);
            if (!row.Contains(true)) row.Fill(true);
            restricted |= row.Contains(false);
        }
        _valid = restricted ? valid : null;
    }

    /// <summary>The valid-action flags of <paramref name="state"/>; empty when every action is valid.</summary>
    protected ReadOnlySpan<bool> ValidActions(int state) =>
        _valid is null ? default : _valid.AsSpan(state * ActionCount, ActionCount);

    /// <summary>The tables written to the file under their names (override to add more, e.g. a second Q or visit counts).</summary>
    protected virtual IEnumerable<(string Name, double[] Values)> Tables => [("q", Q.Values)];

    /// <summary>Writes what the agent carries between steps (Sarsa's next action, unfinished episodes) into the file's "state" object.</summary>
    protected virtual void WriteState(Utf8JsonWriter writer) { }

    /// <summary>Reads what <see cref="WriteState"/> wrote.</summary>
    protected virtual void ReadState(JsonElement state) { }

    /// <summary>Called after <see cref="Load"/> replaced the options and before <see cref="ReadState"/>: drop what the old episodes left.</summary>
    protected virtual void OnLoaded() { }

    /// <inheritdoc />
    public void Save(Stream stream)
    {
        using var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        w.WriteStartObject();
        w.WriteString("format", FileFormat);
        w.WriteNumber("version", FileVersion);
        w.WriteString("agent", Name);
        w.WriteNumber("states", StateCount);
        w.WriteNumber("actions", ActionCount);
        w.WriteStartObject("options");
        foreach (var (key, value) in SettingsBinder.ToDictionary(Options)) w.WriteString(key, value);
        w.WriteEndObject();
        w.WriteNumber("steps", Steps);
        w.WriteNumber("episodes", Episodes);
        var rng = Rng.GetState();
        w.WriteStartObject("rng");
        // As strings: 64-bit words do not survive JSON readers that hold numbers in doubles.
        w.WriteString("s0", rng.S0.ToString("x16"));
        w.WriteString("s1", rng.S1.ToString("x16"));
        w.WriteString("s2", rng.S2.ToString("x16"));
        w.WriteString("s3", rng.S3.ToString("x16"));
        w.WriteBoolean("has_spare_gaussian", rng.HasSpareGaussian);
        w.WriteNumber("spare_gaussian", rng.SpareGaussian);
        w.WriteEndObject();
        w.WriteStartObject("tables");
        foreach (var (name, values) in Tables)
        {
            w.WriteStartArray(name);
            // JSON has no infinities; a diverged table is still saved, as "Infinity" / "NaN" strings.
            foreach (var v in values)
            {
                if (double.IsFinite(v)) w.WriteNumberValue(v);
                else w.WriteStringValue(v.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
        w.WriteStartObject("state");
        WriteState(w);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <inheritdoc />
    /// <exception cref="UserInputException">The stream is not a file of this agent, format version and table size.</exception>
    public void Load(Stream stream)
    {
        JsonDocument doc;
        try { doc = JsonDocument.Parse(stream); }
        catch (JsonException e) { throw new UserInputException($"cannot load {Name}: the file is not JSON ({e.Message})", e); }
        using (doc)
        {
            try { Read(doc.RootElement); }
            catch (Exception e) when (e is KeyNotFoundException or InvalidOperationException or FormatException or OverflowException)
            {
                throw new UserInputException($"cannot load {Name}: the file is damaged ({e.Message})", e);
            }
        }
    }

    private void Read(JsonElement root)
    {
        string? format = root.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format != FileFormat)
            throw new UserInputException($"cannot load {Name}: the file's format is '{format ?? "none"}', not '{FileFormat}'");
        int version = root.GetProperty("version").GetInt32();
        if (version != FileVersion)
            throw new UserInputException($"cannot load {Name}: the file is version {version}; this build reads version {FileVersion}");
        string? agent = root.GetProperty("agent").GetString();
        if (agent != Name)
            throw new UserInputException($"cannot load {Name}: the file holds a '{agent}' agent");
        int states = root.GetProperty("states").GetInt32(), actions = root.GetProperty("actions").GetInt32();
        if (states != StateCount || actions != ActionCount)
            throw new UserInputException(
                $"cannot load {Name}: the file is for {states} states × {actions} actions; this environment has {StateCount} × {ActionCount}");

        // Everything is checked before anything is changed, so a bad file leaves the agent as it was.
        var tables = root.GetProperty("tables");
        foreach (var (name, values) in Tables)
            if (!tables.TryGetProperty(name, out var array) || array.GetArrayLength() != values.Length)
                throw new UserInputException($"cannot load {Name}: table '{name}' is missing or has the wrong size");
        var settings = new Dictionary<string, string>();
        foreach (var p in root.GetProperty("options").EnumerateObject()) settings[p.Name] = p.Value.GetString() ?? "";
        var options = SettingsBinder.Bind(new TOptions(), settings);
        var r = root.GetProperty("rng");
        var rngState = new RngState(
            Word(r, "s0"), Word(r, "s1"), Word(r, "s2"), Word(r, "s3"),
            r.GetProperty("has_spare_gaussian").GetBoolean(), r.GetProperty("spare_gaussian").GetDouble());
        long steps = root.GetProperty("steps").GetInt64(), episodes = root.GetProperty("episodes").GetInt64();
        var state = root.GetProperty("state");

        Options = options;
        Schedule = EpsilonSchedule.From(Options);
        Policy = new ExplorationPolicy(Options.Exploration, Options.Temperature, ActionCount);
        foreach (var (name, values) in Tables)
        {
            int i = 0;
            foreach (var v in tables.GetProperty(name).EnumerateArray())
                values[i++] = v.ValueKind == JsonValueKind.String
                    ? double.Parse(v.GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                    : v.GetDouble();
        }
        Rng.SetState(rngState);
        Steps = steps;
        Episodes = episodes;
        OnLoaded();
        ReadState(state);
    }

    private static ulong Word(JsonElement rng, string name) =>
        ulong.Parse(rng.GetProperty(name).GetString()!, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);
}
