using RlGym.Serve.Runs;
using RlGym.Training.Metrics;

namespace RlGym.Serve.Tests;

/// <summary>Following a metrics file as a trainer writes it, rewinds it on resume, and keeps memory bounded.</summary>
public sealed class MetricsFollowerTests
{
    [Fact]
    public void Appended_rows_are_read_and_a_torn_row_waits_for_its_newline()
    {
        using var tmp = new TempDirectory();
        string path = tmp.Sub("metrics.csv");
        File.WriteAllText(path, MetricsWriter.Header + "\n" + RunFolders.Row(0, 1) + RunFolders.Row(1, 2) + "2,30,");
        var follower = new MetricsFollower(path);
        Assert.True(follower.Update());
        Assert.Equal(2, follower.Rows);
        Assert.False(follower.Update());
        File.AppendAllText(path, "3,10,0.1,0.02,,0\n");
        Assert.True(follower.Update());
        Assert.Equal(3, follower.Rows);
        Assert.Equal(3, follower.LastReturn);
        Assert.Equal(0, follower.BadRows);
    }

    [Fact]
    public void A_file_rewound_by_a_resumed_run_is_read_afresh_without_duplicates()
    {
        using var tmp = new TempDirectory();
        string path = tmp.Sub("metrics.csv");
        File.WriteAllText(path, MetricsWriter.Header + "\n" + string.Concat(Enumerable.Range(0, 10).Select(e => RunFolders.Row(e, e))));
        var follower = new MetricsFollower(path);
        follower.Update();
        Assert.Equal(10, follower.Rows);
        // Resume cuts back to the checkpoint's 6 rows and writes episodes 6.. again, further than before.
        File.WriteAllText(path, MetricsWriter.Header + "\n" + string.Concat(Enumerable.Range(0, 13).Select(e => RunFolders.Row(e, 100 + e))));
        follower.Update();
        Assert.Equal(13, follower.Rows);
        Assert.Equal(12, follower.LastEpisode);
        Assert.Equal(112, follower.LastReturn);
        Assert.Equal(Enumerable.Range(0, 13).Select(e => 100.0 + e), follower.ReadReturns());
    }

    [Fact]
    public void Memory_kept_per_run_is_bounded_however_many_rows_arrive()
    {
        var curve = new CurveSummary(100);
        for (int e = 0; e < 1_000_000; e++) curve.Add(e, e % 7, e % 100 == 0 ? e : null);
        var points = curve.Snapshot();
        Assert.InRange(points.X.Length, CurveSummary.MaxBuckets, 2 * CurveSummary.MaxBuckets);
        Assert.InRange(points.EvalX.Length, CurveSummary.MaxBuckets, 2 * CurveSummary.MaxBuckets);
        Assert.Equal(1_000_000, points.X[^1]);
        // The band spans every return of a bucket: 0 to 6.
        Assert.All(points.Min, v => Assert.Equal(0, v));
        Assert.All(points.Max, v => Assert.Equal(6, v));
    }
}
