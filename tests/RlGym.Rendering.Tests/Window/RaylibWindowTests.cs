using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Raylib;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;
using RlGym.Rendering.Tests.Fakes;

namespace RlGym.Rendering.Tests.Window;

/// <summary>raylib has one window per process: these tests run one after another.</summary>
[CollectionDefinition(nameof(RaylibWindowTests), DisableParallelization = true)]
public sealed class RaylibCollection;

[Collection(nameof(RaylibWindowTests))]
public sealed class RaylibWindowTests
{
    private const int W = 640, H = 360;

    private static Color At(byte[] rgba, int x, int y)
    {
        int i = (y * W + x) * 4;
        return new Color(rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]);
    }

    private static void AssertSamePixels(Layout layout, FrameSnapshot snapshot, IEnumerable<(int X, int Y)> points)
    {
        var window = RaylibWindow.CaptureFrame(layout, snapshot, ViewState.Default, new RaylibWindowOptions(W, H, Hidden: true));
        using var skia = new SkiaCanvas(W, H);
        layout.Draw(skia, snapshot, ViewState.Default);
        skia.Flush();
        foreach (var (x, y) in points)
        {
            Color a = At(window, x, y), b = skia.PixelAt(x, y);
            // Both anti-alias, differently: compare away from edges and allow a few levels of difference.
            Assert.True(a.DistanceTo(b) <= 8, $"({x}, {y}): window {a}, Skia {b}");
        }
    }

    [RaylibFact]
    public void The_window_draws_a_grid_world_as_the_offscreen_renderer_does()
    {
        var grid = FakeGrid.FourByFour();
        grid.CurrentState = 6;
        var values = new FakeValues(16, 4).Set(1, 2, 1).Set(2, 1, 2).Set(9, 3, 3);
        var snapshot = new FrameSnapshot
        {
            Grid = GridFrame.Capture(GridLayout.From(grid), grid, 16, values),
            Returns = new double[] { 0, 1, 0, 1, 1 },
            Episode = 5,
        };
        var layout = SceneCatalog.WithDashboard(new GridWorldScene(new GridWorldSceneOptions(GridActionLayout.FrozenLake, ColorScale.Viridis)));
        var (x0, y0, t) = GridWorldScene.TileGeometry(layout.Split(new Rect(0, 0, W, H)).Environment, 4, 4);
        var points = new List<(int, int)>();
        for (int r = 0; r < 4; r++)
            for (int c = 0; c < 4; c++)
            {
                points.Add(((int)(x0 + (c + 0.5f) * t), (int)(y0 + (r + 0.5f) * t)));         // centre: agent, arrow base or tile
                points.Add(((int)(x0 + (c + 0.75f) * t), (int)(y0 + (r + 0.8f) * t)));        // lower right: the tile's colour
            }
        AssertSamePixels(layout, snapshot, points);
    }

    [RaylibFact]
    public void The_window_draws_cartpole_as_the_offscreen_renderer_does()
    {
        var snapshot = new FrameSnapshot { Observation = [0.8f, 0, 0.15f, 0] };
        var layout = new Layout(new CartPoleScene(), null);
        var area = new Rect(0, 0, W, H);
        var (cartX, trackY, tipX, tipY, scale) = CartPoleScene.Geometry(area, 0.8f, 0.15f);
        float pivotY = trackY - scale * 0.18f;
        AssertSamePixels(layout, snapshot,
        [
            ((int)cartX - (int)(scale * 0.12f), (int)(trackY - scale * 0.08f)),    // cart body
            ((int)((cartX + tipX) / 2), (int)((pivotY + tipY) / 2)),              // middle of the pole
            ((int)cartX - (int)(scale * 1.2f), (int)(trackY - scale * 0.6f)),      // background
        ]);
    }

    [RaylibFact]
    public void The_window_draws_a_mosaic_of_copies_as_the_offscreen_renderer_does()
    {
        float[] xs = [-1.5f, 0f, 1.2f, 2f];
        var snapshot = new FrameSnapshot
        {
            Observation = [xs[0], 0, 0.1f, 0],
            Copies = [.. xs.Skip(1).Select(x => new FrameSnapshot { Observation = [x, 0, -0.1f, 0] })],
        };
        var layout = new Layout(new MosaicScene(new CartPoleScene()), null);
        var points = new List<(int, int)>();
        for (int i = 0; i < xs.Length; i++)
        {
            // The picture under the tile's label line, as MosaicScene lays it out.
            var tile = MosaicScene.Tile(new Rect(0, 0, W, H), xs.Length, i);
            var picture = new Rect(tile.X, tile.Y + 21, tile.Width, tile.Height - 21);
            var (cartX, trackY, _, _, scale) = CartPoleScene.Geometry(picture, xs[i], 0);
            points.Add(((int)cartX, (int)(trackY - scale * 0.08f)));                       // the cart's body
            points.Add(((int)(picture.X + picture.Width / 2), (int)(picture.Y + 4)));       // sky above it
        }
        using (var skia = new SkiaCanvas(W, H))
        {
            layout.Draw(skia, snapshot, ViewState.Default);
            skia.Flush();
            for (int i = 0; i < points.Count; i += 2)
                Assert.True(skia.PixelAt(points[i].Item1, points[i].Item2).DistanceTo(CartPoleScene.CartColor) <= 8, $"no cart at {points[i]}");
        }
        AssertSamePixels(layout, snapshot, points);
    }

    [RaylibFact]
    public void The_window_shows_snapshots_while_training_runs_and_stops_it_when_closed()
    {
        var env = new FakeObservationEnv("CartPole-v1", 4);
        var queue = new SnapshotQueue();
        var gate = new TrainingGate();
        using var stop = new CancellationTokenSource();
        var observer = new LiveViewObserver(env, null, queue, gate, cancellation: stop.Token);
        string shots = Directory.CreateTempSubdirectory("rlgym-window-").FullName;
        try
        {
            // A stand-in trainer: steps until three snapshots were shown, then ends the run.
            var training = Task.Factory.StartNew(() =>
            {
                for (long step = 1; queue.Version < 3 && !stop.IsCancellationRequested; step++)
                {
                    env.Observation[0] = MathF.Sin(step * 1e-4f);
                    observer.OnStep(env, env.Observation, step);
                    if (step % 500 == 0) observer.OnEpisode(new((int)(step / 500) - 1, step, step % 7, 500, double.NaN, 0));
                }
            }, TaskCreationOptions.LongRunning);
            var window = new RaylibWindow(SceneCatalog.WithDashboard(new CartPoleScene()), queue, gate, stop,
                new RaylibWindowOptions(W, H, ScreenshotDirectory: shots, TurboSnapshotEvery: 1, CloseWhenTrainingEnds: true, Hidden: true));
            window.RequestScreenshot();
            window.Run(training);

            Assert.True(training.IsCompleted);
            Assert.True(queue.Version >= 3);
            Assert.True(stop.IsCancellationRequested, "closing the window asks training to stop");
            var shot = Assert.Single(window.Screenshots);
            Assert.True(new FileInfo(shot).Length > 1000);
        }
        finally { Directory.Delete(shots, recursive: true); }
    }
}
