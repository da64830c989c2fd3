using RlGym.Core.Errors;
using RlGym.Training.Metrics;
using RlGym.Training.Tests.Support;

namespace RlGym.Training.Tests;

public sealed class MetricsWriterTests
{
    private static EpisodeMetrics Row(int i) => new(i, i * 10L, 0.1 * i + 1.0 / 3, 10, 1.0 / (i + 3), i * 0.25, i % 2 == 0 ? -1.0 / 7 : null);

    [Fact]
    public void Rows_read_back_are_the_exact_doubles_written()
    {
        using var dir = new TempDirectory();
        var path = dir.File("metrics.csv");
        using (var w = MetricsWriter.Create(path))
            for (int i = 0; i < 50; i++) w.Write(Row(i));
        var rows = MetricsReader.Read(path);
        Assert.Equal(Enumerable.Range(0, 50).Select(Row), rows);
        Assert.Equal(MetricsWriter.Header, File.ReadLines(path).First());
    }

    [Fact]
    public void Rows_reach_the_file_at_a_flush_and_within_a_tenth_of_a_second()
    {
        using var dir = new TempDirectory();
        var path = dir.File("metrics.csv");
        using var w = MetricsWriter.Create(path);
        // Another reader, while the writer is still open (what survives a crash).
        int RowsSeen()
        {
            using var fs = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(fs);
            return MetricsReader.Parse(reader.ReadToEnd()).Count;
        }
        w.Write(Row(0));
        w.Write(Row(1));
        w.Flush();
        Assert.Equal(2, RowsSeen());
        w.Write(Row(2));
        Thread.Sleep(150);
        w.FlushIfDue();
        Assert.Equal(3, RowsSeen());
        Thread.Sleep(150);
        w.Write(Row(3)); // the first row after a quiet spell goes out at once
        Assert.Equal(4, RowsSeen());
    }

    [Fact]
    public void A_run_stopped_between_checkpoints_finds_every_row_its_checkpoint_counts()
    {
        using var dir = new TempDirectory();
        var path = dir.File("metrics.csv");
        var w = MetricsWriter.Create(path);
        for (int i = 0; i < 5; i++) w.Write(Row(i));
        w.Flush(); // what the trainer does before each checkpoint
        for (int i = 5; i < 8; i++) w.Write(Row(i));
        // A kill here drops at most the unflushed rows; resuming at the checkpoint's 5 rows works and continues.
        Assert.True(MetricsReader.Read(path).Count >= 5);
        w.Dispose();
        using (var resumed = MetricsWriter.Resume(path, 5)) resumed.Write(Row(5));
        Assert.Equal(Enumerable.Range(0, 6).Select(Row), MetricsReader.Read(path));
    }

    [Fact]
    public void An_existing_file_is_refused_naming_the_file_and_the_flags()
    {
        using var dir = new TempDirectory();
        var path = dir.File("metrics.csv");
        File.WriteAllText(path, "precious\n");
        var e = Assert.Throws<UserInputException>(() => MetricsWriter.Create(path));
        Assert.Contains(path, e.Message);
        Assert.Contains("--force", e.Message);
        Assert.Contains("--resume", e.Message);
        Assert.Equal("precious\n", File.ReadAllText(path));
        using (var w = MetricsWriter.Create(path, force: true)) w.Write(Row(0));
        Assert.Single(MetricsReader.Read(path));
    }

    [Fact]
    public void Resuming_keeps_the_checkpointed_rows_and_appends_after_them()
    {
        using var dir = new TempDirectory();
        var path = dir.File("metrics.csv");
        using (var w = MetricsWriter.Create(path))
            for (int i = 0; i < 10; i++) w.Write(Row(i));
        using (var w = MetricsWriter.Resume(path, 6))
        {
            Assert.Equal(6, w.RowCount);
            for (int i = 6; i < 12; i++) w.Write(Row(i));
        }
        Assert.Equal(Enumerable.Range(0, 12).Select(Row), MetricsReader.Read(path));
        var e = Assert.Throws<UserInputException>(() => MetricsWriter.Resume(path, 13));
        Assert.Contains("fewer than the 13 rows", e.Message);
    }

    [Fact]
    public void A_failing_stream_names_the_file_and_keeps_the_rows_written_before()
    {
        var backing = new MemoryStream();
        var failing = new FullDiskStream(backing, capacity: 400);
        var w = new MetricsWriter(failing, "/runs/a/metrics.csv");
        int written = 0;
        var e = Assert.Throws<IOException>(() =>
        {
            for (int i = 0; i < 100; i++) { w.Write(Row(i)); w.Flush(); written++; }
        });
        Assert.Contains("/runs/a/metrics.csv", e.Message);
        Assert.Contains($"{written} rows", e.Message);
        Assert.Contains("No space left on device", e.Message);
        Assert.Throws<IOException>(() => w.Write(Row(0))); // a faulted writer refuses further rows
        w.Dispose(); // must not throw a second error
        var text = System.Text.Encoding.UTF8.GetString(backing.ToArray());
        var rows = MetricsReader.Parse(text);
        Assert.True(written > 2, $"only {written} rows fit in 400 bytes");
        Assert.Equal(Enumerable.Range(0, written).Select(Row), rows);
    }

    [Fact]
    public void A_row_cut_short_by_a_crash_is_skipped_when_reading()
    {
        var text = MetricsWriter.Header + "\n0,10,1,10,0.5,0.1,,0\n1,20,0.5,10,0.4,0";
        Assert.Single(MetricsReader.Parse(text));
    }

    [Fact]
    public void Files_written_before_the_env_column_still_read_with_every_episode_on_copy_0()
    {
        var text = MetricsWriter.HeaderWithoutEnv + "\n0,10,1,10,0.5,0.1,\n1,20,0.5,10,0.4,0.2,0.75\n";
        var rows = MetricsReader.Parse(text);
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.Equal(0, r.Env));
        Assert.Equal(0.75, rows[1].EvalReturn);
    }

    [Fact]
    public void The_env_column_names_the_copy_that_played_the_episode()
    {
        using var dir = new TempDirectory();
        var path = dir.File("metrics.csv");
        using (var w = MetricsWriter.Create(path)) w.Write(new EpisodeMetrics(0, 12, 1, 12, double.NaN, 0.5, null, 3));
        Assert.Equal("0,12,1,12,NaN,0.5,,3", File.ReadAllLines(path)[1]);
        Assert.Equal(3, MetricsReader.Read(path).Single().Env);
    }

    [Fact]
    public void Streaming_reads_the_same_rows_and_skips_a_row_cut_short()
    {
        using var dir = new TempDirectory();
        var path = dir.File("metrics.csv");
        using (var w = MetricsWriter.Create(path))
            for (int i = 0; i < 30; i++) w.Write(Row(i));
        Assert.Equal(MetricsReader.Read(path), MetricsReader.Stream(path).ToList());
        File.AppendAllText(path, "30,300,1,1");
        Assert.Equal(30, MetricsReader.Stream(path).Count());
    }

    [Fact]
    public void A_long_run_is_plotted_in_buckets_without_holding_its_rows()
    {
        using var dir = new TempDirectory();
        var png = dir.File("curve.png");
        // 200k rows generated lazily: the plot must reduce them on the fly to a bounded number of points.
        var rows = Enumerable.Range(0, 200_000).Select(i => new EpisodeMetrics(i, i, Math.Sin(i / 1000.0), 1, 0, 0));
        Plots.LearningCurvePlot.Write(rows, png, 100);
        Assert.True(new FileInfo(png).Length > 1000);
    }

    [Fact]
    public void A_malformed_line_is_reported_with_its_number()
    {
        var text = MetricsWriter.Header + "\n0,10,1,10,0.5,0.1,,0\n1,20,abc,10,0.4,0.2,,0\n";
        var e = Assert.Throws<UserInputException>(() => MetricsReader.Parse(text, "m.csv"));
        Assert.Contains("'m.csv' line 3", e.Message);
        Assert.Contains("return", e.Message);
    }

    /// <summary>A stream that accepts <c>capacity</c> bytes, then writes what still fits and fails as a full disk does.</summary>
    private sealed class FullDiskStream(Stream inner, int capacity) : Stream
    {
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count)
        {
            int room = capacity - (int)inner.Length;
            if (count <= room) { inner.Write(buffer, offset, count); return; }
            inner.Write(buffer, offset, Math.Max(0, room));
            throw new IOException("No space left on device");
        }
    }
}
