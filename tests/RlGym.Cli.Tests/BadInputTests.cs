using RlGym.Training.Runs;

namespace RlGym.Cli.Tests;

/// <summary>
/// Headless runs that survive bad input: each mistake is refused with one line naming what is wrong and what is
/// allowed, exit 2, no stack trace, and no file written or changed.
/// </summary>
public sealed class BadInputTests
{
    private static CliRun.Result Train(string dir, params string[] more) =>
        CliRun.Run(["train", "Corridor-v0", "--agent", "test-q", "--episodes", "10", "--out", dir, .. more]);

    private static Dictionary<string, byte[]> Snapshot(string dir) =>
        Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.ReadAllBytes);

    [Fact]
    public void Unknown_environment_id_is_refused_before_the_run_directory_exists()
    {
        using var tmp = new TempDirectory();
        var line = StderrAssert.OneErrorLine(CliRun.Run("train", "Coridor-v0", "--agent", "test-q", "--out", tmp.File("run")));
        Assert.Contains("Coridor-v0", line);
        Assert.Contains("Corridor-v0", line);
        Assert.False(Directory.Exists(tmp.File("run")));
    }

    [Fact]
    public void Unknown_agent_lists_the_registered_ones()
    {
        using var tmp = new TempDirectory();
        var line = StderrAssert.OneErrorLine(CliRun.Run("train", "Corridor-v0", "--agent", "nope", "--out", tmp.File("run")));
        Assert.Contains("'nope'", line);
        Assert.Contains("test-q", line);
        Assert.False(Directory.Exists(tmp.File("run")));
    }

    [Fact]
    public void Agent_that_does_not_fit_the_spaces_is_told_which_wrapper_to_add()
    {
        using var tmp = new TempDirectory();
        var line = StderrAssert.OneErrorLine(CliRun.Run("train", "CartPole-v1", "--agent", "q-learning", "--out", tmp.File("run")));
        Assert.Contains("--wrap discretize", line);
        Assert.False(Directory.Exists(tmp.File("run")));
    }

    [Fact]
    public void Malformed_map_file_names_its_line_and_column()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("bad.txt"), "S..\n.X.\n..G\n");
        var line = StderrAssert.OneErrorLine(CliRun.Run("rollout", "GridWorld-v0", "-o", $"map_file={tmp.File("bad.txt")}"));
        Assert.Contains("bad.txt line 2, column 2", line);
        Assert.Contains("'X'", line);
    }

    [Theory]
    [InlineData("-o", "length=1", "length")]
    [InlineData("-o", "length=five", "length")]
    [InlineData("--set", "alpha=7", "alpha")]
    [InlineData("--set", "alpha=x", "alpha")]
    [InlineData("--set", "alpha", "alpha")]
    public void Bad_option_or_setting_value_names_the_key_and_writes_nothing(string flag, string item, string key)
    {
        using var tmp = new TempDirectory();
        var line = StderrAssert.OneErrorLine(Train(tmp.File("run"), flag, item));
        Assert.Contains(key, line);
        Assert.False(Directory.Exists(tmp.File("run")));
    }

    [Theory]
    [InlineData("""{"env":"Corridor-v0","agent":"test-q","episodez":3}""", "unknown key 'episodez'; allowed: env")]
    [InlineData("""{"env":"Corridor-v0","agent":"test-q","episodes":"many"}""", "key 'episodes' has a value of the wrong kind; allowed: an integer")]
    [InlineData("""{"env":"Corridor-v0","agent":"test-q","episodes":-4}""", "episodes=-4 is not allowed; allowed: 1 to")]
    public void Bad_config_file_is_refused_on_one_line_naming_key_value_and_what_is_allowed(string json, string expected)
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("run.json"), json);
        var line = StderrAssert.OneErrorLine(CliRun.Run("train", "--config", tmp.File("run.json"), "--out", tmp.File("run")));
        Assert.Contains(expected, line);
        Assert.False(Directory.Exists(tmp.File("run")));
    }

    [Fact]
    public void Output_directory_under_a_regular_file_exits_2_naming_the_path()
    {
        // Tests may run as root, which no permission stops; a parent that is a file stops everyone.
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("plain"), "not a folder");
        var line = StderrAssert.OneErrorLine(Train(Path.Combine(tmp.File("plain"), "run")));
        Assert.Contains("plain", line);
        Assert.Equal("not a folder", File.ReadAllText(tmp.File("plain")));
    }

    [Fact]
    public void Existing_metrics_file_is_refused_unless_forced_and_left_unchanged()
    {
        using var tmp = new TempDirectory();
        var run = tmp.File("run");
        Directory.CreateDirectory(run);
        File.WriteAllText(Path.Combine(run, "metrics.csv"), "someone else's numbers\n");
        var line = StderrAssert.OneErrorLine(Train(run));
        Assert.Contains("--force", line);
        Assert.Contains("--resume", line);
        Assert.Equal("someone else's numbers\n", File.ReadAllText(Path.Combine(run, "metrics.csv")));
        Assert.False(File.Exists(Path.Combine(run, "config.json")));

        Assert.Equal(0, Train(run, "--force").ExitCode);
        Assert.StartsWith("episode,", File.ReadAllText(Path.Combine(run, "metrics.csv")));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Corrupt_checkpoint_refuses_the_resume_and_changes_no_file(bool truncate)
    {
        using var tmp = new TempDirectory();
        var run = tmp.File("run");
        Assert.Equal(0, Train(run, "--checkpoint-every", "5").ExitCode);
        var checkpoint = Path.Combine(new RunDirectory(run).CheckpointDirectory, "checkpoint.bin");
        var bytes = File.ReadAllBytes(checkpoint);
        if (truncate) bytes = bytes[..(bytes.Length / 2)];
        else bytes[bytes.Length / 2] ^= 0x5A;
        File.WriteAllBytes(checkpoint, bytes);
        var before = Snapshot(run);

        // Extending the budget would rewrite config.json; the damaged checkpoint must be found first.
        var line = StderrAssert.OneErrorLine(CliRun.Run("train", "--resume", run, "--episodes", "20"));
        Assert.Contains("checkpoint", line);
        Assert.Contains(truncate ? "truncated" : "damaged", line);

        var after = Snapshot(run);
        Assert.Equal(before.Keys.Order(), after.Keys.Order());
        foreach (var (file, content) in before) Assert.True(content.AsSpan().SequenceEqual(after[file]), $"{file} changed");
    }

    [Fact]
    public void Verbose_adds_the_stack_trace_of_an_unwritable_path()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("plain"), "");
        var r = Train(Path.Combine(tmp.File("plain"), "run"), "--verbose");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("   at ", r.Error);
    }
}
