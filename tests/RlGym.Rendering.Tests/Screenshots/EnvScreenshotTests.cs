using RlGym.Core.Agents;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Envs.ClassicControl;
using RlGym.Envs.ToyText;
using RlGym.Envs.ToyText.Taxi;
using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;
using RlGym.Rendering.Skia;
using RlGym.Rendering.Tests.Fakes;
using RlGym.Training.Metrics;

namespace RlGym.Rendering.Tests.Screenshots;

/// <summary>
/// Every built-in environment drawn offscreen the way the window draws it (scene beside the dashboard, 1200×600),
/// from a real reset and a few real steps, with checks on the pixels and on the text.
/// </summary>
public sealed class EnvScreenshotTests
{
    private const int W = 1200, H = 600;

    private static readonly EnvRegistry Registry = MakeRegistry();

    private static EnvRegistry MakeRegistry()
    {
        var registry = new EnvRegistry();
        new ToyTextEnvironments().Register(registry);
        new ClassicControlEnvironments().Register(registry);
        return registry;
    }

    public static TheoryData<string> BuiltInEnvs()
    {
        var data = new TheoryData<string>();
        foreach (var spec in MakeRegistry().Specs.OrderBy(s => s.Id, StringComparer.Ordinal)) data.Add(spec.Id);
        return data;
    }

    /// <summary>Resets, takes <paramref name="steps"/> steps with the actions <paramref name="policy"/> picks, feeding the observer as the trainer does.</summary>
    private static (FrameSnapshot Frame, LiveViewObserver Observer) Run(IEnv env, object? agent, int steps, Func<int, object>? policy = null,
        IEnumerable<double>? finishedReturns = null)
        => env.Accept(new Rollout(agent, steps, policy, finishedReturns ?? []));

    private sealed class Rollout(object? agent, int steps, Func<int, object>? policy, IEnumerable<double> finished) : IEnvVisitor<(FrameSnapshot, LiveViewObserver)>
    {
        public (FrameSnapshot, LiveViewObserver) Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull
        {
            var observer = new LiveViewObserver(env, agent);
            int episode = 0;
            foreach (var r in finished) observer.OnEpisode(new EpisodeMetrics(episode++, episode * 10, r, 10, double.NaN, 0));
            env.ActionSpace.Seed(3);
            object obs = env.Reset(7).Observation;
            observer.OnEpisodeStart(env, obs);
            for (int t = 0; t < steps; t++)
            {
                // Action 0 is allowed in every state of every built-in discrete env (MaximizationBias masks the others).
                var action = policy is not null ? (TAct)policy(t) : env.ActionSpace is Discrete ? (TAct)(object)0 : env.ActionSpace.Sample();
                var r = env.Step(action);
                observer.OnAction(action, r.Reward);
                observer.OnStep(env, r.Observation, t + 1);
                obs = r.Observation;
                if (r.Done) break;
            }
            return (observer.Capture(obs), observer);
        }
    }

    private static SkiaCanvas Draw(IEnv env, FrameSnapshot frame, ViewState? view = null)
    {
        var canvas = new SkiaCanvas(W, H);
        SceneCatalog.WithDashboard(SceneCatalog.For(env)).Draw(canvas, frame, view ?? ViewState.Default);
        canvas.Flush();
        return canvas;
    }

    private static List<string> Texts(IEnv env, FrameSnapshot frame, ViewState? view = null)
    {
        var recording = new RecordingCanvas(W, H);
        SceneCatalog.WithDashboard(SceneCatalog.For(env)).Draw(recording, frame, view ?? ViewState.Default);
        return [.. recording.CallsOf<TextCall>().Select(t => t.Text)];
    }

    private static readonly Rect EnvArea = new(0, 0, W / 2, H);

    [Theory]
    [MemberData(nameof(BuiltInEnvs))]
    public void Every_built_in_env_draws_its_state_the_last_action_and_the_running_return(string id)
    {
        using var env = Registry.Make(id);
        var (frame, _) = Run(env, null, 3, finishedReturns: [1, 2, 3]);
        using var canvas = Draw(env, frame);
        // The picture: a good share of the left half differs from the background.
        int drawn = 0;
        for (int y = 0; y < H; y += 4)
            for (int x = 0; x < W / 2; x += 4)
                if (!Pixels.Near(canvas.PixelAt(x, y), Palette.Background, 6)) drawn++;
        Assert.True(drawn > 300, $"{id}: only {drawn} sampled pixels drawn in the scene");
        var texts = Texts(env, frame);
        Assert.Contains(texts, t => t.StartsWith("This episode: step ", StringComparison.Ordinal) && t.Contains("last action"));
        Assert.Contains(texts, t => t.Contains("Episode 4"));
        // Nothing is drawn outside the frame.
        var recording = new RecordingCanvas(W, H);
        SceneCatalog.For(env).Draw(recording, EnvArea, frame, ViewState.Default);
        foreach (var call in recording.Calls)
            if (call is FillCircleCall c) Assert.InRange(c.CenterX, EnvArea.X, EnvArea.Right);
    }

    [Fact]
    public void Taxi_shows_walls_depots_the_passenger_at_its_depot_and_the_destination()
    {
        using var env = Registry.Make("Taxi-v3");
        var (frame, _) = Run(env, null, 0);
        var ride = Assert.NotNull(frame.Grid?.Taxi);
        Assert.NotEqual(TaxiEnv.InTaxi, ride.Passenger);
        using var canvas = Draw(env, frame);
        var (x0, y0, tile) = GridWorldScene.TileGeometry(EnvArea, 5, 5);
        Rect Cell((int Row, int Column) c) => new(x0 + c.Column * tile, y0 + c.Row * tile, tile, tile);

        // The passenger, in its colour, on its depot's tile.
        Assert.NotEmpty(Pixels.Find(canvas, GridWorldScene.PassengerColor, 20, Cell(TaxiEnv.Locations[ride.Passenger])));
        // The destination's flag, in its depot's colour, on the destination tile; and a thick dark frame.
        var destination = Cell(TaxiEnv.Locations[ride.Destination]);
        Assert.NotEmpty(Pixels.Find(canvas, GridWorldScene.DepotColors[ride.Destination], 20, destination.Inset(tile * 0.1f)));
        // The wall east of (0, 1): wall-coloured pixels on the line between columns 1 and 2 in row 0.
        Assert.NotEmpty(Pixels.Find(canvas, Palette.Wall, 12, new Rect(x0 + 2 * tile - 2, y0 + tile * 0.3f, 4, tile * 0.4f)));
        // No wall between (0, 2) and (0, 3).
        Assert.Empty(Pixels.Find(canvas, Palette.Wall, 12, new Rect(x0 + 3 * tile - 2, y0 + tile * 0.3f, 4, tile * 0.4f)));
        // The cab on the taxi's tile.
        Assert.NotEmpty(Pixels.Find(canvas, GridWorldScene.CabColor, 20, Cell((frame.Grid!.AgentRow, frame.Grid.AgentColumn))));
        Assert.Contains(Texts(env, frame), t => t.Contains($"passenger at {TaxiRide.Letters[ride.Passenger]}"));
    }

    [Fact]
    public void Taxi_draws_the_passenger_in_the_cab_after_the_pickup_and_names_the_value_slice()
    {
        using var env = Registry.Make("Taxi-v3");
        var taxi = (TaxiEnv)env.Unwrapped;
        var values = new FakeValues(500, 6);
        for (int s = 0; s < 500; s++) values.Set(s, s % 6, s % 7);
        var (frame, _) = Run(env, values, 0);
        var (row, column, passenger, destination) = TaxiEnv.Decode(taxi.CurrentState);
        Assert.Equal($"passenger at {TaxiRide.Letters[passenger]}, destination {TaxiRide.Letters[destination]}", frame.Grid!.ValueSlice);
        Assert.Contains(Texts(env, frame), t => t.Contains($"values for passenger at {TaxiRide.Letters[passenger]}"));

        var inCab = new GridFrame(frame.Grid.Layout, row, column, null, null) { Taxi = new TaxiRide(TaxiEnv.InTaxi, destination) };
        using var canvas = Draw(env, new FrameSnapshot { Grid = inCab });
        var (x0, y0, tile) = GridWorldScene.TileGeometry(EnvArea, 5, 5);
        var cab = new Rect(x0 + column * tile, y0 + row * tile, tile, tile);
        Assert.NotEmpty(Pixels.Find(canvas, GridWorldScene.PassengerColor, 20, cab));
        foreach (var (r, c) in TaxiEnv.Locations)
            if ((r, c) != (row, column))
                Assert.Empty(Pixels.Find(canvas, GridWorldScene.PassengerColor, 20, new Rect(x0 + c * tile, y0 + r * tile, tile, tile)));
    }

    [Fact]
    public void FrozenLake_labels_values_per_action_with_arrows_and_shows_a_colour_bar_and_the_trail()
    {
        using var env = Registry.Make("FrozenLake-v1", EnvOptions.Parse(["is_slippery=false"]));
        var values = new FakeValues(16, 4);
        for (int s = 0; s < 16; s++) values.Set(s, 2, s / 16.0);
        // Right, right, down: three cells of trail.
        var (frame, _) = Run(env, values, 3, t => t < 2 ? 2 : 1);
        Assert.Equal(["←", "↓", "→", "↑"], frame.ActionLabels);
        Assert.Equal("↓", frame.LastAction);
        var texts = Texts(env, frame);
        Assert.Contains(texts, t => t.StartsWith("Q(s,a):", StringComparison.Ordinal) && t.Contains("← ") && t.Contains("↑ "));
        Assert.DoesNotContain(texts, t => t.Contains("π(a|s)"));
        Assert.Equal(4, frame.Grid!.Trail.Count);

        using var canvas = Draw(env, frame);
        var (x0, y0, tile) = GridWorldScene.TileGeometry(EnvArea, 4, 4);
        // The colour bar under the board shows both ends of viridis.
        var legend = new Rect(0, y0 + 4 * tile, W / 2, GridWorldScene.LegendHeight);
        Assert.NotEmpty(Pixels.Find(canvas, ColorScale.Viridis.At(0), 10, legend));
        Assert.NotEmpty(Pixels.Find(canvas, ColorScale.Viridis.At(1), 10, legend));
    }

    [Fact]
    public void Probabilities_are_labelled_pi_and_give_no_heat_map()
    {
        using var env = Registry.Make("FrozenLake-v1");
        var values = new FakeValues(16, 4) { Kind = ActionValueKind.Probabilities };
        for (int s = 0; s < 16; s++) values.Set(s, 1, 0.7);
        var (frame, _) = Run(env, values, 0);
        var texts = Texts(env, frame);
        Assert.Contains(texts, t => t.StartsWith("π(a|s):", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("Q(s,a)") || t.Contains("V(s)"));
        Assert.Null(frame.Grid!.CellValues);
    }

    [Fact]
    public void Exploration_is_shown_only_for_agents_that_explore()
    {
        using var env = Registry.Make("CartPole-v1");
        var (frame, _) = Run(env, null, 2, finishedReturns: [10]);
        Assert.DoesNotContain(Texts(env, frame), t => t.Contains("exploration", StringComparison.OrdinalIgnoreCase));
        var exploring = new FrameSnapshot { EnvId = "CartPole-v1", Observation = frame.Observation, ExplorationRate = 0.05, Returns = new double[] { 1 } };
        Assert.Contains(Texts(env, exploring), t => t.Contains("exploration ε 0.050"));
    }

    [Fact]
    public void The_threshold_is_a_dashed_line_across_the_curve()
    {
        using var env = Registry.Make("CartPole-v1");
        var returns = Enumerable.Range(0, 300).Select(e => (double)Math.Min(500, 10 + 2 * e)).ToArray();
        var (frame, _) = Run(env, null, 1, finishedReturns: returns);
        Assert.Equal(475, frame.RewardThreshold);
        using var canvas = Draw(env, frame);
        var plot = DashboardScene.PlotArea(new Rect(W / 2, 0, W / 2, H));
        var line = Pixels.Find(canvas, LearningCurveView.ThresholdColor, 16, plot);
        Assert.True(line.Count > 50, $"{line.Count} threshold pixels");
        // Dashed: along the line's row some pixels are not the threshold colour.
        int row = (int)line.GroupBy(p => p.Y).OrderByDescending(g => g.Count()).First().Key;
        int across = line.Count(p => p.Y == row);
        Assert.InRange(across, (int)(plot.Width * 0.3), (int)(plot.Width * 0.9));
        Assert.Contains(Texts(env, frame), t => t == "threshold 475");
    }

    [Fact]
    public void MountainCar_keeps_its_flag_inside_the_frame()
    {
        using var env = Registry.Make("MountainCar-v0");
        var (frame, _) = Run(env, null, 1);
        var recording = new RecordingCanvas(W, H);
        var area = new Rect(0, 0, W / 2, H);
        new MountainCarScene().Draw(recording, area, frame, ViewState.Default);
        var flag = Assert.Single(recording.CallsOf<FillTriangleCall>(), c => c.Color == Palette.Flag);
        foreach (var (x, y) in new[] { (flag.X1, flag.Y1), (flag.X2, flag.Y2), (flag.X3, flag.Y3) })
        {
            Assert.InRange(x, area.X, area.Right);
            Assert.InRange(y, area.Y, area.Bottom);
        }
    }

    [Theory]
    [InlineData(2f)]
    [InlineData(-2f)]
    public void Pendulum_shows_its_torque_as_an_arrow_turning_the_right_way(float torque)
    {
        using var env = Registry.Make("Pendulum-v1");
        var (frame, _) = Run(env, null, 1, _ => new[] { torque });
        Assert.Equal([torque], frame.LastContinuousAction);
        var recording = new RecordingCanvas(W, H);
        new PendulumScene().Draw(recording, EnvArea, frame, ViewState.Default);
        var head = Assert.Single(recording.CallsOf<FillTriangleCall>(), c => c.Color == PendulumScene.TorqueColor);
        var (ax, _, _, _, _) = PendulumScene.Geometry(EnvArea, frame.Observation);
        // The arc starts below the axle and sweeps 1.2π·|u|/2: counter-clockwise on screen (u > 0) ends left of the axle after
        // passing the right side and top, i.e. past the top; the sign of the head's x offset tells the direction.
        Assert.True(torque > 0 ? head.X1 < ax : head.X1 > ax, $"head at {head.X1}, axle at {ax}");

        var (still, _) = Run(env, null, 1, _ => new[] { 0f });
        var none = new RecordingCanvas(W, H);
        new PendulumScene().Draw(none, EnvArea, still, ViewState.Default);
        Assert.DoesNotContain(none.CallsOf<FillTriangleCall>(), c => c.Color == PendulumScene.TorqueColor);
    }

    [Fact]
    public void The_last_frame_says_training_finished_and_keys_are_listed_while_running()
    {
        using var env = Registry.Make("FrozenLake-v1");
        var (frame, _) = Run(env, null, 1, finishedReturns: [0, 1]);
        Assert.Contains(Texts(env, frame, new ViewState(true, false, "4 steps/s")), t => t == DashboardScene.KeysHelp);
        Assert.Contains(Texts(env, frame, new ViewState(true, false, "4 steps/s")), t => t == "4 steps/s");
        var finished = Texts(env, frame, new ViewState(true, false, "", Finished: true, Notice: "saved /tmp/screenshot_001.png"));
        Assert.Contains(finished, t => t.Contains("training finished"));
        Assert.Contains(finished, t => t == "saved /tmp/screenshot_001.png");
    }

    [Fact]
    public void A_replay_has_its_own_dashboard()
    {
        using var env = Registry.Make("CartPole-v1");
        var observer = new LiveViewObserver(env, null, replayEpisodes: 5);
        observer.OnEpisode(new EpisodeMetrics(0, 500, 500, 500, double.NaN, 0));
        var frame = observer.Capture(new float[4]);
        var texts = Texts(env, frame);
        Assert.Contains(texts, t => t == "Greedy replay 2 of 5");
        Assert.Contains(texts, t => t.Contains("replay 1: 500"));
        Assert.DoesNotContain(texts, t => t.Contains("exploration", StringComparison.OrdinalIgnoreCase) || t.Contains("Training"));
    }

    [Fact]
    public void Taxi_keeps_the_depot_letter_clear_of_the_destination_frame()
    {
        using var env = Registry.Make("Taxi-v3");
        var (frame, _) = Run(env, null, 0);
        var ride = Assert.NotNull(frame.Grid?.Taxi);
        var recording = new RecordingCanvas(W, H);
        SceneCatalog.For(env).Draw(recording, EnvArea, frame, ViewState.Default);
        var (x0, y0, tile) = GridWorldScene.TileGeometry(EnvArea, 5, 5);
        var (dr, dc) = TaxiEnv.Locations[ride.Destination];
        var cell = new Rect(x0 + dc * tile, y0 + dr * tile, tile, tile);
        float frameWidth = GridWorldScene.DestinationFrame(tile);
        Assert.Contains(recording.CallsOf<StrokeRectangleCall>(), c => c.Rect == cell && c.Thickness == frameWidth && c.Color == Palette.Ink);
        var letter = Assert.Single(recording.CallsOf<TextCall>(), t => t.Text == TaxiRide.Letters[ride.Destination].ToString());
        Assert.True(letter.X >= cell.X + frameWidth && letter.Y >= cell.Y + frameWidth, $"letter at ({letter.X}, {letter.Y}), frame {frameWidth} px inside {cell}");
    }

    [Fact]
    public void Taxi_action_values_with_six_named_actions_fit_the_dashboard()
    {
        using var env = Registry.Make("Taxi-v3");
        var values = new FakeValues(500, 6);
        for (int s = 0; s < 500; s++)
            for (int a = 0; a < 6; a++) values.Q[s, a] = -12.345678 + a;
        var (frame, _) = Run(env, values, 0);
        using var canvas = Draw(env, frame);
        var plot = DashboardScene.PlotArea(new Rect(W / 2, 0, W / 2, H));
        // The dashboard keeps a 14 px margin on the right: no text may reach it above the plot.
        Assert.Empty(Pixels.Find(canvas, Palette.Ink, 60, new Rect(W - 12, 0, 12, plot.Y)));
        Assert.Contains(Texts(env, frame), t => t.StartsWith("Q(s,a):", StringComparison.Ordinal) && t.Contains("drop off -7.35"));
    }

    [Fact]
    public void Equal_values_everywhere_are_said_in_words_not_with_a_colour_bar_from_0_to_0()
    {
        using var env = Registry.Make("FrozenLake-v1");
        var (frame, _) = Run(env, new FakeValues(16, 4), 0);
        Assert.Contains(Texts(env, frame), t => t == "V(s) = 0 in every state");
        using var canvas = Draw(env, frame);
        var (_, y0, tile) = GridWorldScene.TileGeometry(EnvArea, 4, 4);
        var legend = new Rect(0, y0 + 4 * tile, W / 2, GridWorldScene.LegendHeight);
        Assert.Empty(Pixels.Find(canvas, ColorScale.Viridis.At(0), 10, legend));
    }

    [Fact]
    public void The_curve_has_no_y_ticks_before_the_first_return()
    {
        using var env = Registry.Make("FrozenLake-v1");
        var (frame, _) = Run(env, null, 1);
        var texts = Texts(env, frame);
        Assert.Contains(texts, t => t == "the curve starts when the first episode ends");
        // FrozenLake's threshold 0.7 alone once gave the empty plot ticks from 0 to 1.5.
        Assert.DoesNotContain(texts, t => t is "0" or "0.5" or "1" or "1.5");
    }
}
