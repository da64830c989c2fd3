using System.Reflection;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Spaces;
using RlGym.Core.Vector;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Registration;

/// <summary>
/// Environment ids and how to make them, as Gymnasium's registry. <see cref="Make"/> builds the environment with
/// its options, refuses options it does not know, and wraps it, when the spec has a limit, in
/// <see cref="TimeLimit{TObs,TAct}"/>, then in <see cref="OrderEnforcing{TObs,TAct}"/> (outermost, so that stepping
/// after a truncation is refused too).
/// </summary>
public sealed class EnvRegistry
{
    private readonly Dictionary<string, EnvSpec> _specs = new(StringComparer.Ordinal);

    /// <summary>Registered specs, by id.</summary>
    public IReadOnlyCollection<EnvSpec> Specs => _specs.Values;

    /// <summary>Adds an environment; an id registered twice is an error.</summary>
    public void Register(EnvSpec spec)
    {
        if (!_specs.TryAdd(spec.Id, spec))
            throw new ArgumentException($"Environment id '{spec.Id}' is already registered.", nameof(spec));
    }

    /// <summary>Registers every environment of a package.</summary>
    public EnvRegistry Add(IEnvPackage package)
    {
        package.Register(this);
        return this;
    }

    /// <summary>Registers the environment packages found in an assembly file.</summary>
    public int LoadPlugin(string path)
    {
        if (!File.Exists(path)) throw new UserInputException($"plugin '{path}' does not exist");
        Assembly asm;
        try { asm = Assembly.LoadFrom(Path.GetFullPath(path)); }
        catch (BadImageFormatException) { throw new UserInputException($"plugin '{path}' is not a .NET assembly"); }
        int n = 0;
        foreach (var t in asm.GetExportedTypes())
        {
            if (t.IsAbstract || !typeof(IEnvPackage).IsAssignableFrom(t) || t.GetConstructor(Type.EmptyTypes) is null) continue;
            Add((IEnvPackage)Activator.CreateInstance(t)!);
            n++;
        }
        return n;
    }

    /// <summary>True when the id is registered.</summary>
    public bool Contains(string id) => _specs.ContainsKey(id);

    /// <summary>The spec of <paramref name="id"/>; an unknown id names the closest registered one.</summary>
    public EnvSpec Spec(string id)
    {
        if (_specs.TryGetValue(id, out var spec)) return spec;
        var closest = Closest(id);
        throw new UserInputException(closest is null
            ? $"unknown environment '{id}'; run 'rlgym envs' for the list"
            : $"unknown environment '{id}'; did you mean '{closest}'? (run 'rlgym envs' for the list)");
    }

    /// <summary>Makes an environment with its standard wrappers.</summary>
    public IEnv Make(string id, EnvOptions? options = null, int? maxEpisodeSteps = null)
    {
        var spec = Spec(id);
        var opts = (options ?? new EnvOptions()).WithDefaults(spec.DefaultOptions);
        var env = spec.Factory(opts);
        var unknown = opts.UnreadKeys.ToList();
        if (unknown.Count > 0)
        {
            env.Dispose();
            var allowed = spec.Options.Count == 0 ? "none" : string.Join(", ", spec.Options.Select(o => o.Name));
            throw new UserInputException($"unknown option '{unknown[0]}' for {id}; allowed: {allowed}");
        }
        env.Spec = spec;
        return env.Accept(new StandardWrapping(maxEpisodeSteps ?? spec.MaxEpisodeSteps));
    }

    /// <summary>Makes an environment at known types.</summary>
    public IEnv<TObs, TAct> Make<TObs, TAct>(string id, EnvOptions? options = null, int? maxEpisodeSteps = null)
        where TObs : notnull where TAct : notnull
    {
        var env = Make(id, options, maxEpisodeSteps);
        return env as IEnv<TObs, TAct> ?? throw new UserInputException(
            $"{id} has observations {env.ObservationSpace} and actions {env.ActionSpace}, not {typeof(TObs).Name} and {typeof(TAct).Name}");
    }

    /// <summary>
    /// Makes <paramref name="count"/> copies of an environment stepped as one, with the spec's time limit (or
    /// <paramref name="maxEpisodeSteps"/>) and Gymnasium's autoreset. Copy i is seeded with seed + i by
    /// <c>Reset(seed)</c>. When the spec has a <see cref="EnvSpec.VectorFactory"/> the copies live in arrays and are
    /// stepped in one loop; otherwise they are made by <see cref="Make"/> and stepped one after another
    /// (<see cref="SyncVectorEnv{TAct}"/>, or <see cref="ParallelVectorEnv{TAct}"/> for more than one thread). Both give
    /// the same numbers. Observations are rows of floats: an id with Discrete observations needs a vector env of its own,
    /// which observes each copy one-hot (the toy-text ids whose dynamics are their table), and is refused otherwise.
    /// </summary>
    public IVectorEnv MakeVector(string id, int count, EnvOptions? options = null, int? maxEpisodeSteps = null,
        AutoresetMode autoresetMode = AutoresetMode.NextStep, int threads = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        var spec = Spec(id);
        if (spec.VectorFactory is { } factory)
        {
            var opts = (options ?? new EnvOptions()).WithDefaults(spec.DefaultOptions);
            var env = factory(opts, new VectorEnvSettings(count, maxEpisodeSteps ?? spec.MaxEpisodeSteps, autoresetMode, threads));
            var unknown = opts.UnreadKeys.ToList();
            if (unknown.Count > 0)
            {
                env.Dispose();
                var allowed = spec.Options.Count == 0 ? "none" : string.Join(", ", spec.Options.Select(o => o.Name));
                throw new UserInputException($"unknown option '{unknown[0]}' for {id}; allowed: {allowed}");
            }
            return env;
        }
        var first = Make(id, options, maxEpisodeSteps);
        if (first.ObservationSpace is not Box)
        {
            first.Dispose();
            throw new UserInputException($"{id} has observations {first.ObservationSpace}; a vector environment needs Box observations (one-hot encode them)");
        }
        return first.Accept(new CopiesStepping(this, id, options, maxEpisodeSteps, count, autoresetMode, threads));
    }

    /// <summary>Makes a vector environment at a known action type; see <see cref="MakeVector"/>.</summary>
    public IVectorEnv<TAct> MakeVector<TAct>(string id, int count, EnvOptions? options = null, int? maxEpisodeSteps = null,
        AutoresetMode autoresetMode = AutoresetMode.NextStep, int threads = 1) where TAct : notnull
    {
        var env = MakeVector(id, count, options, maxEpisodeSteps, autoresetMode, threads);
        if (env is IVectorEnv<TAct> typed) return typed;
        env.Dispose();
        throw new UserInputException($"{id} has actions {env.SingleActionSpace}, not {typeof(TAct).Name}");
    }

    private sealed class CopiesStepping(EnvRegistry registry, string id, EnvOptions? options, int? maxSteps, int count, AutoresetMode mode, int threads)
        : IEnvVisitor<IVectorEnv>
    {
        public IVectorEnv Visit<TObs, TAct>(IEnv<TObs, TAct> first) where TObs : notnull where TAct : notnull
        {
            var copies = new List<IEnv<float[], TAct>>(count) { (IEnv<float[], TAct>)first };
            try
            {
                for (int i = 1; i < count; i++) copies.Add((IEnv<float[], TAct>)registry.Make(id, options, maxSteps));
                return threads == 1
                    ? new SyncVectorEnv<TAct>(copies, mode)
                    : new ParallelVectorEnv<TAct>(copies, mode, threads);
            }
            catch
            {
                foreach (var c in copies) c.Dispose();
                throw;
            }
        }
    }

    private sealed class StandardWrapping(int? maxSteps) : IEnvVisitor<IEnv>
    {
        public IEnv Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull
        {
            // OrderEnforcing goes outside TimeLimit so that it sees the truncation and refuses the step after it.
            IEnv<TObs, TAct> e = env;
            if (maxSteps is { } m) e = new TimeLimit<TObs, TAct>(e, m);
            return new OrderEnforcing<TObs, TAct>(e);
        }
    }

    private string? Closest(string id)
    {
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in _specs.Keys)
        {
            int d = Distance(id.ToLowerInvariant(), candidate.ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return bestDistance <= Math.Max(3, id.Length / 2) ? best : null;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
