using System.Text.Json;
using System.Text.Json.Serialization;
using RlGym.Core.Errors;

namespace RlGym.Training.Runs;

/// <summary>
/// Everything needed to rerun a training run, as written to <c>config.json</c> in its run directory (snake_case keys,
/// e.g. <c>{"env": "FrozenLake-v1", "agent": "q-learning", "episodes": 2000, "seed": 0}</c>). A plain settable record,
/// so the command line can bind it from a <c>--config</c> file and its own options; call <see cref="Validate"/> after.
/// The budget is <see cref="Episodes"/> or <see cref="Steps"/>, both counted from the start of the run (a resumed run
/// trains up to them, not for them again).
/// </summary>
public sealed record RunConfig
{
    /// <summary>Gymnasium environment id, e.g. <c>FrozenLake-v1</c>.</summary>
    public string Env { get; set; } = "";

    /// <summary>Keyword arguments of the environment (<c>-o key=value</c>), as text.</summary>
    public Dictionary<string, string> EnvOptions { get; set; } = [];

    /// <summary>Overrides the spec's time limit; null keeps it.</summary>
    public int? MaxEpisodeSteps { get; set; }

    /// <summary>Wrappers applied after the registry's, in order, by name (e.g. <c>discretize-observation:bins=10</c>).</summary>
    public List<string> Wrappers { get; set; } = [];

    /// <summary>Agent name, e.g. <c>q-learning</c>.</summary>
    public string Agent { get; set; } = "";

    /// <summary>Hyperparameter overrides (<c>--set key=value</c>), as text.</summary>
    public Dictionary<string, string> Settings { get; set; } = [];

    /// <summary>Training episodes; exactly one of this and <see cref="Steps"/> is set.</summary>
    public int? Episodes { get; set; }

    /// <summary>Training steps, of every environment copy together.</summary>
    public long? Steps { get; set; }

    /// <summary>Environment copies trained on in one loop (<c>--envs</c>); null for the agent's default (1, or 8 for A2C).</summary>
    public int? NumEnvs { get; set; }

    /// <summary>The run's seed: the environment's first reset, the agent and the evaluation environment derive from it.</summary>
    public long Seed { get; set; }

    /// <summary>Greedy evaluation after every this many episodes; 0 for none.</summary>
    public int EvalEvery { get; set; }

    /// <summary>Episodes of each evaluation.</summary>
    public int EvalEpisodes { get; set; } = 10;

    /// <summary>A checkpoint after every this many episodes; 0 for one at the end only.</summary>
    public int CheckpointEvery { get; set; } = 100;

    /// <summary>Window of the moving average drawn on the learning curve.</summary>
    public int MovingAverage { get; set; } = 100;

    /// <summary>Assemblies given to <c>--plugin</c> when the run was made (so a rerun can load them again).</summary>
    public List<string> Plugins { get; set; } = [];

    /// <summary>The largest number of environment copies a run may ask for.</summary>
    public const int MaxEnvs = 4096;

    /// <summary>The JSON options used for <c>config.json</c>: snake_case, indented, unknown keys refused.</summary>
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        WriteIndented = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // Generated at build time: reflection would cost every command that reads or writes a config ~50 ms at start.
        TypeInfoResolver = RunConfigJsonContext.Default,
    };

    /// <summary>The keys of <c>config.json</c>.</summary>
    public static IReadOnlyList<string> Keys { get; } =
        typeof(RunConfig).GetProperties().Where(p => p.CanWrite && p.Name != "EqualityContract")
            .Select(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name)).ToArray();

    /// <summary>
    /// Throws a one-line <see cref="UserInputException"/> naming the key, its value and what is allowed when the
    /// configuration cannot run.
    /// </summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(Env)) throw Bad("env", Env, "an environment id such as FrozenLake-v1 (run 'rlgym envs')");
        if (string.IsNullOrWhiteSpace(Agent)) throw Bad("agent", Agent, "an agent name such as q-learning (run 'rlgym agents')");
        if (Episodes is null && Steps is null) throw Bad("episodes", "", "a positive number of episodes, or set steps instead");
        if (Episodes is not null && Steps is not null) throw Bad("steps", Steps, "unset when episodes is set (the budget is one or the other)");
        if (Episodes is < 1) throw Bad("episodes", Episodes, $"1 to {int.MaxValue}");
        if (Steps is < 1) throw Bad("steps", Steps, $"1 to {long.MaxValue}");
        if (MaxEpisodeSteps is < 1) throw Bad("max_episode_steps", MaxEpisodeSteps, $"1 to {int.MaxValue}, or null for the spec's limit");
        if (EvalEvery < 0) throw Bad("eval_every", EvalEvery, $"0 (no evaluation) to {int.MaxValue}");
        if (EvalEpisodes < 1) throw Bad("eval_episodes", EvalEpisodes, $"1 to {int.MaxValue}");
        if (CheckpointEvery < 0) throw Bad("checkpoint_every", CheckpointEvery, $"0 (at the end only) to {int.MaxValue}");
        if (MovingAverage < 1) throw Bad("moving_average", MovingAverage, $"1 to {int.MaxValue}");
        if (NumEnvs is < 1 or > MaxEnvs) throw Bad("num_envs", NumEnvs, $"1 to {MaxEnvs}, or null for the agent's default");
    }

    private static UserInputException Bad(string key, object? value, string allowed) =>
        new($"config {key}={value} is not allowed; allowed: {allowed}");

    /// <summary>The configuration as <c>config.json</c> text.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>
    /// Parses <c>config.json</c> text; <paramref name="source"/> names it in error messages. Not validated. A null
    /// list or object (<c>"settings": null</c>) and a null value inside one (<c>"settings": {"alpha": null}</c>)
    /// mean "not given": the defaults apply.
    /// </summary>
    public static RunConfig FromJson(string json, string source = "config.json")
    {
        // The text is checked as JSON first, so that a file cut short is blamed on its end, not on the last key read.
        var documentOptions = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };
        JsonValueKind root;
        try
        {
            using var document = JsonDocument.Parse(json, documentOptions);
            root = document.RootElement.ValueKind;
        }
        catch (JsonException e)
        {
            string what = string.IsNullOrWhiteSpace(json) ? "the file is empty"
                : e.LineNumber is { } line ? $"the JSON is malformed or cut short at line {line + 1}, position {e.BytePositionInLine + 1}"
                : "the JSON is malformed";
            throw new UserInputException($"'{source}' is not a valid run configuration: {what}; allowed: one JSON object such as {Example}", e);
        }
        if (root != JsonValueKind.Object)
            throw new UserInputException($"'{source}' is not a valid run configuration: it holds a JSON {KindName(root)}; allowed: one JSON object such as {Example}");
        try
        {
            var config = JsonSerializer.Deserialize<RunConfig>(json, JsonOptions)!;
            config.EnvOptions = WithoutNulls(config.EnvOptions);
            config.Settings = WithoutNulls(config.Settings);
            config.Wrappers = [.. (config.Wrappers ?? []).Where(w => w is not null)];
            config.Plugins = [.. (config.Plugins ?? []).Where(p => p is not null)];
            return config;
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            string key = (e.Path ?? "").TrimStart('$', '.').Split('.', '[')[0];
            var what = e.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? $"unknown key '{key}'; allowed: {string.Join(", ", Keys)}"
                : Keys.Contains(key)
                    ? $"key '{key}' has a value of the wrong kind; allowed: {Kind(key)}"
                    : $"a value has the wrong kind; allowed keys: {string.Join(", ", Keys)}";
            throw new UserInputException($"'{source}'{where} is not a valid run configuration: {what}", e);
        }
    }

    private const string Example = "{\"env\": \"FrozenLake-v1\", \"agent\": \"q-learning\", \"episodes\": 2000}";

    private static Dictionary<string, string> WithoutNulls(Dictionary<string, string>? values) =>
        values is null ? [] : values.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value);

    private static string KindName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "true/false",
        _ => "null",
    };

    private static string Kind(string key)
    {
        var type = typeof(RunConfig).GetProperties().First(p => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name) == key).PropertyType;
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(int) || type == typeof(long) ? "an integer"
            : type == typeof(string) ? "a string"
            : type == typeof(List<string>) ? "a list of strings"
            : type == typeof(Dictionary<string, string>) ? "an object whose values are strings, e.g. {\"alpha\": \"0.5\"}"
            : type.Name;
    }

    /// <summary>Reads and parses a configuration file. Not validated.</summary>
    public static RunConfig Load(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"configuration file '{path}' does not exist");
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>Writes the configuration to <paramref name="path"/>.</summary>
    public void Save(string path) => File.WriteAllText(path, ToJson() + "\n");
}
