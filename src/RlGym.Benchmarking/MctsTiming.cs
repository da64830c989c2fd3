using System.Globalization;
using RlGym.Agents.Search.Mcts;
using RlGym.Core.MultiAgent;
using RlGym.Envs.Games.ConnectFour;
using RlGym.Envs.Games.TicTacToe;

namespace RlGym.Benchmarking;

/// <summary>
/// MCTS simulations per second on tic-tac-toe and Connect Four from the empty board, searches of
/// <see cref="SimulationsPerSearch"/> simulations each: <see cref="MctsPlayer{TState,TRules}"/> as plain UCT (no solver,
/// uniformly random rollouts) beside the same algorithm in plain C (bench/mcts.c, embedded in this assembly and
/// compiled with <c>cc -O2</c> in the same run).
/// </summary>
internal static class MctsTiming
{
    public const int SimulationsPerSearch = 1000;

    public static IReadOnlyList<MctsBenchResult> Run(long simulations, int repeats, bool cBaseline)
    {
        simulations = Math.Max(SimulationsPerSearch, simulations / SimulationsPerSearch * SimulationsPerSearch);
        var c = cBaseline ? RunC(simulations, repeats) : null;
        string status = c?.Status ?? "skipped";
        return
        [
            Measure<TicTacToeState, TicTacToeRules>("TicTacToe-v0", default, simulations, repeats, c?.Rate("tictactoe"), status),
            Measure<ConnectFourState, ConnectFourRules>("ConnectFour-v0", default, simulations, repeats, c?.Rate("connectfour"), status),
        ];
    }

    private static MctsBenchResult Measure<TState, TRules>(string game, TRules rules, long simulations, int repeats,
        (double? Wall, double? Cpu)? c, string cStatus)
        where TState : struct where TRules : struct, IGameRules<TState>
    {
        var player = new MctsPlayer<TState, TRules>(rules,
            new MctsOptions { Simulations = SimulationsPerSearch, Solver = false, TacticalRollouts = false }, seed: 12345);
        var root = rules.Initial;
        var t = Throughput.Measure(n =>
        {
            for (long done = 0; done < n; done += SimulationsPerSearch) player.Search(root, SimulationsPerSearch);
        }, simulations, repeats, warmUpRuns: 5);
        double? cWall = c?.Wall, cCpu = c?.Cpu;
        return new MctsBenchResult(game, SimulationsPerSearch, t.Best, t.Median, t.BestCpu, t.BytesPerStep,
            cWall, cCpu, cWall is { } w ? t.Best / w : null, cCpu is { } cc && t.BestCpu is { } ours ? ours / cc : null, cStatus);
    }

    private sealed record CResult(string Status, string Output)
    {
        public (double? Wall, double? Cpu) Rate(string game) =>
            (ExternalProcess.ParseNumber(Output, game + "_simulations_per_second"), ExternalProcess.ParseNumber(Output, game + "_cpu_simulations_per_second"));
    }

    private static CResult RunC(long simulations, int repeats)
    {
        using var dir = new ExternalProcess.TempDirectory();
        string source = Path.Combine(dir.Path, "mcts.c"), binary = Path.Combine(dir.Path, "mcts");
        using (var resource = typeof(MctsTiming).Assembly.GetManifestResourceStream("RlGym.Benchmarking.mcts.c")
            ?? throw new InvalidOperationException("mcts.c is not embedded in RlGym.Benchmarking"))
        using (var file = File.Create(source))
            resource.CopyTo(file);
        var compile = ExternalProcess.Run("cc", ["-O2", "-o", binary, source, "-lm"], TimeSpan.FromMinutes(2));
        if (compile.ExitCode == -1) return new($"unavailable (no C compiler: {compile.Error.Trim()})", "");
        if (compile.ExitCode != 0) return new($"unavailable (cc -O2 failed: {FirstLine(compile.Error)})", "");
        var inv = CultureInfo.InvariantCulture;
        var run = ExternalProcess.Run(binary, [SimulationsPerSearch.ToString(inv), simulations.ToString(inv), repeats.ToString(inv)], TimeSpan.FromMinutes(5));
        return run.ExitCode == 0
            ? new($"measured: cc -O2, best of {repeats} runs of {simulations} simulations", run.Output)
            : new($"unavailable (the C search failed: {FirstLine(run.Error + run.Output)})", "");
    }

    private static string FirstLine(string text) => text.Split('\n', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault()?.Trim() ?? "no output";
}
