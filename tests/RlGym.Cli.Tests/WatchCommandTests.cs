using RlGym.Core.Errors;
using RlGym.Rendering.Raylib;

namespace RlGym.Cli.Tests;

[Collection(nameof(RaylibWindowCollection))]
public sealed class WatchCommandTests
{
    private static string Train(TempDirectory tmp)
    {
        var run = tmp.File("run");
        var r = CliRun.Run("train", "Corridor-v0", "--agent", "test-q", "--episodes", "60", "--out", run);
        Assert.True(r.ExitCode == 0, r.Error);
        return run;
    }

    [Fact]
    public void Watch_without_a_window_records_every_replayed_episode()
    {
        using var tmp = new TempDirectory();
        var run = Train(tmp);
        var r = CliRun.Run("watch", run, "--episodes", "2", "--no-window", "--record", tmp.File("frames"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Contains("replayed Corridor-v0 / test-q greedily: 2 episodes", r.Error);
        // Each episode adds its reset frame and one frame per step: more than 2 frames, at least 4 steps each.
        Assert.True(Directory.GetFiles(tmp.File("frames"), "frame_*.png").Length >= 2 * 5);
    }

    [Fact]
    public void No_window_without_record_has_nothing_to_do()
    {
        using var tmp = new TempDirectory();
        var line = StderrAssert.OneErrorLine(CliRun.Run("watch", Train(tmp), "--no-window"));
        Assert.Contains("--record", line);
    }

    [Fact]
    public void Watch_of_a_directory_without_a_run_exits_2()
    {
        using var tmp = new TempDirectory();
        var line = StderrAssert.OneErrorLine(CliRun.Run("watch", tmp.Path, "--no-window", "--record", tmp.File("frames")));
        Assert.Contains("config.json", line);
    }

    [Fact]
    public void Missing_raylib_or_display_exits_2_with_the_fix_before_reading_the_run()
    {
        try
        {
            RaylibWindow.EnsureCanOpen();
            return; // A window can open here; the refusal cannot be observed.
        }
        catch (UserInputException) { }
        using var tmp = new TempDirectory();
        // The directory holds no run: the window check comes first, so its message is the one printed.
        var line = StderrAssert.OneErrorLine(CliRun.Run("watch", tmp.Path));
        Assert.True(line.Contains("raylib") || line.Contains("DISPLAY"), line);
        Assert.Contains("--record", line);
    }

    [Fact]
    public void Eval_record_records_the_evaluated_episodes_without_changing_the_numbers()
    {
        using var tmp = new TempDirectory();
        var run = Train(tmp);
        var plain = CliRun.Run("eval", run, "--episodes", "3", "--json");
        var recorded = CliRun.Run("eval", run, "--episodes", "3", "--json", "--record", tmp.File("frames"));
        Assert.True(recorded.ExitCode == 0, recorded.Error);
        Assert.Equal(plain.Out, recorded.Out);
        Assert.NotEmpty(Directory.GetFiles(tmp.File("frames"), "frame_*.png"));
    }

    [RaylibFact]
    public async Task Watch_opens_the_window_and_ctrl_c_closes_it()
    {
        using var tmp = new TempDirectory();
        var run = Train(tmp);
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        var r = await CliRun.RunAsync(["watch", run, "--episodes", "1", "--record", tmp.File("frames")], stop.Token);
        Assert.True(r.ExitCode == 130, r.Error);
        Assert.DoesNotContain("recording without a window", r.Error);
        Assert.NotEmpty(Directory.GetFiles(tmp.File("frames"), "frame_*.png"));
    }
}
