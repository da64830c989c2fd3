using System.Globalization;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;

namespace RlGym.Rendering.Scenes;

/// <summary>
/// Several copies of a vector run side by side: the frame's own copy (copy 0) and those it carries
/// (<see cref="FrameSnapshot.Copies"/>), each drawn by the environment's scene in a tile of a near-square grid
/// (2 copies side by side, 3–4 in a 2 × 2 grid, up to 9 in 3 × 3, …) and labelled with its copy number, its
/// episode's step and return. A frame without other copies is drawn by the environment's scene alone.
/// </summary>
/// <param name="copy">The scene that draws one copy.</param>
public sealed class MosaicScene(IScene copy) : IScene
{
    private const float LabelSize = 13, Gap = 4;

    /// <summary>The scene that draws one copy.</summary>
    public IScene Copy { get; } = copy;

    /// <summary>Columns and rows of the grid for <paramref name="count"/> tiles: as many columns as rows, or one more.</summary>
    public static (int Columns, int Rows) Grid(int count)
    {
        if (count < 1) throw new ArgumentOutOfRangeException(nameof(count), count, "At least one tile.");
        int columns = (int)Math.Ceiling(Math.Sqrt(count));
        return (columns, (count + columns - 1) / columns);
    }

    /// <summary>The area of tile <paramref name="index"/> (row by row) among <paramref name="count"/> inside <paramref name="area"/>.</summary>
    public static Rect Tile(Rect area, int count, int index)
    {
        var (columns, rows) = Grid(count);
        float width = area.Width / columns, height = area.Height / rows;
        return new Rect(area.X + index % columns * width, area.Y + index / columns * height, width, height).Inset(Gap / 2);
    }

    /// <inheritdoc />
    public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view)
    {
        if (snapshot.Copies.Count == 0)
        {
            Copy.Draw(canvas, area, snapshot, view);
            return;
        }
        int count = 1 + snapshot.Copies.Count;
        for (int i = 0; i < count; i++)
        {
            var frame = i == 0 ? snapshot : snapshot.Copies[i - 1];
            var tile = Tile(area, count, i);
            canvas.StrokeRectangle(tile, 1, Palette.Faint);
            var inv = CultureInfo.InvariantCulture;
            string label = $"copy {i}   step {frame.EpisodeStep.ToString(inv)}   return {frame.EpisodeReturn.ToString("0.##", inv)}";
            canvas.Text(label, tile.X + 6, tile.Y + 4, LabelSize, Palette.Muted);
            var picture = new Rect(tile.X, tile.Y + LabelSize + 8, tile.Width, Math.Max(1, tile.Height - LabelSize - 8));
            Copy.Draw(canvas, picture, frame, view);
        }
    }
}
