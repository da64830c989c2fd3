using System.Diagnostics;
using RlGym.Core.Errors;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Recording;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;
using RlGym.Rendering.Tests.Fakes;
using SkiaSharp;

namespace RlGym.Rendering.Tests.Recording;

public sealed class VideoRecorderTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("rlgym-rendering-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static byte[] Solid(int w, int h, Color c)
    {
        var pixels = new byte[w * h * 4];
        for (int i = 0; i < pixels.Length; i += 4) (pixels[i], pixels[i + 1], pixels[i + 2], pixels[i + 3]) = (c.R, c.G, c.B, 255);
        return pixels;
    }

    [Theory]
    [InlineData("out.mp4", RecordingFormat.Mp4)]
    [InlineData("OUT.GIF", RecordingFormat.Gif)]
    [InlineData("runs/frames", RecordingFormat.PngFrames)]
    [InlineData("runs/v1.0", RecordingFormat.PngFrames)]
    public void The_path_chooses_the_format(string path, RecordingFormat expected) =>
        Assert.Equal(expected, RecordingTarget.FormatOf(path));

    [Fact]
    public void Unsupported_video_extensions_are_a_user_mistake()
    {
        var e = Assert.Throws<UserInputException>(() => RecordingTarget.FormatOf("run.avi"));
        Assert.Contains(".mp4", e.Message);
    }

    [Fact]
    public void A_directory_gets_numbered_png_frames()
    {
        string target = Path.Combine(_dir, "frames");
        using (var video = VideoRecorder.Open(target, 32, 24))
        {
            video.AddFrame(Solid(32, 24, new Color(255, 0, 0)));
            video.AddFrame(Solid(32, 24, new Color(0, 255, 0)));
            video.AddFrame(Solid(32, 24, new Color(0, 0, 255)));
            Assert.Equal(3, video.FrameCount);
            Assert.Throws<ArgumentException>(() => video.AddFrame(new byte[10]));
        }
        Assert.Equal(["frame_000001.png", "frame_000002.png", "frame_000003.png"],
            Directory.GetFiles(target).Select(f => Path.GetFileName(f)!).Order().ToArray());
        using var second = SKBitmap.Decode(Path.Combine(target, "frame_000002.png"));
        Assert.Equal((32, 24), (second.Width, second.Height));
        Assert.Equal(new SKColor(0, 255, 0), second.GetPixel(5, 5));
    }

    [Fact]
    public void Without_ffmpeg_a_video_says_how_to_install_it()
    {
        string empty = Directory.CreateDirectory(Path.Combine(_dir, "empty-path")).FullName;
        var e = Assert.Throws<UserInputException>(() => VideoRecorder.Open(Path.Combine(_dir, "run.mp4"), 32, 24, ffmpegSearchPath: empty));
        Assert.Contains("needs ffmpeg", e.Message);
        Assert.Contains("apt-get install ffmpeg", e.Message);
        Assert.False(File.Exists(Path.Combine(_dir, "run.mp4")));
    }

    [Fact]
    public void Ffmpeg_reads_raw_rgba_frames_from_standard_input()
    {
        var args = VideoRecorder.Arguments("x.mp4", RecordingFormat.Mp4, 640, 480, 30);
        Assert.Equal(["-f", "rawvideo", "-pix_fmt", "rgba", "-s", "640x480", "-r", "30", "-i", "-"], args.Skip(4).Take(10));
        Assert.Equal("x.mp4", args[^1]);
        Assert.Contains("yuv420p", args);
    }

    private static (int Frames, int Width, int Height) Probe(string file)
    {
        var ffprobe = Path.Combine(Path.GetDirectoryName(Ffmpeg.Find()!)!, "ffprobe");
        var start = new ProcessStartInfo(ffprobe) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries", "stream=nb_read_frames,width,height", "-of", "csv=p=0", file })
            start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        string output = p.StandardOutput.ReadToEnd().Trim();
        p.WaitForExit();
        var parts = output.Split(',');
        return (int.Parse(parts[2]), int.Parse(parts[0]), int.Parse(parts[1]));
    }

    [FfmpegFact]
    public void An_mp4_is_a_valid_video_with_every_frame()
    {
        string file = Path.Combine(_dir, "videos", "run.mp4");
        using (var video = VideoRecorder.Open(file, 64, 48, fps: 10))
            for (int i = 0; i < 12; i++) video.AddFrame(Solid(64, 48, new Color((byte)(i * 20), 100, 50)));
        var bytes = File.ReadAllBytes(file);
        Assert.Equal("ftyp", System.Text.Encoding.ASCII.GetString(bytes, 4, 4));
        Assert.Equal((12, 64, 48), Probe(file));
    }

    [FfmpegFact]
    public void A_gif_is_a_valid_animation_with_every_frame()
    {
        string file = Path.Combine(_dir, "run.gif");
        using (var video = VideoRecorder.Open(file, 33, 21, fps: 10)) // odd sides are fine for GIF
            for (int i = 0; i < 5; i++) video.AddFrame(Solid(33, 21, new Color(0, (byte)(i * 50), 200)));
        var bytes = File.ReadAllBytes(file);
        Assert.Equal("GIF89a", System.Text.Encoding.ASCII.GetString(bytes, 0, 6));
        Assert.Equal((5, 33, 21), Probe(file));
    }

    [Fact]
    public void The_observer_records_every_step_of_the_chosen_episodes()
    {
        var env = new FakeObservationEnv("CartPole-v1", 4);
        string target = Path.Combine(_dir, "episodes");
        var layout = SceneCatalog.WithDashboard(new CartPoleScene());
        using (var recorder = new EpisodeRecorder(layout, VideoRecorder.Open(target, 120, 60), e => e == 1))
        {
            var observer = new LiveViewObserver(env, null, recorder: recorder);
            for (int e = 0; e < 3; e++)
            {
                observer.OnEpisodeStart(env.Observation);
                for (int s = 0; s < 4; s++) observer.OnStep(env, env.Observation, e * 4 + s);
                observer.OnEpisode(new(e, e * 4 + 4, 4, 4, double.NaN, 0));
            }
        }
        Assert.Equal(5, Directory.GetFiles(target, "frame_*.png").Length); // episode 1: its reset and 4 steps
    }

    [Fact]
    public void With_several_copies_the_chosen_episodes_are_copy_0s_and_recorded_whole()
    {
        var env = new FakeObservationEnv("CartPole-v1", 4);
        string target = Path.Combine(_dir, "copy-0");
        var layout = SceneCatalog.WithDashboard(new CartPoleScene());
        using (var recorder = new EpisodeRecorder(layout, VideoRecorder.Open(target, 120, 60), e => e == 1))
        {
            var observer = new LiveViewObserver(env, null, recorder: recorder);
            int finished = 0;
            for (int e = 0; e < 3; e++)
            {
                observer.OnEpisodeStart(env.Observation);
                for (int s = 0; s < 6; s++)
                {
                    observer.OnStep(env, env.Observation, e * 6 + s);
                    // Another copy finishes an episode every other step of copy 0's.
                    if (s % 2 == 1) observer.OnEpisode(new(finished, e * 6 + s, 2, 2, double.NaN, 0, Env: 1));
                    if (s % 2 == 1) finished++;
                }
                observer.OnEpisode(new(finished++, e * 6 + 6, 6, 6, double.NaN, 0));
            }
        }
        Assert.Equal(7, Directory.GetFiles(target, "frame_*.png").Length); // copy 0's episode 1: its reset and 6 steps
    }

    [Fact]
    public void The_frame_renderer_writes_a_png_of_the_scene()
    {
        using var renderer = new FrameRenderer(SceneCatalog.WithDashboard(new CartPoleScene()), 300, 150);
        string file = Path.Combine(_dir, "shots", "cart.png");
        renderer.RenderToFile(new FrameSnapshot { Observation = [0, 0, 0, 0] }, file);
        using var bitmap = SKBitmap.Decode(file);
        Assert.Equal((300, 150), (bitmap.Width, bitmap.Height));
        Assert.Equal(new SKColor(Palette.Background.R, Palette.Background.G, Palette.Background.B), bitmap.GetPixel(2, 2));
    }

    [Fact]
    public void Capped_cubic_schedule_matches_gymnasium()
    {
        var chosen = Enumerable.Range(0, 3001).Where(RecordingSchedule.CappedCubic).ToArray();
        Assert.Equal([0, 1, 8, 27, 64, 125, 216, 343, 512, 729, 1000, 2000, 3000], chosen);
    }
}
