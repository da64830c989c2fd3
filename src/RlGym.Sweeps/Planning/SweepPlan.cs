using System.Globalization;
using RlGym.Core.Random;
using RlGym.Sweeps.Files;
using RlGym.Training.Runs;

namespace RlGym.Sweeps.Planning;

/// <summary>
/// The trials a sweep file describes: every agent × every grid point × every random draw, each trained with every
/// seed. The plan is a pure function of the file (random draws come from <see cref="SweepFile.SampleSeed"/>), so a
/// rerun after a crash, or a worker on another machine, finds the same trials under the same ids.
/// </summary>
public sealed class SweepPlan
{
    private SweepPlan(SweepFile file, IReadOnlyList<TrialConfiguration> configurations, IReadOnlyList<string> plugins)
    {
        File = file;
        Configurations = configurations;
        Plugins = plugins;
    }

    /// <summary>The sweep file.</summary>
    public SweepFile File { get; }

    /// <summary>Every configuration, in id order.</summary>
    public IReadOnlyList<TrialConfiguration> Configurations { get; }

    /// <summary>Plugin assemblies recorded in each trial's config.json.</summary>
    public IReadOnlyList<string> Plugins { get; }

    /// <summary>Rungs: 1 without successive halving.</summary>
    public int Rungs => File.Halving?.Rungs ?? 1;

    /// <summary>Trials at the first rung: configurations × seeds.</summary>
    public int TrialCount => Configurations.Count * File.Seeds.Count;

    /// <summary>The plan of <paramref name="file"/>.</summary>
    public static SweepPlan Of(SweepFile file, IReadOnlyList<string>? plugins = null)
    {
        var points = new List<List<KeyValuePair<string, string>>> { new() };
        foreach (var (key, values) in file.Grid)
            points = [.. points.SelectMany(p => values.Select(v => new List<KeyValuePair<string, string>>(p) { new(key, v) }))];
        if (file.Random.Count > 0)
        {
            var rng = new Rng(file.SampleSeed);
            var drawn = new List<List<KeyValuePair<string, string>>>();
            for (int t = 0; t < file.Trials; t++)
            {
                var draw = file.Random.Select(r => new KeyValuePair<string, string>(r.Key, r.Value.Draw(rng))).ToList();
                drawn.AddRange(points.Select(p => new List<KeyValuePair<string, string>>([.. p, .. draw])));
            }
            points = drawn;
        }
        var configurations = new List<TrialConfiguration>();
        foreach (var agent in file.Agents)
            foreach (var p in points)
                configurations.Add(new TrialConfiguration(configurations.Count, agent, p));
        return new SweepPlan(file, configurations, plugins ?? []);
    }

    /// <summary>The id of the trial of <paramref name="configuration"/> with <paramref name="seed"/>, e.g. <c>c003-s1</c>.</summary>
    public string TrialId(TrialConfiguration configuration, long seed)
    {
        int width = Math.Max(3, (Configurations.Count - 1).ToString(CultureInfo.InvariantCulture).Length);
        return $"c{configuration.Index.ToString(CultureInfo.InvariantCulture).PadLeft(width, '0')}-s{seed.ToString(CultureInfo.InvariantCulture)}";
    }

    /// <summary>The budget (episodes or steps) of <paramref name="rung"/>.</summary>
    public long Budget(int rung)
    {
        long full = File.Episodes ?? File.Steps!.Value;
        return File.Halving is { } h ? h.Budget(full, rung) : full;
    }

    /// <summary>The run configuration of one trial trained up to <paramref name="rung"/>.</summary>
    public RunConfig RunConfig(TrialConfiguration configuration, long seed, int rung)
    {
        var settings = new Dictionary<string, string>(File.Settings);
        foreach (var (k, v) in configuration.Settings) settings[k] = v;
        long budget = Budget(rung);
        return new RunConfig
        {
            Env = File.Env,
            EnvOptions = new(File.Options),
            MaxEpisodeSteps = File.MaxEpisodeSteps,
            Wrappers = [.. File.Wrap],
            Agent = configuration.Agent,
            Settings = settings,
            Episodes = File.Episodes is null ? null : (int)budget,
            Steps = File.Steps is null ? null : budget,
            Seed = seed,
            CheckpointEvery = File.CheckpointEvery,
            Plugins = [.. Plugins],
        };
    }

    /// <summary>The job that trains one trial up to <paramref name="rung"/> in <paramref name="sweepDirectory"/>.</summary>
    public TrialJob Job(TrialConfiguration configuration, long seed, int rung, string sweepDirectory)
    {
        string id = TrialId(configuration, seed);
        return new TrialJob
        {
            TrialId = id,
            Rung = rung,
            Directory = Path.Combine(Path.GetFullPath(sweepDirectory), "trials", id),
            ConfigJson = RunConfig(configuration, seed, rung).ToJson(),
            LearningCurve = File.LearningCurves,
        };
    }
}
