using System.Diagnostics;
using System.Globalization;
using RlGym.Core.MultiAgent;
using RlGym.Training.Checkpoints;
using RlGym.Training.Games;
using RlGym.Training.Runs;

namespace RlGym.Training.SelfPlay;

/// <summary>
/// The loop of a self-play run, beside <see cref="Trainer"/>'s loop over environments. It lives apart because a
/// self-play learner has no environment to step: it plays both sides of its games on the game's rules, inside its own
/// tree search (as a planner works on a model), and its unit of work is a whole game, not a transition. What the
/// loop adds is the run around it, in the usual run directory:
/// <list type="bullet">
/// <item>behaviour cloning first when the learner asks for it (AlphaGo's path), the cloned start saved as
/// <c>cloned.bin</c> and evaluated;</item>
/// <item>one self-play game after another (or groups of games played at once, for a learner with
/// <see cref="ISelfPlayLearner{TState}.ParallelGames"/> &gt; 1), a row of <c>metrics.csv</c> per game
/// (<c>game,total_moves,moves,winner,policy_loss,value_loss,wall_seconds,win_rate,draw_rate</c>);</item>
/// <item>every <see cref="SelfPlayOptions.EvalEvery"/> games an arena against a fixed baseline (its seed derived from the
/// run's seed and the evaluation's number, so a resumed run meets the same baseline), whose win and draw rates fill
/// the row;</item>
/// <item>checkpoints (the learner with its buffer, optimizers and generator, the counters) from which
/// <c>--resume</c> continues exactly, and <c>agent.bin</c> at the end.</item>
/// </list>
/// </summary>
public sealed class SelfPlayTrainer<TState, TRules>(
    TRules rules,
    ISelfPlayLearner<TState> learner,
    Func<long, IGamePlayer<TState>> baseline,
    RunDirectory directory,
    SelfPlayOptions options)
    where TState : struct where TRules : struct, IGameRules<TState>
{
    /// <summary>The metrics header.</summary>
    public const string Header = "game,total_moves,moves,winner,policy_loss,value_loss,wall_seconds,win_rate,draw_rate";

    /// <summary>The file of the behaviour-cloned start.</summary>
    public const string ClonedFileName = "cloned.bin";

    /// <summary>Reports each game's metrics row as it is written (for progress displays).</summary>
    public Action<int, string>? OnGame { get; init; }

    /// <summary>Reports log lines (cloning, evaluations).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>Runs (or, with <paramref name="resume"/>, continues) the run.</summary>
    public SelfPlayResult Run(bool resume, CancellationToken cancellationToken = default)
    {
        var inv = CultureInfo.InvariantCulture;
        int games = 0;
        long moves = 0;
        double wallBefore = 0, lastWin = double.NaN, lastDraw = double.NaN;
        double? clonedWinRate = null;
        if (resume)
        {
            var checkpoint = directory.Checkpoints.Load(options.EnvId, options.AgentName);
            using (var ms = new MemoryStream(checkpoint.Agent)) learner.Load(ms);
            games = checkpoint.Episode;
            moves = checkpoint.TotalSteps;
            wallBefore = checkpoint.WallSeconds;
            CutMetrics(checkpoint.MetricsRows);
        }
        else
        {
            File.WriteAllText(directory.MetricsPath, Header + "\n");
            if (learner.DemonstrationGames > 0)
            {
                var cloned = learner.LearnFromDemonstrations(cancellationToken);
                Log?.Invoke(string.Create(inv, $"behaviour cloning: {cloned.Games} demonstration games, {cloned.Positions} positions; policy loss {cloned.PolicyLoss:0.000}, value loss {cloned.ValueLoss:0.000}, accuracy {cloned.Accuracy:0.000}"));
                using (var fs = File.Create(Path.Combine(directory.Path, ClonedFileName))) learner.Save(fs);
                if (options.EvalEvery > 0)
                {
                    var (w, d) = Evaluate(0);
                    clonedWinRate = w;
                    Log?.Invoke(string.Create(inv, $"cloned start against the baseline: win rate {w:0.000}, draw rate {d:0.000}"));
                }
            }
        }

        var clock = Stopwatch.StartNew();
        using var metrics = new StreamWriter(directory.MetricsPath, append: true) { NewLine = "\n" };
        bool cancelled = false;
        while (games < options.Games)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                cancelled = true;
                break;
            }
            // Games played at once end at the next evaluation or checkpoint, so both fall where they fall with one
            // game at a time, and a resumed run plays the same groups of games as an uninterrupted one.
            var played = learner.PlaySelfPlayGames(Math.Min(learner.ParallelGames, GamesToNextStop(games)));
            foreach (var game in played)
            {
                games++;
                moves += game.Moves;
                string win = "", draw = "";
                if (options.EvalEvery > 0 && (games % options.EvalEvery == 0 || games == options.Games))
                {
                    (lastWin, lastDraw) = Evaluate(games);
                    win = lastWin.ToString("R", inv);
                    draw = lastDraw.ToString("R", inv);
                    Log?.Invoke(string.Create(inv, $"game {games}: win rate {lastWin:0.000}, draw rate {lastDraw:0.000} against the baseline"));
                }
                double wall = wallBefore + clock.Elapsed.TotalSeconds;
                string row = string.Create(inv,
                    $"{games},{moves},{game.Moves},{game.Winner},{Number(game.PolicyLoss)},{Number(game.ValueLoss)},{wall:0.###},{win},{draw}");
                metrics.WriteLine(row);
                OnGame?.Invoke(games, row);
                if (options.CheckpointEvery > 0 && games % options.CheckpointEvery == 0 && games < options.Games)
                {
                    metrics.Flush();
                    SaveCheckpoint(games, moves, wall);
                }
            }
        }
        metrics.Flush();
        double total = wallBefore + clock.Elapsed.TotalSeconds;
        SaveCheckpoint(games, moves, total);
        directory.SaveAgent(learner);
        return new SelfPlayResult(games, moves, total, lastWin, lastDraw, cancelled) { ClonedWinRate = clonedWinRate };
    }

    /// <summary>Games until the budget, the next evaluation or the next checkpoint, whichever comes first.</summary>
    private int GamesToNextStop(int games)
    {
        int next = options.Games - games;
        if (options.EvalEvery > 0) next = Math.Min(next, options.EvalEvery - games % options.EvalEvery);
        if (options.CheckpointEvery > 0) next = Math.Min(next, options.CheckpointEvery - games % options.CheckpointEvery);
        return next;
    }

    /// <summary>Win and draw rates of the learner against the baseline, seeded by the run's seed and the games played.</summary>
    private (double Win, double Draw) Evaluate(int games)
    {
        var opponent = baseline(options.Seed * 1_000_003 + games);
        var result = Arena.Play(rules, learner, opponent, options.EvalGames, swap: true);
        return ((double)result.Wins[0] / result.Games, (double)result.Draws / result.Games);
    }

    private void SaveCheckpoint(int games, long moves, double wall)
    {
        using var ms = new MemoryStream();
        learner.Save(ms);
        directory.Checkpoints.Save(new Checkpoint
        {
            EnvId = options.EnvId,
            AgentName = options.AgentName,
            Seed = options.Seed,
            Episode = games,
            TotalSteps = moves,
            MetricsRows = games,
            WallSeconds = wall,
            Copies = [new CopyCheckpoint()],
            Agent = ms.ToArray(),
        });
    }

    private void CutMetrics(int rows)
    {
        var lines = File.Exists(directory.MetricsPath) ? File.ReadAllLines(directory.MetricsPath) : [Header];
        File.WriteAllText(directory.MetricsPath, string.Join("\n", lines.Take(rows + 1)) + "\n");
    }

    private static string Number(double x) => double.IsNaN(x) ? "" : x.ToString("R", CultureInfo.InvariantCulture);
}
