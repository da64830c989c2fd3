using RlGym.Core.Tabular;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Tests.Fakes;

namespace RlGym.Rendering.Tests.Scenes;

public sealed class GridWorldSceneTests
{
    private const int W = 600, H = 400;

    private static FrameSnapshot Snapshot(FakeGrid grid, FakeValues? values) => new()
    {
        EnvId = grid.Spec!.Id,
        Grid = GridFrame.Capture(GridLayout.From(grid), grid, grid.Rows * grid.Columns, values),
    };

    private static Rect Tile(int row, int column)
    {
        var (x, y, t) = GridWorldScene.TileGeometry(new Rect(0, 0, W, H), 4, 4);
        return new Rect(x + column * t, y + row * t, t, t);
    }

    [Fact]
    public void The_agent_is_drawn_on_the_tile_of_the_current_state()
    {
        var grid = FakeGrid.FourByFour();
        foreach (int state in new[] { 0, 6, 14 })
        {
            grid.CurrentState = state;
            using var canvas = Pixels.Render(new GridWorldScene(), Snapshot(grid, null), W, H);
            var (row, column) = grid.CellOf(state);
            var tile = Tile(row, column);
            Assert.Equal(Palette.Agent, canvas.PixelAt((int)tile.CenterX, (int)tile.CenterY));
            // Other tiles keep their own colour at their centre.
            var other = Tile((row + 2) % 4, (column + 1) % 4);
            Assert.NotEqual(Palette.Agent, canvas.PixelAt((int)other.CenterX, (int)other.CenterY));
        }
    }

    [Fact]
    public void Tiles_have_the_colour_of_their_kind_without_values()
    {
        var grid = FakeGrid.FourByFour();
        grid.CurrentState = 1;
        using var canvas = Pixels.Render(new GridWorldScene(), Snapshot(grid, null), W, H);
        Color At(int r, int c) { var t = Tile(r, c); return canvas.PixelAt((int)(t.X + t.Width * 0.8f), (int)(t.Y + t.Height * 0.8f)); }
        Assert.Equal(Palette.Start, At(0, 0));
        Assert.Equal(Palette.Hazard, At(1, 1));
        Assert.Equal(Palette.Hazard, At(3, 0));
        Assert.Equal(Palette.Goal, At(3, 3));
        Assert.Equal(Palette.Floor, At(2, 2));
    }

    public static TheoryData<string, int, int, int> Arrows => new()
    {
        // layout, action, expected column step, expected row step
        { "FrozenLake", 0, -1, 0 }, { "FrozenLake", 1, 0, 1 }, { "FrozenLake", 2, 1, 0 }, { "FrozenLake", 3, 0, -1 },
        { "UpRightDownLeft", 0, 0, -1 }, { "UpRightDownLeft", 1, 1, 0 }, { "UpRightDownLeft", 2, 0, 1 }, { "UpRightDownLeft", 3, -1, 0 },
    };

    [Theory]
    [MemberData(nameof(Arrows))]
    public void The_greedy_arrow_points_the_way_the_layout_maps_the_action(string layoutName, int action, int dx, int dy)
    {
        var layout = layoutName == "FrozenLake" ? GridActionLayout.FrozenLake : GridActionLayout.UpRightDownLeft;
        var grid = FakeGrid.FourByFour();
        grid.CurrentState = 0;
        var values = new FakeValues(16, 4).Set(9, action, 5);
        var scene = new GridWorldScene(new GridWorldSceneOptions(layout, ColorScale.Viridis));
        using var canvas = Pixels.Render(scene, Snapshot(grid, values), W, H);

        var tile = Tile(2, 1);
        var arrow = Pixels.Find(canvas, Palette.Arrow, 30, tile.Inset(2));
        var (cx, cy) = Pixels.Centroid(arrow);
        double offX = (cx - tile.CenterX) / tile.Width, offY = (cy - tile.CenterY) / tile.Height;
        // The arrow lies on the greedy side: its centroid sits about 0.2 tile from the centre that way.
        Assert.InRange(offX * dx + offY * dy, 0.12, 0.35);
        Assert.InRange(Math.Abs(offX * dy) + Math.Abs(offY * dx), 0, 0.03);
    }

    [Fact]
    public void Heat_map_brightness_is_ordered_as_the_state_values()
    {
        var grid = FakeGrid.FourByFour();
        grid.CurrentState = 15;
        // Greedy "up" (3 in FrozenLake) keeps the lower-left of each tile free of arrows.
        var values = new FakeValues(16, 4).Set(1, 3, 1).Set(2, 3, 2).Set(3, 3, 3).Set(8, 3, 0.5).Set(10, 3, -2);
        var scene = new GridWorldScene(new GridWorldSceneOptions(GridActionLayout.FrozenLake, ColorScale.Viridis));
        using var canvas = Pixels.Render(scene, Snapshot(grid, values), W, H);
        double Lum(int state)
        {
            var t = Tile(state / 4, state % 4);
            return canvas.PixelAt((int)(t.X + t.Width * 0.8f), (int)(t.Y + t.Height * 0.85f)).Luminance;
        }
        int[] byValue = [10, 6, 8, 1, 2, 3]; // V = -2, 0, 0.5, 1, 2, 3
        for (int i = 1; i < byValue.Length; i++)
            Assert.True(Lum(byValue[i]) > Lum(byValue[i - 1]) + 0.02, $"state {byValue[i]} is not brighter than state {byValue[i - 1]}");
        // The extremes are the scale's ends.
        var top = Tile(0, 3);
        Assert.True(Pixels.Near(canvas.PixelAt((int)(top.X + top.Width * 0.8f), (int)(top.Y + top.Height * 0.85f)), ColorScale.Viridis.At(1), 3));
    }

    [Fact]
    public void Values_are_hidden_when_the_overlay_is_off_and_ties_draw_no_arrow()
    {
        var grid = FakeGrid.FourByFour();
        grid.CurrentState = 0;
        var values = new FakeValues(16, 4).Set(9, 2, 5);
        var recording = new RecordingCanvas(W, H);
        new Layout(new GridWorldScene(), null).Draw(recording, Snapshot(grid, values), ViewState.Default with { ShowValues = false });
        Assert.Empty(recording.CallsOf<FillTriangleCall>());
        Assert.DoesNotContain(recording.CallsOf<FillRectangleCall>(), c => c.Color != Palette.Floor && !IsKindColour(c.Color));

        recording.Reset();
        new Layout(new GridWorldScene(), null).Draw(recording, Snapshot(grid, values), ViewState.Default);
        // Only state 9 has a preferred action; the all-zero rows are ties.
        Assert.Single(recording.CallsOf<FillTriangleCall>());
    }

    private static bool IsKindColour(Color c) =>
        c == Palette.Floor || c == Palette.Start || c == Palette.Goal || c == Palette.Hazard || c == Palette.Wall || c == Palette.Panel;

    [Fact]
    public void The_recording_canvas_sees_one_tile_per_cell_and_one_agent()
    {
        var grid = new FakeGrid("CliffWalking-v1", "FFFFFF", "FWWFFF", "SHHHHG");
        grid.CurrentState = 7;
        var recording = new RecordingCanvas(W, H);
        new GridWorldScene().Draw(recording, new Rect(0, 0, W, H), Snapshot(grid, null), ViewState.Default);

        var tiles = recording.CallsOf<FillRectangleCall>().ToList();
        Assert.Equal(18, tiles.Count);
        Assert.Equal(4, tiles.Count(t => t.Color == Palette.Hazard));
        Assert.Equal(2, tiles.Count(t => t.Color == Palette.Wall));
        Assert.Single(tiles, t => t.Color == Palette.Goal);
        Assert.Equal(18, recording.CallsOf<StrokeRectangleCall>().Count());
        var agent = Assert.Single(recording.CallsOf<FillCircleCall>());
        var (x0, y0, t) = GridWorldScene.TileGeometry(new Rect(0, 0, W, H), 3, 6);
        Assert.Equal(x0 + 1.5f * t, agent.CenterX, 3);
        Assert.Equal(y0 + 1.5f * t, agent.CenterY, 3);
        Assert.Equal(Palette.Agent, agent.Color);
        Assert.Contains(recording.CallsOf<TextCall>(), c => c.Text == "S");
        Assert.Contains(recording.CallsOf<TextCall>(), c => c.Text == "G");
    }

    [Fact]
    public void Layout_presets_follow_the_environments()
    {
        Assert.Same(GridActionLayout.FrozenLake, GridActionLayout.ForEnv("FrozenLake8x8-v1"));
        Assert.Same(GridActionLayout.UpRightDownLeft, GridActionLayout.ForEnv("CliffWalking-v1"));
        Assert.Same(GridActionLayout.Taxi, GridActionLayout.ForEnv("Taxi-v3"));
        Assert.Equal((0, -1), GridActionLayout.FrozenLake.MoveOf(0));
        Assert.Equal((-1, 0), GridActionLayout.UpRightDownLeft.MoveOf(0));
        Assert.Equal((0, 0), GridActionLayout.Taxi.MoveOf(4));
        Assert.IsType<GridWorldScene>(SceneCatalog.For(FakeGrid.FourByFour()));
    }
}
