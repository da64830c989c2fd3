using RlGym.Training.Comparisons;
using RlGym.Training.Plots;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

public sealed class ComparisonTests
{
    private static readonly ComparisonEntry[] Agents =
    [
        new("tiny-q", () => new RandomWalkEnv(), (env, seed) => new TinyQAgent(7, 2, seed)),
        new("tiny-q-slippery", () => new RandomWalkEnv(slip: 0.4), (env, seed) => new TinyQAgent(7, 2, seed)),
    ];

    [Fact]
    public void Parallel_comparison_equals_serial()
    {
        long[] seeds = [0, 1, 2, 3, 4];
        var serial = Comparison.Run(Agents, seeds, new ComparisonOptions { Episodes = 120, MaxParallelism = 1 });
        var parallel = Comparison.Run(Agents, seeds, new ComparisonOptions { Episodes = 120, MaxParallelism = 4 });
        for (int a = 0; a < Agents.Length; a++)
        {
            Assert.Equal(serial.Agents[a].FinalReturn, parallel.Agents[a].FinalReturn);
            Assert.Equal(serial.Agents[a].AreaUnderCurve, parallel.Agents[a].AreaUnderCurve);
            Assert.Equal(serial.Agents[a].MeanCurve, parallel.Agents[a].MeanCurve);
            for (int k = 0; k < seeds.Length; k++) Assert.Equal(serial.Agents[a].ReturnsPerSeed[k], parallel.Agents[a].ReturnsPerSeed[k]);
        }
        // The seeds really differ, and so do the agents.
        Assert.NotEqual(serial.Agents[0].ReturnsPerSeed[0], serial.Agents[0].ReturnsPerSeed[1]);
        Assert.NotEqual(serial.Agents[0].MeanCurve, serial.Agents[1].MeanCurve);
    }

    [Fact]
    public void Each_pair_equals_a_single_training_run_with_that_seed()
    {
        var result = Comparison.Run(Agents[..1], [7], new ComparisonOptions { Episodes = 60, MaxParallelism = 1 });
        var single = Trainer.Create(new RandomWalkEnv(), new TinyQAgent(7, 2, Seeds.Agent(7)), new TrainerOptions { Seed = 7, Episodes = 60, KeepReturns = true }).Run();
        Assert.Equal(single.Returns, result.Agents[0].ReturnsPerSeed[0]);
    }

    [Fact]
    public void Final_return_is_the_mean_of_the_last_tenth_and_auc_the_mean_of_all_episodes()
    {
        double[] seedA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 3];     // last 10% of 10 = 1 episode: 3; mean of all: 0.4
        double[] seedB = [1, 1, 1, 1, 1, 1, 1, 1, 1, 5];     // 5; 1.4
        var s = Comparison.Summarise("x", [seedA, seedB], new ComparisonOptions());
        Assert.Equal(4, s.FinalReturn.Mean, 12);
        Assert.Equal(12.706 * Math.Sqrt(2) / Math.Sqrt(2), s.FinalReturn.HalfWidth, 9);
        Assert.Equal(0.9, s.AreaUnderCurve.Mean, 12);
        Assert.Equal(12.706 * Statistics.StandardDeviation([0.4, 1.4]) / Math.Sqrt(2), s.AreaUnderCurve.HalfWidth, 9);
        Assert.Equal([0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 4], s.MeanCurve);
    }

    [Fact]
    public void A_comparison_plot_and_csv_files_are_written()
    {
        using var dir = new TempDirectory();
        var result = Comparison.Run(Agents, [0, 1, 2], new ComparisonOptions { Episodes = 40, MaxParallelism = 2 });
        LearningCurvePlot.Write(result, dir.File("compare.png"));
        result.WriteSummaryCsv(dir.File("summary.csv"));
        result.WriteCurvesCsv(dir.File("curves.csv"));
        Assert.True(new FileInfo(dir.File("compare.png")).Length > 1000);
        var summary = File.ReadAllLines(dir.File("summary.csv"));
        Assert.Equal("agent,seeds,final_return,final_return_ci,auc,auc_ci", summary[0]);
        Assert.StartsWith("tiny-q,3,", summary[1]);
        Assert.Equal(1 + 2 * 40, File.ReadAllLines(dir.File("curves.csv")).Length);
    }

    [Fact]
    public void A_failing_run_surfaces_its_own_exception()
    {
        ComparisonEntry[] faulty = [new("faulty", () => new FaultyEnv(faultAt: 30, throws: false), (env, seed) => new TinyQAgent(7, 2, seed))];
        var e = Assert.Throws<EnvironmentFaultException>(() => Comparison.Run(faulty, [0, 1, 2], new ComparisonOptions { Episodes = 50, MaxParallelism = 2 }));
        Assert.Equal(30, e.TotalSteps);
    }

    [Fact]
    public void Every_run_reports_its_completion_once()
    {
        var done = new System.Collections.Concurrent.ConcurrentBag<(string, long)>();
        Comparison.Run(Agents, [5, 6], new ComparisonOptions { Episodes = 10, MaxParallelism = 2, RunCompleted = (l, s) => done.Add((l, s)) });
        Assert.Equal([("tiny-q", 5L), ("tiny-q", 6L), ("tiny-q-slippery", 5L), ("tiny-q-slippery", 6L)], done.Order());
    }

    [Fact]
    public void The_smoothed_curve_averages_each_seeds_moving_average()
    {
        double[] a = [0, 2, 4, 6];
        double[] b = [2, 2, 2, 2];
        var (mean, half) = Comparison.Curve([a, b], smoothing: 2);
        Assert.Equal([1, 1.5, 2.5, 3.5], mean); // seed a smoothed: 0, 1, 3, 5; seed b: 2, 2, 2, 2
        Assert.Equal(12.706 * Statistics.StandardDeviation([5.0, 2.0]) / Math.Sqrt(2), half[3], 9);
    }
}
