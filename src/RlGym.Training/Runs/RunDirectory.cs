using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Training.Checkpoints;
using RlGym.Training.Metrics;
using RlGym.Core.Wrappers;
using RlGym.Training.Plots;

namespace RlGym.Training.Runs;

/// <summary>
/// The folder of one run: <c>config.json</c> (what to rerun), <c>metrics.csv</c> (one row per episode),
/// <c>checkpoint/checkpoint.bin</c> (to resume), <c>agent.bin</c> (the trained agent, what <c>IAgent.Save</c> wrote),
/// beside it <c>agent.statistics.bin</c> when the environment has fitted wrappers (the observation normaliser's
/// statistics the agent was trained with), and <c>learning-curve.png</c>.
/// </summary>
public sealed class RunDirectory
{
    /// <summary>The configuration's file name.</summary>
    public const string ConfigFileName = "config.json";

    /// <summary>The trained agent's file name.</summary>
    public const string AgentFileName = "agent.bin";

    /// <summary>The file name of the agent of the best greedy evaluation.</summary>
    public const string BestAgentFileName = "best-agent.bin";

    /// <summary>The learning curve's file name.</summary>
    public const string LearningCurveFileName = "learning-curve.png";

    /// <summary>A run directory at <paramref name="path"/> (nothing is created until something is written).</summary>
    public RunDirectory(string path)
    {
        if (string.IsNullOrWhiteSpace(path)) throw new UserInputException("the run directory path is empty; give --out <dir>");
        Path = System.IO.Path.GetFullPath(path);
    }

    /// <summary>The folder.</summary>
    public string Path { get; }

    /// <summary><c>config.json</c>.</summary>
    public string ConfigPath => System.IO.Path.Combine(Path, ConfigFileName);

    /// <summary><c>metrics.csv</c>.</summary>
    public string MetricsPath => System.IO.Path.Combine(Path, MetricsWriter.FileName);

    /// <summary><c>checkpoint/</c>.</summary>
    public string CheckpointDirectory => System.IO.Path.Combine(Path, "checkpoint");

    /// <summary><c>agent.bin</c>.</summary>
    public string AgentPath => System.IO.Path.Combine(Path, AgentFileName);

    /// <summary>The agent of the best greedy evaluation so far, <c>best-agent.bin</c> (written only when the run evaluates).</summary>
    public string BestAgentPath => System.IO.Path.Combine(Path, BestAgentFileName);

    /// <summary><c>learning-curve.png</c>.</summary>
    public string LearningCurvePath => System.IO.Path.Combine(Path, LearningCurveFileName);

    /// <summary>
    /// The file beside the agent file <paramref name="agentPath"/> that holds the statistics of the fitted wrappers
    /// it was trained behind: <c>agent.bin</c> → <c>agent.statistics.bin</c>.
    /// </summary>
    public static string WrapperStatisticsPath(string agentPath) =>
        System.IO.Path.Combine(System.IO.Path.GetDirectoryName(agentPath) ?? "", System.IO.Path.GetFileNameWithoutExtension(agentPath) + ".statistics.bin");

    /// <summary>The run's checkpoint store.</summary>
    public CheckpointStore Checkpoints => new(CheckpointDirectory);

    /// <summary>True when the folder already holds a run (metrics or a checkpoint).</summary>
    public bool HoldsRun => File.Exists(MetricsPath) || File.Exists(System.IO.Path.Combine(CheckpointDirectory, CheckpointStore.FileName));

    /// <summary>
    /// Prepares the folder for a new run: refuses one that already holds a run unless <paramref name="force"/>, in which
    /// case the old metrics, checkpoint, agent and plot are deleted (so a crash cannot mix two runs).
    /// </summary>
    public void PrepareFresh(bool force)
    {
        if (HoldsRun && !force)
            throw new UserInputException($"'{Path}' already holds a run ({MetricsWriter.FileName} exists); use --force to overwrite it or --resume to continue it");
        Directory.CreateDirectory(Path);
        if (force)
        {
            Checkpoints.Delete();
            foreach (var f in new[] { MetricsPath, AgentPath, BestAgentPath, WrapperStatisticsPath(AgentPath), WrapperStatisticsPath(BestAgentPath), LearningCurvePath })
                if (File.Exists(f)) File.Delete(f);
        }
    }

    /// <summary>Writes <c>config.json</c>.</summary>
    public void WriteConfig(RunConfig config)
    {
        Directory.CreateDirectory(Path);
        config.Save(ConfigPath);
    }

    /// <summary>Reads <c>config.json</c> (validated).</summary>
    public RunConfig ReadConfig()
    {
        if (!File.Exists(ConfigPath)) throw new UserInputException($"'{Path}' is not a run directory: it has no {ConfigFileName}");
        var config = RunConfig.Load(ConfigPath);
        config.Validate();
        return config;
    }

    /// <summary>
    /// Writes the agent to <c>agent.bin</c>, or to <paramref name="fileName"/> in the run directory, and beside it the
    /// statistics of the fitted wrappers of <paramref name="trainedOn"/>, the environment copy it learned from (each
    /// through a temporary file, so a crash keeps the old one).
    /// </summary>
    public void SaveAgent(IAgent agent, string fileName = AgentFileName, IEnv? trainedOn = null)
    {
        Directory.CreateDirectory(Path);
        var target = System.IO.Path.Combine(Path, fileName);
        var statisticsPath = WrapperStatisticsPath(target);
        if (trainedOn is not null && WrapperStatistics.Save(trainedOn) is { } statistics)
            WriteThroughTemporary(statisticsPath, fs => fs.Write(statistics));
        else if (File.Exists(statisticsPath)) File.Delete(statisticsPath);
        WriteThroughTemporary(target, agent.Save);
    }

    /// <summary>
    /// Restores into <paramref name="env"/> the wrapper statistics saved beside the agent file <paramref name="fileName"/>
    /// and freezes them; false when the run saved none.
    /// </summary>
    public bool RestoreWrapperStatistics(IEnv env, string fileName = AgentFileName)
    {
        var statisticsPath = WrapperStatisticsPath(System.IO.Path.Combine(Path, fileName));
        if (!File.Exists(statisticsPath)) return false;
        WrapperStatistics.Restore(env, File.ReadAllBytes(statisticsPath), fitting: false);
        return true;
    }

    private static void WriteThroughTemporary(string target, Action<Stream> write)
    {
        var temp = target + ".tmp";
        using (var fs = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            write(fs);
            fs.Flush(flushToDisk: true);
        }
        File.Move(temp, target, overwrite: true);
    }

    /// <summary>Loads <c>agent.bin</c> into <paramref name="agent"/>.</summary>
    public void LoadAgent(IAgent agent)
    {
        if (!File.Exists(AgentPath)) throw new UserInputException($"'{Path}' has no trained agent ({AgentFileName}); train first");
        using var fs = File.OpenRead(AgentPath);
        agent.Load(fs);
    }

    /// <summary>The rows of <c>metrics.csv</c>.</summary>
    public IReadOnlyList<EpisodeMetrics> ReadMetrics() => MetricsReader.Read(MetricsPath);

    /// <summary>Draws <c>learning-curve.png</c> from <c>metrics.csv</c>, with the env's reward threshold as a dashed line when given.</summary>
    public void WriteLearningCurve(int movingAverage = 100, string? title = null, double? rewardThreshold = null) =>
        LearningCurvePlot.Write(MetricsReader.Stream(MetricsPath), LearningCurvePath, movingAverage, title ?? System.IO.Path.GetFileName(Path), rewardThreshold);
}
