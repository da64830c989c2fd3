using System.Globalization;
using System.Text;
using RlGym.Training.Metrics;
using RlGym.Training.Runs;

namespace RlGym.Serve.Tests;

/// <summary>Run directories written by hand, as the trainer would (or as a crash would leave them).</summary>
public static class RunFolders
{
    public static string Write(string dir, string env = "FrozenLake-v1", string agent = "q-learning", long seed = 0, int budget = 10,
        int rows = 10, Func<int, double>? returns = null, int evalEvery = 0, string? tail = null)
    {
        Directory.CreateDirectory(dir);
        new RunConfig { Env = env, Agent = agent, Seed = seed, Episodes = budget, EvalEvery = evalEvery }.Save(Path.Combine(dir, RunDirectory.ConfigFileName));
        var csv = new StringBuilder(MetricsWriter.Header + "\n");
        for (int e = 0; e < rows; e++) csv.Append(Row(e, returns?.Invoke(e) ?? e % 2, evalEvery > 0 && (e + 1) % evalEvery == 0 ? e / 10.0 : null));
        if (tail is not null) csv.Append(tail);
        File.WriteAllText(Path.Combine(dir, MetricsWriter.FileName), csv.ToString());
        return dir;
    }

    public static string Row(int episode, double ret, double? eval = null) =>
        string.Create(CultureInfo.InvariantCulture, $"{episode},{(episode + 1) * 10},{ret:R},10,0.1,{episode * 0.01:R},{eval:R},0\n");
}
