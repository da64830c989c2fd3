using SkiaSharp;

namespace RlGym.Rendering.Skia;

/// <summary>PNG encoding tuned for frames: a fast zlib level, since frames are many and mostly flat colour.</summary>
internal static class PngEncoding
{
    private static readonly SKPngEncoderOptions Options = new(SKPngEncoderFilterFlags.Sub, 1);

    /// <summary>Encodes pixels as PNG.</summary>
    public static SKData Encode(SKPixmap pixmap) =>
        pixmap.Encode(Options) ?? throw new InvalidOperationException("Skia could not encode the frame as PNG.");
}
