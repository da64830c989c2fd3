using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;

namespace RlGym.Rendering.Recording;

/// <summary>
/// Records the steps of chosen episodes: renders each snapshot offscreen with Skia and adds it to a
/// <see cref="VideoRecorder"/>. Runs on the trainer's thread, so it slows training only during recorded episodes.
/// </summary>
public sealed class EpisodeRecorder : IDisposable
{
    private readonly FrameRenderer _renderer;
    private readonly Func<int, bool> _schedule;

    /// <summary>Records <paramref name="scene"/> into <paramref name="video"/> for the episodes <paramref name="schedule"/> picks.</summary>
    public EpisodeRecorder(Layout scene, VideoRecorder video, Func<int, bool>? schedule = null)
    {
        Video = video;
        _renderer = new FrameRenderer(scene, video.Width, video.Height);
        _schedule = schedule ?? RecordingSchedule.CappedCubic;
    }

    /// <summary>Opens <paramref name="path"/> (see <see cref="VideoRecorder.Open"/>) and records into it.</summary>
    public static EpisodeRecorder Open(Layout scene, string path, Func<int, bool>? schedule = null, int width = 1200, int height = 600, int fps = 30) =>
        new(scene, VideoRecorder.Open(path, width, height, fps), schedule);

    /// <summary>The video written.</summary>
    public VideoRecorder Video { get; }

    /// <summary>True when episode <paramref name="episode"/> (from 0) is recorded.</summary>
    public bool Records(int episode) => _schedule(episode);

    /// <summary>Renders and adds one frame.</summary>
    public void Record(FrameSnapshot snapshot) => Video.AddFrame(_renderer.Render(snapshot));

    /// <summary>Finishes the video.</summary>
    public void Dispose()
    {
        try { Video.Finish(); }
        finally { _renderer.Dispose(); }
    }
}
