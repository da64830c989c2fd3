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

    [Fact]
    public void What_a_follower_keeps_does_not_grow_with_the_rows_appended_and_rows_read_back_by_offset_are_right()
    {
        using var tmp = new TempDirectory();
        string path = tmp.Sub("metrics.csv");
        File.WriteAllText(path, MetricsWriter.Header + "\n");
        var follower = new MetricsFollower(path);
        const int Chunks = 40, PerChunk = 5_000;
        var retained = new List<int>();
        for (int c = 0; c < Chunks; c++)
        {
            var chunk = new System.Text.StringBuilder();
            for (int e = c * PerChunk; e < (c + 1) * PerChunk; e++) chunk.Append(RunFolders.Row(e, e % 37, e % 100 == 99 ? e : null));
            File.AppendAllText(path, chunk.ToString());
            Assert.True(follower.Update());
            retained.Add(follower.Retained);
        }
        Assert.Equal(Chunks * PerChunk, follower.Rows);
        // The sparse index holds at most MaxIndex offsets, the chart at most 2 * MaxBuckets buckets (4 numbers each)
        // and 2 * MaxBuckets evaluations (2 each); 200,000 rows kept one way or another would be far above.
        int bound = MetricsFollower.MaxIndex + 4 * 2 * CurveSummary.MaxBuckets + 2 * 2 * CurveSummary.MaxBuckets;
        // It saw-tooths (3,225 to 6,791 here) as the index and the buckets halve, under the same bound at 5,000 rows
        // as at 200,000.
        Assert.All(retained, r => Assert.InRange(r, 1, bound));

        // Rows come back from the file through the sparse index, whatever point they start from.
        foreach (int after in new[] { -1, 0, 1, 511, 1_023, 77_777, 131_072, 199_000, 199_998, 199_999 })
        {
            var rows = follower.ReadRows(after, 1_000);
            Assert.Equal(Math.Min(1_000, Chunks * PerChunk - 1 - after), rows.Count);
            for (int i = 0; i < rows.Count; i++)
            {
                int e = after + 1 + i;
                Assert.Equal(e, rows[i].Episode);
                Assert.Equal(e % 37, rows[i].Return);
                Assert.Equal((e + 1) * 10L, rows[i].TotalSteps);
                Assert.Equal(e % 100 == 99 ? (double)e : null, rows[i].EvalReturn);
            }
        }
    }
}
