using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Skia;

/// <summary>
/// Renders a scene offscreen at a fixed size, reusing one canvas: to PNG bytes, a PNG file, or raw RGBA pixels
/// for a video. Not thread-safe: one renderer per thread.
/// </summary>
public sealed class FrameRenderer : IDisposable
{
    /// <summary>Creates a renderer of <paramref name="width"/>×<paramref name="height"/> frames of <paramref name="scene"/>.</summary>
    public FrameRenderer(Layout scene, int width = 1200, int height = 600)
    {
        Scene = scene;
        Canvas = new SkiaCanvas(width, height);
    }

    /// <summary>The scene drawn.</summary>
    public Layout Scene { get; }

    /// <summary>The canvas holding the last frame.</summary>
    public SkiaCanvas Canvas { get; }

    /// <summary>Frame width.</summary>
    public int Width => Canvas.Width;

    /// <summary>Frame height.</summary>
    public int Height => Canvas.Height;

    /// <summary>Draws a frame; its pixels are then in <see cref="Canvas"/>.</summary>
    public SkiaCanvas Render(FrameSnapshot snapshot, ViewState? view = null)
    {
        Scene.Draw(Canvas, snapshot, view ?? ViewState.Default);
        Canvas.Flush();
        return Canvas;
    }

    /// <summary>Draws a frame and returns it as PNG.</summary>
    public byte[] RenderPng(FrameSnapshot snapshot, ViewState? view = null) => Render(snapshot, view).EncodePng();

    /// <summary>Draws a frame into a PNG file (its folder is created).</summary>
    public void RenderToFile(FrameSnapshot snapshot, string path, ViewState? view = null)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null) Directory.CreateDirectory(folder);
        File.WriteAllBytes(path, RenderPng(snapshot, view));
    }

    /// <inheritdoc />
    public void Dispose() => Canvas.Dispose();
}
