using System.Globalization;
using System.Text;

namespace RlGym.Benchmarking;

/// <summary>A <see cref="BenchReport"/> as plain aligned tables, for a terminal.</summary>
public static class BenchReportText
{
    /// <summary>Renders every section of the report.</summary>
    public static string Render(BenchReport report)
    {
        var m = report.Machine;
        var sb = new StringBuilder();
        sb.AppendLine($"rlgym bench  {m.Date}  {m.Cores} cores  {m.Runtime}  {m.Os}");
        sb.AppendLine($"{m.StepsPerRun:N0} steps per run, K = {m.Copies} copies, {m.Threads} threads; {m.Note}");
        sb.AppendLine();

        sb.AppendLine("Environments (steps/s; bare = the env class, wrapped = registry.Make: OrderEnforcing + TimeLimit;");
        sb.AppendLine("  cpu = steps per second of the stepping thread's CPU time, which other processes' load does not lower;");
        sb.AppendLine($"  vec = registry.MakeVector(id, {m.Copies}); w/b and v/b = wrapped and vec 1 core over bare, by cpu time)");
        Table(sb, ["env", "bare", "bare cpu", "wrapped", "wrap cpu", "w/b", "B/step", "vec 1 core", "vec 1 cpu", "v/b", $"vec {m.Threads} thr", "scaling", "vec B/step", "note"],
            report.Results.Select(r => new[]
            {
                r.Env, Rate(r.StepsPerSecond), Rate(r.CpuStepsPerSecond), Rate(r.WrappedStepsPerSecond), Rate(r.WrappedCpuStepsPerSecond),
                Ratio(r.WrappedVsBareCpu ?? r.WrappedVsBare), Bytes(Math.Max(r.BytesPerStep, r.WrappedBytesPerStep)),
                Rate(r.VectorOneCoreStepsPerSecond), Rate(r.VectorOneCoreCpuStepsPerSecond), Ratio(r.VectorOneCoreVsBareCpu ?? r.VectorOneCoreVsBare),
                Rate(r.VectorStepsPerSecond), Ratio(r.VectorScaling), Bytes(r.VectorBytesPerStep + r.VectorWorkerBytesPerStep), r.VectorNote ?? "",
            }));
        sb.AppendLine();

        if (report.Scaling.Count > 0)
        {
            sb.AppendLine("Vector env scaling (structure-of-arrays envs; the same K on one thread and on all, in this run)");
            Table(sb, ["env", "K", "1 thread", "median", "1 thr cpu", "threads", "steps/s", "median", "scaling", "B/step", "independent", "machine"],
                report.Scaling.Select(r => new[]
                {
                    r.Env, r.Copies.ToString("N0", CultureInfo.InvariantCulture), Rate(r.OneThreadStepsPerSecond), Rate(r.OneThreadStepsPerSecondMedian),
                    Rate(r.OneThreadCpuStepsPerSecond), r.Threads.ToString(CultureInfo.InvariantCulture), Rate(r.StepsPerSecond),
                    Rate(r.StepsPerSecondMedian), Ratio(r.Scaling), Bytes(r.BytesPerStep), Rate(r.IndependentStepsPerSecond), Ratio(r.IndependentScaling),
                }));
            sb.AppendLine("  independent: the same copies as separate one-thread envs, one per thread, nothing shared; machine: that over 1 thread,");
            sb.AppendLine("  the most this machine's threads gave in this run (a shared virtual machine can give well under the thread count)");
            sb.AppendLine();
        }

        sb.AppendLine("Tabular loop (Q-learning act + env step + update; one step = all three)");
        Table(sb, ["env", "agent", "env kind", "steps/s", "median", "cpu", "B/step"],
            report.Tabular.Loops.Select(t => new[] { t.Env, t.Agent, t.EnvKind, Rate(t.StepsPerSecond), Rate(t.StepsPerSecondMedian), Rate(t.CpuStepsPerSecond), Bytes(t.BytesPerStep) }));
        sb.AppendLine();

        var a = report.A2c;
        sb.AppendLine(a.Available
            ? $"A2C on CartPole-v1: {Rate(a.SamplesPerSecond)} samples/s; threshold {a.RewardThreshold} reached after {a.SamplesToThreshold:N0} samples in {a.SecondsToThreshold:0.0} s ({a.Note})"
            : $"A2C on CartPole-v1: {a.Note}");
        sb.AppendLine();

        if (report.Mcts is { Count: > 0 } mcts)
        {
            sb.AppendLine($"MCTS (plain UCT, random rollouts, {mcts[0].SimulationsPerSearch} simulations per search from the empty board; C: bench/mcts.c, {mcts[0].CStatus})");
            Table(sb, ["game", "sims/s", "median", "cpu", "B/sim", "C sims/s", "C cpu", "vs C", "vs C cpu"],
                mcts.Select(r => new[] { r.Game, Rate(r.SimulationsPerSecond), Rate(r.SimulationsPerSecondMedian), Rate(r.CpuSimulationsPerSecond), Bytes(r.BytesPerSimulation),
                    Rate(r.CSimulationsPerSecond), Rate(r.CCpuSimulationsPerSecond), Ratio(r.VsC), Ratio(r.VsCCpu) }));
            sb.AppendLine();
        }

        if (report.NetworkCore is { Count: > 0 } core)
        {
            sb.AppendLine("Network core (dense forward + backward, tanh, float64; GFLOPS counted as 6·batch·Σ inputs·outputs)");
            Table(sb, ["shape", "batch", "GFLOPS", "NumPy GFLOPS", "ours/NumPy", "NumPy status"],
                core.Select(r => new[]
                {
                    r.Shape, r.Batch.ToString(CultureInfo.InvariantCulture), r.Gflops.ToString("0.00", CultureInfo.InvariantCulture),
                    r.NumpyGflops?.ToString("0.00", CultureInfo.InvariantCulture) ?? "n/a", Ratio(r.VersusNumpy), r.NumpyStatus,
                }));
            sb.AppendLine();
        }

        var b = report.Baselines;
        sb.AppendLine("Baselines (CartPole-v1)");
        Table(sb, ["baseline", "steps/s", "cpu", "status"],
        [
            ["C loop", Rate(b.CLoop.StepsPerSecond), Rate(b.CLoop.CpuStepsPerSecond), b.CLoop.Status],
            ["gymnasium.make (measured)", Rate(b.Python.MeasuredStepsPerSecond), "n/a", b.Python.Status],
            [$"Gymnasium CartPoleVectorEnv({b.Python.VectorCopies?.ToString(CultureInfo.InvariantCulture) ?? "K"}) (measured)", Rate(b.Python.MeasuredVectorStepsPerSecond), "n/a",
                b.Python.MeasuredVectorStepsPerSecond is null ? b.Python.Status : "NumPy, one thread"],
            ["gymnasium.make (quoted)", Rate(b.Python.QuotedStepsPerSecond), "n/a", b.Python.QuotedSource],
        ]);
        sb.AppendLine();
        Table(sb, ["ratio", "wall", "cpu", "baseline is"], b.Ratios.Select(r => new[] { r.Name, Ratio(r.Ratio), Ratio(r.CpuRatio), r.VersusKind }));
        return sb.ToString();
    }

    /// <summary>Renders the training speed of each agent (<c>rlgym bench --agents</c>).</summary>
    public static string RenderAgents(IReadOnlyList<AgentBenchResult> results, string machine)
    {
        var sb = new StringBuilder();
        sb.AppendLine($"rlgym bench --agents  {machine}");
        sb.AppendLine("Agents (training env steps/s with default options: act + env step + learn, all copies counted;");
        sb.AppendLine("  cpu = per second of the training thread's CPU time, which other processes' load does not lower)");
        Table(sb, ["agent", "env", "copies", "steps", "steps/s", "cpu", "seconds", "note"],
            results.Select(r => new[]
            {
                r.Agent, r.Env ?? "-", r.Copies.ToString(CultureInfo.InvariantCulture), r.Steps.ToString("N0", CultureInfo.InvariantCulture),
                Rate(r.StepsPerSecond), Rate(r.CpuStepsPerSecond), r.Seconds?.ToString("0.0", CultureInfo.InvariantCulture) ?? "n/a", r.Note,
            }));
        return sb.ToString();
    }

    private static void Table(StringBuilder sb, string[] header, IEnumerable<string[]> rows)
    {
        var all = new List<string[]> { header };
        all.AddRange(rows);
        var widths = new int[header.Length];
        foreach (var row in all)
            for (int c = 0; c < row.Length; c++) widths[c] = Math.Max(widths[c], row[c].Length);
        for (int r = 0; r < all.Count; r++)
        {
            var line = new StringBuilder("  ");
            for (int c = 0; c < header.Length; c++)
            {
                // Text columns (the first and the last) align left, numbers right.
                bool left = c == 0 || c == header.Length - 1;
                line.Append(left ? all[r][c].PadRight(widths[c]) : all[r][c].PadLeft(widths[c]));
                if (c + 1 < header.Length) line.Append("  ");
            }
            sb.AppendLine(line.ToString().TrimEnd());
            if (r == 0) sb.AppendLine("  " + string.Join("  ", widths.Select(w => new string('-', w))));
        }
    }

    /// <summary>A rate with an SI suffix: 31.2 M, 105 k.</summary>
    public static string Rate(double? value) => value switch
    {
        null => "n/a",
        >= 1e9 => (value.Value / 1e9).ToString("0.00", CultureInfo.InvariantCulture) + " G",
        >= 1e6 => (value.Value / 1e6).ToString("0.00", CultureInfo.InvariantCulture) + " M",
        >= 1e3 => (value.Value / 1e3).ToString("0.0", CultureInfo.InvariantCulture) + " k",
        _ => value.Value.ToString("0.0", CultureInfo.InvariantCulture),
    };

    private static string Ratio(double? value) => value is { } v ? v.ToString("0.00", CultureInfo.InvariantCulture) + "x" : "n/a";

    private static string Bytes(double? value) => value is { } v ? v.ToString(v == Math.Floor(v) ? "0" : "0.###", CultureInfo.InvariantCulture) : "n/a";
}
