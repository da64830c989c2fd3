using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>Draws a frame into an area of a canvas. Scenes keep no per-frame state, so one scene serves every frame.</summary>
public interface IScene
{
    /// <summary>Draws <paramref name="snapshot"/> inside <paramref name="area"/>.</summary>
    void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view);
}
