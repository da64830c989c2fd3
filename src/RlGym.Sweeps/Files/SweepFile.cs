using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using RlGym.Core.Errors;

namespace RlGym.Sweeps.Files;

/// <summary>
/// A sweep file: agents × settings × seeds on one environment, for example
/// <c>{"env":"FrozenLake-v1","agents":["q-learning","sarsa"],"episodes":2000,"seeds":3,"grid":{"alpha":[0.1,0.5]}}</c>.
/// <para>
/// Keys: <c>env</c>; <c>agents</c>; <c>episodes</c> or <c>steps</c> (each trial's budget); <c>seeds</c> (a count K for
/// seeds 0..K−1, or a list); <c>grid</c> (every combination of the listed values); <c>random</c> with <c>trials</c>
/// (that many draws from distributions such as <c>{"log_uniform":[1e-4,1e-1]}</c>, combined with every grid point);
/// <c>settings</c> (fixed settings of every trial); <c>options</c> (environment options); <c>wrap</c> (wrappers);
/// <c>max_episode_steps</c>; <c>halving</c> (successive halving); <c>sample_seed</c> (the random search's seed);
/// <c>checkpoint_every</c> (episodes between checkpoints, which is how much a killed trial repeats); and
/// <c>learning_curves</c> (draw each trial's learning-curve.png).
/// </para>
/// </summary>
public sealed record SweepFile
{
    /// <summary>The keys a sweep file may hold.</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "env", "agents", "episodes", "steps", "seeds", "grid", "random", "trials", "settings", "options", "wrap",
        "max_episode_steps", "halving", "sample_seed", "checkpoint_every", "learning_curves",
    ];

    /// <summary>Gymnasium environment id.</summary>
    public required string Env { get; init; }

    /// <summary>Agent names, each swept over every setting combination.</summary>
    public required IReadOnlyList<string> Agents { get; init; }

    /// <summary>Episodes per trial (at the last rung with halving); null when <see cref="Steps"/> is set.</summary>
    public int? Episodes { get; init; }

    /// <summary>Steps per trial; null when <see cref="Episodes"/> is set.</summary>
    public long? Steps { get; init; }

    /// <summary>The run seeds every configuration trains with.</summary>
    public required IReadOnlyList<long> Seeds { get; init; }

    /// <summary>Grid: each setting's values, as setting text, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, IReadOnlyList<string>>> Grid { get; init; } = [];

    /// <summary>Random search: each setting's distribution, in file order.</summary>
    public IReadOnlyList<KeyValuePair<string, ParameterDistribution>> Random { get; init; } = [];

    /// <summary>Random draws (each combined with every grid point); 0 without random search.</summary>
    public int Trials { get; init; }

    /// <summary>Settings of every trial.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Environment options.</summary>
    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>();

    /// <summary>Wrappers, innermost first.</summary>
    public IReadOnlyList<string> Wrap { get; init; } = [];

    /// <summary>Overrides the environment's time limit.</summary>
    public int? MaxEpisodeSteps { get; init; }

    /// <summary>Successive halving; null trains every configuration for the whole budget.</summary>
    public HalvingOptions? Halving { get; init; }

    /// <summary>Seed of the random search's draws.</summary>
    public long SampleSeed { get; init; }

    /// <summary>Episodes between a trial's checkpoints.</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>Draw each trial's learning-curve.png.</summary>
    public bool LearningCurves { get; init; } = true;

    /// <summary>The settings the sweep varies, grid first, in file order.</summary>
    public IReadOnlyList<string> SweptKeys => [.. Grid.Select(g => g.Key), .. Random.Select(r => r.Key)];

    /// <summary>Reads and parses a sweep file; every mistake is one line naming the key and what is allowed.</summary>
    public static SweepFile Load(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"sweep file '{path}' does not exist");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses sweep file text; <paramref name="source"/> names it in error messages.</summary>
    public static SweepFile Parse(string json, string source = "sweep file")
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var where = e.LineNumber is { } line ? $" (line {line + 1})" : "";
            throw new UserInputException($"'{source}'{where} is not valid JSON: {e.Message.Split(". ")[0]}");
        }
        using (doc)
        {
            return new Reader(source).Read(doc.RootElement);
        }
    }

    /// <summary>
    /// A digest of everything that decides the sweep's trials and results, so a sweep directory refuses to continue
    /// with a different file (formatting and key order in the file do not matter).
    /// </summary>
    public string Fingerprint()
    {
        var text = new StringBuilder();
        text.Append(Env).Append('|').AppendJoin(',', Agents).Append('|').Append(Episodes).Append('|').Append(Steps)
            .Append('|').AppendJoin(',', Seeds).Append('|');
        foreach (var (k, v) in Grid) text.Append(k).Append('=').AppendJoin(',', v).Append(';');
        text.Append('|');
        foreach (var (k, d) in Random)
            text.Append(k).Append('=').Append(d.Kind).Append(':').Append(d.Low.ToString("R", CultureInfo.InvariantCulture)).Append(',')
                .Append(d.High.ToString("R", CultureInfo.InvariantCulture)).Append(',').AppendJoin(',', d.Choices).Append(';');
        text.Append('|').Append(Trials).Append('|');
        foreach (var (k, v) in Settings.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(k).Append('=').Append(v).Append(';');
        text.Append('|');
        foreach (var (k, v) in Options.OrderBy(p => p.Key, StringComparer.Ordinal)) text.Append(k).Append('=').Append(v).Append(';');
        text.Append('|').AppendJoin(',', Wrap).Append('|').Append(MaxEpisodeSteps).Append('|')
            .Append(Halving is { } h ? $"{h.Rungs},{h.Eta}" : "").Append('|').Append(SampleSeed).Append('|').Append(CheckpointEvery);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    private sealed class Reader(string source)
    {
        private UserInputException Bad(string key, string what) =>
            new($"sweep file '{source}': {key}{(what.StartsWith('=') ? "" : " ")}{what}");

        public SweepFile Read(JsonElement root)
        {
            if (root.ValueKind != JsonValueKind.Object) throw new UserInputException($"sweep file '{source}' must hold a JSON object such as {{\"env\":\"FrozenLake-v1\",\"agents\":[\"q-learning\"],\"episodes\":1000,\"seeds\":3}}");
            foreach (var p in root.EnumerateObject())
                if (!Keys.Contains(p.Name)) throw Bad($"key '{p.Name}'", $"is unknown; allowed: {string.Join(", ", Keys)}");

            string env = root.TryGetProperty("env", out var e) && e.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(e.GetString())
                ? e.GetString()!
                : throw Bad("env", "is missing or not a string; allowed: an environment id such as \"FrozenLake-v1\" (run 'rlgym envs')");

            var agents = root.TryGetProperty("agents", out var a) ? StringList(a, "agents") : throw Bad("agents", "is missing; allowed: a list of agent names such as [\"q-learning\",\"sarsa\"] (run 'rlgym agents')");
            if (agents.Count == 0) throw Bad("agents", "is empty; allowed: one or more agent names");
            if (agents.Distinct().Count() != agents.Count) throw Bad("agents", "names an agent twice");

            int? episodes = root.TryGetProperty("episodes", out var ep) ? (int)Integer(ep, "episodes", 1, int.MaxValue) : null;
            long? steps = root.TryGetProperty("steps", out var st) ? Integer(st, "steps", 1, long.MaxValue) : null;
            if (episodes is null && steps is null) throw Bad("episodes", "is missing; allowed: a positive number of episodes per trial, or set steps instead");
            if (episodes is not null && steps is not null) throw Bad("steps", "cannot be set with episodes; the budget is one or the other");

            IReadOnlyList<long> seeds = [0];
            if (root.TryGetProperty("seeds", out var s))
            {
                if (s.ValueKind == JsonValueKind.Number) seeds = [.. Enumerable.Range(0, (int)Integer(s, "seeds", 1, 10_000)).Select(i => (long)i)];
                else if (s.ValueKind == JsonValueKind.Array)
                {
                    seeds = [.. s.EnumerateArray().Select(x => Integer(x, "seeds", 0, long.MaxValue))];
                    if (seeds.Count == 0) throw Bad("seeds", "is an empty list; allowed: a count such as 3, or a list of seeds such as [0,1,2]");
                    if (seeds.Distinct().Count() != seeds.Count) throw Bad("seeds", "lists a seed twice");
                }
                else throw Bad("seeds", "has a value of the wrong kind; allowed: a count such as 3, or a list of seeds such as [0,1,2]");
            }

            var grid = new List<KeyValuePair<string, IReadOnlyList<string>>>();
            if (root.TryGetProperty("grid", out var g))
            {
                if (g.ValueKind != JsonValueKind.Object) throw Bad("grid", "must be an object of lists such as {\"alpha\":[0.1,0.5]}");
                foreach (var p in g.EnumerateObject())
                {
                    if (p.Value.ValueKind != JsonValueKind.Array || p.Value.GetArrayLength() == 0)
                        throw Bad($"grid.{p.Name}", "must be a non-empty list of values such as [0.1,0.5]");
                    var values = p.Value.EnumerateArray().Select(v => Scalar(v, $"grid.{p.Name}")).ToList();
                    if (values.Distinct().Count() != values.Count) throw Bad($"grid.{p.Name}", "lists a value twice");
                    grid.Add(new(p.Name, values));
                }
            }

            var random = new List<KeyValuePair<string, ParameterDistribution>>();
            if (root.TryGetProperty("random", out var r))
            {
                if (r.ValueKind != JsonValueKind.Object) throw Bad("random", "must be an object such as {\"alpha\":{\"log_uniform\":[1e-4,1e-1]}}");
                foreach (var p in r.EnumerateObject())
                {
                    if (grid.Any(x => x.Key == p.Name)) throw Bad($"random.{p.Name}", "is also in grid; sweep a setting one way");
                    random.Add(new(p.Name, Distribution(p.Value, $"random.{p.Name}")));
                }
            }
            int trials = root.TryGetProperty("trials", out var t) ? (int)Integer(t, "trials", 1, 1_000_000) : 0;
            if (random.Count > 0 && trials == 0) throw Bad("trials", "is missing; allowed: the number of random draws (1 or more) when random is set");
            if (random.Count == 0 && trials > 0) throw Bad("trials", "is set without random; allowed: only with random search");

            var settings = StringMap(root, "settings");
            foreach (var k in settings.Keys)
                if (grid.Any(x => x.Key == k) || random.Any(x => x.Key == k)) throw Bad($"settings.{k}", "is also swept; a fixed setting cannot be swept too");
            var options = StringMap(root, "options");

            IReadOnlyList<string> wrap = [];
            if (root.TryGetProperty("wrap", out var w))
                wrap = w.ValueKind == JsonValueKind.String ? [w.GetString()!] : StringList(w, "wrap");

            int? maxSteps = root.TryGetProperty("max_episode_steps", out var m) && m.ValueKind != JsonValueKind.Null
                ? (int)Integer(m, "max_episode_steps", 1, int.MaxValue) : null;

            HalvingOptions? halving = null;
            if (root.TryGetProperty("halving", out var h))
            {
                if (h.ValueKind != JsonValueKind.Object) throw Bad("halving", "must be an object such as {\"rungs\":3,\"eta\":3}");
                foreach (var p in h.EnumerateObject())
                    if (p.Name is not ("rungs" or "eta")) throw Bad($"halving.{p.Name}", "is unknown; allowed: rungs, eta");
                int rungs = h.TryGetProperty("rungs", out var hr) ? (int)Integer(hr, "halving.rungs", 2, 20) : 3;
                int eta = h.TryGetProperty("eta", out var he) ? (int)Integer(he, "halving.eta", 2, 100) : 3;
                halving = new HalvingOptions(rungs, eta);
                long full = episodes ?? steps!.Value;
                if (full < Math.Pow(eta, rungs - 1))
                    throw Bad("halving", $"needs a budget of at least {Math.Pow(eta, rungs - 1)} so the first rung trains for one or more {(episodes is null ? "steps" : "episodes")}");
            }

            long sampleSeed = root.TryGetProperty("sample_seed", out var ss) ? Integer(ss, "sample_seed", 0, long.MaxValue) : 0;
            int checkpointEvery = root.TryGetProperty("checkpoint_every", out var ce) ? (int)Integer(ce, "checkpoint_every", 1, int.MaxValue) : 100;
            bool curves = true;
            if (root.TryGetProperty("learning_curves", out var lc))
                curves = lc.ValueKind switch
                {
                    JsonValueKind.True => true,
                    JsonValueKind.False => false,
                    _ => throw Bad("learning_curves", "has a value of the wrong kind; allowed: true or false"),
                };

            return new SweepFile
            {
                Env = env, Agents = agents, Episodes = episodes, Steps = steps, Seeds = seeds, Grid = grid, Random = random,
                Trials = trials, Settings = settings, Options = options, Wrap = wrap, MaxEpisodeSteps = maxSteps, Halving = halving,
                SampleSeed = sampleSeed, CheckpointEvery = checkpointEvery, LearningCurves = curves,
            };
        }

        private long Integer(JsonElement v, string key, long min, long max)
        {
            if (v.ValueKind != JsonValueKind.Number || !v.TryGetInt64(out long n))
                throw Bad(key, $"={v.GetRawText()} is not allowed; allowed: an integer from {min} to {max}");
            if (n < min || n > max) throw Bad(key, $"={n} is not allowed; allowed: {min} to {max}");
            return n;
        }

        private List<string> StringList(JsonElement v, string key)
        {
            if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String || string.IsNullOrWhiteSpace(x.GetString())))
                throw Bad(key, "has a value of the wrong kind; allowed: a list of non-empty strings");
            return [.. v.EnumerateArray().Select(x => x.GetString()!)];
        }

        private string Scalar(JsonElement v, string key) => v.ValueKind switch
        {
            JsonValueKind.Number => v.GetRawText(),
            JsonValueKind.String => v.GetString()!,
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            _ => throw Bad(key, $"holds {v.GetRawText()}; allowed: numbers, strings or true/false"),
        };

        private Dictionary<string, string> StringMap(JsonElement root, string key)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            if (!root.TryGetProperty(key, out var v)) return map;
            if (v.ValueKind != JsonValueKind.Object) throw Bad(key, "must be an object such as {\"name\": value}");
            foreach (var p in v.EnumerateObject()) map[p.Name] = Scalar(p.Value, $"{key}.{p.Name}");
            return map;
        }

        private ParameterDistribution Distribution(JsonElement v, string key)
        {
            const string allowed = "one of {\"uniform\":[a,b]}, {\"log_uniform\":[a,b]}, {\"int_uniform\":[a,b]}, {\"choice\":[v1,v2]}";
            if (v.ValueKind != JsonValueKind.Object || v.EnumerateObject().Count() != 1) throw Bad(key, $"must be {allowed}");
            var p = v.EnumerateObject().First();
            if (!ParameterDistribution.Kinds.Contains(p.Name)) throw Bad(key, $"has unknown distribution '{p.Name}'; allowed: {allowed}");
            if (p.Value.ValueKind != JsonValueKind.Array) throw Bad(key, $"must be {allowed}");
            if (p.Name == "choice")
            {
                var choices = p.Value.EnumerateArray().Select(x => Scalar(x, key)).ToList();
                if (choices.Count == 0) throw Bad(key, "has an empty choice; allowed: one or more values");
                return new ParameterDistribution { Kind = "choice", Choices = choices };
            }
            var ends = p.Value.EnumerateArray().ToList();
            if (ends.Count != 2 || ends.Any(x => x.ValueKind != JsonValueKind.Number)) throw Bad(key, $"needs two numbers [low, high]; allowed: {allowed}");
            double low = ends[0].GetDouble(), high = ends[1].GetDouble();
            if (!double.IsFinite(low) || !double.IsFinite(high) || !(low < high)) throw Bad(key, $"=[{ends[0].GetRawText()},{ends[1].GetRawText()}] is not allowed; allowed: finite low below high");
            if (p.Name == "log_uniform" && low <= 0) throw Bad(key, $"=[{ends[0].GetRawText()},{ends[1].GetRawText()}] is not allowed; allowed: log_uniform needs 0 < low < high");
            if (p.Name == "int_uniform" && (low != Math.Floor(low) || high != Math.Floor(high) || high - low > int.MaxValue - 1))
                throw Bad(key, $"=[{ends[0].GetRawText()},{ends[1].GetRawText()}] is not allowed; allowed: int_uniform needs two integers");
            return new ParameterDistribution { Kind = p.Name, Low = low, High = high };
        }
    }
}
