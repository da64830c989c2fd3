namespace RlGym.Cli.Tests;

public sealed class RenderCommandTests
{
    private static readonly byte[] PngMagic = [0x89, (byte)'P', (byte)'N', (byte)'G'];

    private static string TrainFrozenLake(TempDirectory tmp)
    {
        var run = tmp.File("run");
        var r = CliRun.Run("train", "FrozenLake-v1", "--agent", "q-learning", "-o", "is_slippery=false", "--episodes", "300", "--out", run);
        Assert.True(r.ExitCode == 0, r.Error);
        return run;
    }

    [Fact]
    public void Render_png_draws_one_frame_without_a_window()
    {
        using var tmp = new TempDirectory();
        var r = CliRun.Run("render", "Corridor-v0", "--steps", "2", "--seed", "3", "--out", tmp.File("f.png"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(PngMagic, File.ReadAllBytes(tmp.File("f.png"))[..4]);
    }

    [Fact]
    public void Same_seed_draws_the_same_frame_and_steps_change_it()
    {
        using var tmp = new TempDirectory();
        foreach (var (name, steps) in new[] { ("a.png", "6"), ("b.png", "6"), ("c.png", "0") })
            Assert.Equal(0, CliRun.Run("render", "CartPole-v1", "--seed", "5", "--steps", steps, "--out", tmp.File(name)).ExitCode);
        Assert.Equal(File.ReadAllBytes(tmp.File("a.png")), File.ReadAllBytes(tmp.File("b.png")));
        Assert.NotEqual(File.ReadAllBytes(tmp.File("a.png")), File.ReadAllBytes(tmp.File("c.png")));
    }

    [Fact]
    public void Saved_agent_adds_its_value_overlay_to_the_grid()
    {
        using var tmp = new TempDirectory();
        var run = TrainFrozenLake(tmp);
        Assert.Equal(0, CliRun.Run("render", "--agent", run, "--out", tmp.File("agent.png")).ExitCode);
        Assert.Equal(0, CliRun.Run("render", "FrozenLake-v1", "-o", "is_slippery=false", "--out", tmp.File("plain.png")).ExitCode);
        Assert.NotEqual(File.ReadAllBytes(tmp.File("plain.png")), File.ReadAllBytes(tmp.File("agent.png")));
    }

    [Fact]
    public void Saved_agent_walks_greedily_to_the_goal_in_a_recorded_episode()
    {
        using var tmp = new TempDirectory();
        var run = TrainFrozenLake(tmp);
        var r = CliRun.Run("render", "--agent", run, "--out", tmp.File("frames"));
        Assert.True(r.ExitCode == 0, r.Error);
        // The reset frame and one per step: deterministic 4x4 FrozenLake's shortest path has 6 steps.
        Assert.Equal(7, Directory.GetFiles(tmp.File("frames"), "frame_*.png").Length);
        Assert.Contains("6 steps, return 1", r.Error);
    }

    [Fact]
    public void Recording_a_random_episode_writes_the_reset_and_each_step()
    {
        using var tmp = new TempDirectory();
        // A corridor of 5 cells cannot end before 4 steps, so 3 steps give exactly 4 frames.
        var r = CliRun.Run("render", "Corridor-v0", "--steps", "3", "--out", tmp.File("frames"));
        Assert.True(r.ExitCode == 0, r.Error);
        Assert.Equal(4, Directory.GetFiles(tmp.File("frames"), "frame_*.png").Length);
    }

    [Fact]
    public void Video_without_ffmpeg_exits_2_saying_how_to_install_it()
    {
        using var tmp = new TempDirectory();
        var before = Environment.GetEnvironmentVariable("RLGYM_FFMPEG");
        Environment.SetEnvironmentVariable("RLGYM_FFMPEG", tmp.File("no-ffmpeg-here"));
        try
        {
            var line = StderrAssert.OneErrorLine(CliRun.Run("render", "Corridor-v0", "--out", tmp.File("v.mp4")));
            Assert.Contains("needs ffmpeg", line);
            Assert.Contains("apt-get install ffmpeg", line);
            Assert.False(File.Exists(tmp.File("v.mp4")));
        }
        finally { Environment.SetEnvironmentVariable("RLGYM_FFMPEG", before); }
    }

    [Fact]
    public void Frame_under_a_regular_file_exits_2_naming_the_path()
    {
        using var tmp = new TempDirectory();
        File.WriteAllText(tmp.File("plain"), "");
        var line = StderrAssert.OneErrorLine(CliRun.Run("render", "Corridor-v0", "--out", Path.Combine(tmp.File("plain"), "f.png")));
        Assert.Contains("cannot write", line);
    }

    [Theory]
    [InlineData("f.jpg")]
    [InlineData("v.avi")]
    public void Unsupported_output_format_exits_2(string name)
    {
        using var tmp = new TempDirectory();
        StderrAssert.OneErrorLine(CliRun.Run("render", "Corridor-v0", "--out", tmp.File(name)));
    }

    [Fact]
    public void Agent_of_another_environment_is_refused()
    {
        using var tmp = new TempDirectory();
        var run = TrainFrozenLake(tmp);
        var line = StderrAssert.OneErrorLine(CliRun.Run("render", "CartPole-v1", "--agent", run, "--out", tmp.File("f.png")));
        Assert.Contains("trained on FrozenLake-v1, not CartPole-v1", line);
    }

    [Fact]
    public void Render_shows_the_last_action_pendulums_torque_arrow()
    {
        using var tmp = new TempDirectory();
        // Pixels of the torque arrow's colour (40, 40, 40): none at the reset, a curved arrow after a step. The seed's
        // fifth random torque is large enough for a long arc (measured: 735 pixels of its colour, and 0 at the reset).
        int ArrowPixels(string steps)
        {
            string png = tmp.File($"pendulum-{steps}.png");
            var r = CliRun.Run("render", "Pendulum-v1", "--seed", "0", "--steps", steps, "--out", png);
            Assert.True(r.ExitCode == 0, r.Error);
            using var bitmap = SkiaSharp.SKBitmap.Decode(png);
            int count = 0;
            for (int y = 0; y < bitmap.Height; y++)
                for (int x = 0; x < bitmap.Width; x++)
                {
                    var p = bitmap.GetPixel(x, y);
                    if (Math.Abs(p.Red - 40) + Math.Abs(p.Green - 40) + Math.Abs(p.Blue - 40) <= 6) count++;
                }
            return count;
        }
        Assert.True(ArrowPixels("0") < 30, "the reset frame has no action to show");
        Assert.True(ArrowPixels("5") > 200, "the frame after five steps shows the last torque");
    }
}
