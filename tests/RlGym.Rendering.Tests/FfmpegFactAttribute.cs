using RlGym.Rendering.Recording;

namespace RlGym.Rendering.Tests;

/// <summary>A fact that runs only where ffmpeg is installed, skipped with the reason otherwise.</summary>
public sealed class FfmpegFactAttribute : FactAttribute
{
    public FfmpegFactAttribute()
    {
        if (Ffmpeg.Find() is null) Skip = "ffmpeg is not on PATH (apt-get install ffmpeg to run this test)";
    }
}
