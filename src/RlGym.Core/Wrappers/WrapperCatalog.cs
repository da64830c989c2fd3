using System.Globalization;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;

namespace RlGym.Core.Wrappers;

/// <summary>
/// The wrappers a user can name with <c>--wrap</c> or in a configuration file, each applied to an untyped
/// environment (the types are recovered with <see cref="IEnvVisitor{TResult}"/>).
/// <para>
/// Syntax: <c>name</c> or <c>name:key=value,key=value</c>; a list value separates its elements with <c>;</c>
/// and <c>_</c> stands for "the space's own bound" (quote the argument in a shell), for example
/// <c>discretize:bins=6,low=-2.4;-3;-0.21;-3.5,high=2.4;3;0.21;3.5</c> or <c>scale-reward:scale=0.01</c>.
/// Several <c>--wrap</c> are applied in order, the first innermost. An unknown name, an unknown key or a bad value
/// throws <see cref="UserInputException"/> naming what is allowed.
/// </para>
/// </summary>
public sealed class WrapperCatalog
{
    private readonly Dictionary<string, WrapperEntry> _entries = new(StringComparer.Ordinal);

    /// <summary>A catalog holding the standard wrappers.</summary>
    public WrapperCatalog()
    {
        Register(new WrapperEntry("record-episode-statistics",
            "adds info[\"episode\"] (return, length, seconds) at each episode's end",
            [new("buffer_length", "100", "finished episodes kept in the queues")],
            (env, o) => env.Accept(new RecordStatisticsWrapping(o.GetInt("buffer_length", 100, min: 1)))));
        Register(new WrapperEntry("one-hot",
            "Discrete(n) observations to one-hot Box(0, 1, (n,)) vectors",
            [],
            (env, _) => env.Accept(new OneHotWrapping())));
        Register(new WrapperEntry("discretize",
            "Box observations to Discrete(prod bins) by equal intervals per dimension",
            [
                new("bins", "10", "intervals per dimension: one number, or one per dimension separated by ;"),
                new("low", "the box's", "lower edge per dimension, separated by ; (_ keeps the box's bound)"),
                new("high", "the box's", "upper edge per dimension, separated by ; (_ keeps the box's bound)"),
            ],
            (env, o) => env.Accept(new DiscretizeWrapping(
                Integers(o, "bins") ?? [10], Numbers(o, "low"), Numbers(o, "high")))));
        Register(new WrapperEntry("normalize-observation",
            "Box observations centred and scaled by their running mean and variance",
            [new("epsilon", "1e-08", "added to the variance before the square root")],
            (env, o) => env.Accept(new NormalizeWrapping(o.GetDouble("epsilon", 1e-8, min: 0)))));
        Register(new WrapperEntry("scale-reward",
            "multiplies every reward by a factor",
            [new("scale", "(required)", "the factor")],
            (env, o) =>
            {
                double scale = Required(o, "scale");
                return env.Accept(new TransformRewardWrapping(r => r * scale));
            }));
        Register(new WrapperEntry("clip-reward",
            "clips every reward to [min, max]",
            [new("min", "-1", "lowest reward"), new("max", "1", "highest reward")],
            (env, o) =>
            {
                double min = o.GetDouble("min", -1), max = o.GetDouble("max", 1);
                if (min > max) throw new UserInputException($"min={min.ToString(CultureInfo.InvariantCulture)} is above max={max.ToString(CultureInfo.InvariantCulture)}");
                return env.Accept(new TransformRewardWrapping(r => Math.Clamp(r, min, max)));
            }));
        Register(new WrapperEntry("clip-action",
            "clips Box actions into the action space before stepping",
            [],
            (env, _) => env.Accept(new ClipActionWrapping())));
        Register(new WrapperEntry("time-limit",
            "truncates episodes after a number of steps",
            [new("max_episode_steps", "(required)", "steps before truncation")],
            (env, o) =>
            {
                int max = o.GetInt("max_episode_steps", 0, min: 1);
                if (max == 0) throw new UserInputException("needs max_episode_steps=<steps>");
                return env.Accept(new TimeLimitWrapping(max));
            }));
    }

    /// <summary>The wrappers, by name.</summary>
    public IReadOnlyCollection<WrapperEntry> Entries => _entries.Values;

    /// <summary>Adds a wrapper; a name registered twice is an error.</summary>
    public void Register(WrapperEntry entry)
    {
        if (!_entries.TryAdd(entry.Name, entry))
            throw new ArgumentException($"Wrapper '{entry.Name}' is already registered.", nameof(entry));
    }

    /// <summary>The entry of <paramref name="name"/>; an unknown name lists the known ones.</summary>
    public WrapperEntry Get(string name) =>
        _entries.TryGetValue(name, out var e)
            ? e
            : throw new UserInputException($"unknown wrapper '{name}'; allowed: {string.Join(", ", _entries.Keys.Order(StringComparer.Ordinal))}");

    /// <summary>Splits <c>name:key=value,key=value</c> into the name and its parameters (keys' dashes read as underscores).</summary>
    public static (string Name, EnvOptions Parameters) Parse(string specification)
    {
        var text = specification.Trim();
        int colon = text.IndexOf(':');
        var name = (colon < 0 ? text : text[..colon]).Trim();
        if (name.Length == 0) throw new UserInputException($"wrapper '{specification}' has no name; use name or name:key=value,...");
        var pairs = new List<KeyValuePair<string, string>>();
        if (colon >= 0)
        {
            foreach (var item in text[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                int eq = item.IndexOf('=');
                if (eq <= 0)
                    throw new UserInputException($"wrapper {name}: parameter '{item}' is not of the form key=value");
                pairs.Add(new(item[..eq].Trim().Replace('-', '_'), item[(eq + 1)..].Trim()));
            }
        }
        return (name, new EnvOptions(pairs));
    }

    /// <summary>Wraps <paramref name="env"/> as <paramref name="specification"/> says.</summary>
    public IEnv Apply(IEnv env, string specification)
    {
        var (name, parameters) = Parse(specification);
        return Apply(env, name, parameters);
    }

    /// <summary>
    /// Wraps <paramref name="env"/> with the wrapper <paramref name="name"/> and its parameters as text (a configuration
    /// file's <c>{"name": "discretize", "bins": "6"}</c>); list values separate their elements with <c>;</c>.
    /// </summary>
    public IEnv Apply(IEnv env, string name, IReadOnlyDictionary<string, string> parameters) =>
        Apply(env, name, new EnvOptions(parameters.Select(p => new KeyValuePair<string, string>(p.Key.Replace('-', '_'), p.Value))));

    private IEnv Apply(IEnv env, string name, EnvOptions parameters)
    {
        var entry = Get(name);
        var unknown = parameters.Keys.FirstOrDefault(k => !entry.Parameters.Any(p => p.Name == k));
        if (unknown is not null) throw UnknownParameter(entry, unknown);
        IEnv wrapped;
        try
        {
            wrapped = entry.Factory(env, parameters);
        }
        catch (UserInputException e)
        {
            throw new UserInputException($"wrapper {name}: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new UserInputException($"wrapper {name}: {FirstLine(e.Message)}", e);
        }
        // A factory that forgot to declare a key it ignores would otherwise drop the user's value silently.
        unknown = parameters.UnreadKeys.FirstOrDefault();
        if (unknown is not null) throw UnknownParameter(entry, unknown);
        return wrapped;
    }

    private static UserInputException UnknownParameter(WrapperEntry entry, string key)
    {
        var allowed = entry.Parameters.Count == 0 ? "none" : string.Join(", ", entry.Parameters.Select(p => p.Name));
        return new UserInputException($"wrapper {entry.Name}: unknown parameter '{key}'; allowed: {allowed}");
    }

    /// <summary>Applies several specifications in order, the first innermost.</summary>
    public IEnv Apply(IEnv env, IEnumerable<string> specifications)
    {
        foreach (var s in specifications) env = Apply(env, s);
        return env;
    }

    // ArgumentException appends "(Parameter 'x')" on a new line; the user needs only the sentence.
    private static string FirstLine(string message)
    {
        int nl = message.IndexOfAny(['\r', '\n']);
        var line = nl < 0 ? message : message[..nl];
        int p = line.IndexOf(" (Parameter '", StringComparison.Ordinal);
        return p < 0 ? line : line[..p];
    }

    private static double Required(EnvOptions o, string key)
    {
        if (!o.Has(key)) throw new UserInputException($"needs {key}=<number>");
        return o.GetDouble(key, double.NaN);
    }

    private static double[]? Numbers(EnvOptions o, string key)
    {
        var s = o.GetString(key);
        if (s is null) return null;
        var parts = s.Split(';', StringSplitOptions.TrimEntries);
        var values = new double[parts.Length];
        for (int i = 0; i < parts.Length; i++)
        {
            if (parts[i] == "_") values[i] = double.NaN;
            else if (!double.TryParse(parts[i], NumberStyles.Float, CultureInfo.InvariantCulture, out values[i]) || double.IsNaN(values[i]))
                throw new UserInputException($"{key}={s}: '{parts[i]}' is not a number; give numbers separated by ; (or _ for the space's bound)");
        }
        return values;
    }

    private static int[]? Integers(EnvOptions o, string key)
    {
        var s = o.GetString(key);
        if (s is null) return null;
        var parts = s.Split(';', StringSplitOptions.TrimEntries);
        var values = new int[parts.Length];
        for (int i = 0; i < parts.Length; i++)
            if (!int.TryParse(parts[i], NumberStyles.Integer, CultureInfo.InvariantCulture, out values[i]) || values[i] < 1)
                throw new UserInputException($"{key}={s}: '{parts[i]}' is not a positive integer; give one, or one per dimension separated by ;");
        return values;
    }

    private static UserInputException Refusal(string needs, IEnv env) =>
        new($"needs {needs}; {env} has observations {env.ObservationSpace} and actions {env.ActionSpace}");

    private sealed class RecordStatisticsWrapping(int bufferLength) : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            new RecordEpisodeStatistics<TObs, TAct>(env, bufferLength);
    }

    private sealed class TransformRewardWrapping(Func<double, double> transform) : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            new TransformReward<TObs, TAct>(env, transform);
    }

    private sealed class TimeLimitWrapping(int maxEpisodeSteps) : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            new TimeLimit<TObs, TAct>(env, maxEpisodeSteps);
    }

    private sealed class OneHotWrapping : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            env is IEnv<int, TAct> e && env.ObservationSpace is Discrete
                ? new OneHotObservation<TAct>(e)
                : throw Refusal("Discrete observations", env);
    }

    private sealed class DiscretizeWrapping(int[] bins, double[]? low, double[]? high) : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull
        {
            if (env is not IEnv<float[], TAct> e || env.ObservationSpace is not Box box)
                throw Refusal("Box observations", env);
            if (bins.Length != 1 && bins.Length != box.Size)
                throw new UserInputException($"bins has {bins.Length} values; give one, or {box.Size} (one per dimension of {box})");
            if (low is not null && low.Length != box.Size)
                throw new UserInputException($"low has {low.Length} values; {box} needs {box.Size}");
            if (high is not null && high.Length != box.Size)
                throw new UserInputException($"high has {high.Length} values; {box} needs {box.Size}");
            var perDimension = bins.Length == 1 ? Enumerable.Repeat(bins[0], box.Size).ToArray() : bins;
            return new DiscretizeObservation<TAct>(e, perDimension, low, high);
        }
    }

    private sealed class NormalizeWrapping(double epsilon) : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            env is IEnv<float[], TAct> e && env.ObservationSpace is Box
                ? new NormalizeObservation<TAct>(e, epsilon)
                : throw Refusal("Box observations", env);
    }

    private sealed class ClipActionWrapping : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            env is IEnv<TObs, float[]> e && env.ActionSpace is Box
                ? new ClipAction<TObs>(e)
                : throw Refusal("Box actions", env);
    }
}
