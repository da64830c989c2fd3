using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Tests.Scenes;

public sealed class MosaicSceneTests
{
    private static readonly Rect Area = new(0, 0, 600, 400);

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(2, 2, 1)]
    [InlineData(3, 2, 2)]
    [InlineData(4, 2, 2)]
    [InlineData(5, 3, 2)]
    [InlineData(8, 3, 3)]
    [InlineData(9, 3, 3)]
    [InlineData(10, 4, 3)]
    [InlineData(16, 4, 4)]
    public void The_grid_is_as_square_as_the_count_allows(int count, int columns, int rows) =>
        Assert.Equal((columns, rows), MosaicScene.Grid(count));

    [Fact]
    public void Each_copy_is_drawn_by_the_copy_scene_in_a_tile_of_its_own_and_labelled()
    {
        var copies = new[] { Frame(1, 3, 2.5), Frame(2, 7, 7), Frame(3, 1, 0) };
        var snapshot = Frame(0, 12, 11);
        var scene = new RecordingScene();
        var canvas = new RecordingCanvas(600, 400);
        new MosaicScene(scene).Draw(canvas, Area, WithCopies(snapshot, copies), ViewState.Default);

        Assert.Equal([0f, 1, 2, 3], scene.Drawn.Select(d => d.Frame.Observation[0]));
        var areas = scene.Drawn.Select(d => d.Area).ToList();
        foreach (var a in areas) Assert.True(a.X >= 0 && a.Y >= 0 && a.Right <= 600 && a.Bottom <= 400, $"{a} leaves the area");
        for (int i = 0; i < areas.Count; i++)
            for (int j = i + 1; j < areas.Count; j++)
                Assert.False(Overlap(areas[i], areas[j]), $"tiles {i} and {j} overlap: {areas[i]}, {areas[j]}");
        var labels = canvas.CallsOf<TextCall>().Select(t => t.Text).ToList();
        Assert.Equal(["copy 0   step 12   return 11", "copy 1   step 3   return 2.5", "copy 2   step 7   return 7", "copy 3   step 1   return 0"], labels);
    }

    [Fact]
    public void A_frame_without_other_copies_is_drawn_whole_by_the_copy_scene()
    {
        var scene = new RecordingScene();
        new MosaicScene(scene).Draw(new RecordingCanvas(), Area, Frame(0, 1, 1), ViewState.Default);
        var drawn = Assert.Single(scene.Drawn);
        Assert.Equal(Area, drawn.Area);
    }

    [Fact]
    public void Each_cart_pole_is_drawn_where_its_own_observation_puts_it()
    {
        // Copy 0 far left, copy 1 far right, side by side: each cart sits in its own half, at its own side.
        var snapshot = WithCopies(new FrameSnapshot { Observation = [-2f, 0, 0, 0] }, [new FrameSnapshot { Observation = [2f, 0, 0, 0] }]);
        using var canvas = Pixels.Render(new MosaicScene(new CartPoleScene()), snapshot, 600, 400);
        var left = Pixels.Centroid(Pixels.Find(canvas, CartPoleScene.CartColor, 6, new Rect(0, 40, 300, 360)));
        var right = Pixels.Centroid(Pixels.Find(canvas, CartPoleScene.CartColor, 6, new Rect(300, 40, 300, 360)));
        Assert.InRange(left.X, 0, 100);
        Assert.InRange(right.X, 500, 600);
    }

    private static FrameSnapshot Frame(int copy, int step, double episodeReturn) =>
        new() { Observation = [copy, 0, 0, 0], EpisodeStep = step, EpisodeReturn = episodeReturn };

    private static FrameSnapshot WithCopies(FrameSnapshot frame, IReadOnlyList<FrameSnapshot> copies) => new()
    {
        Observation = frame.Observation,
        EpisodeStep = frame.EpisodeStep,
        EpisodeReturn = frame.EpisodeReturn,
        Copies = copies,
    };

    private static bool Overlap(Rect a, Rect b) => a.X < b.Right && b.X < a.Right && a.Y < b.Bottom && b.Y < a.Bottom;

    /// <summary>Remembers what it was asked to draw, and where.</summary>
    private sealed class RecordingScene : IScene
    {
        public List<(Rect Area, FrameSnapshot Frame)> Drawn { get; } = [];

        public void Draw(ICanvas canvas, Rect area, FrameSnapshot snapshot, ViewState view) => Drawn.Add((area, snapshot));
    }
}
