using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Tests.Scenes;

public sealed class ClassicControlSceneTests
{
    private const int W = 600, H = 400;
    private static readonly Rect Area = new(0, 0, W, H);

    private static FrameSnapshot Obs(params float[] obs) => new() { Observation = obs };

    private static double CartColumn(float x)
    {
        using var canvas = Pixels.Render(new CartPoleScene(), Obs(x, 0, 0, 0), W, H);
        var (_, trackY, _, _, scale) = CartPoleScene.Geometry(Area, x, 0);
        int row = (int)(trackY - scale * 0.1f);
        var cart = Pixels.Find(canvas, CartPoleScene.CartColor, 6, new Rect(0, row, W, 1));
        Assert.InRange(cart.Count, 41, 48); // the cart is 0.4 units = 44.4 px wide at 111.1 px per unit
        return cart.Average(p => p.X);
    }

    [Fact]
    public void The_cart_is_drawn_where_x_says()
    {
        double left = CartColumn(-1), middle = CartColumn(0), right = CartColumn(1);
        // 600 px for the 4.8 units between the termination bounds and 0.3 beyond each: 111.1 px per unit from the centre.
        Assert.InRange(left, 188.9 - 1.5, 188.9 + 1.5);
        Assert.InRange(middle, 300 - 1.5, 300 + 1.5);
        Assert.InRange(right, 411.1 - 1.5, 411.1 + 1.5);
    }

    [Theory]
    [InlineData(-2.4f, -0.2f)]
    [InlineData(2.4f, 0.2f)]
    public void A_cart_at_the_bound_with_its_pole_leaning_out_stays_inside_the_frame(float x, float theta)
    {
        // The dashboard sits right beside the scene: a cart half outside would be drawn over by it.
        using var canvas = Pixels.Render(new CartPoleScene(), Obs(x, 0, theta, 0), W, H);
        var cart = Pixels.Find(canvas, CartPoleScene.CartColor, 6);
        var pole = Pixels.Find(canvas, Palette.Pole, 10);
        Assert.InRange(cart.Min(p => p.X), 2, W - 3);
        Assert.InRange(cart.Max(p => p.X), 2, W - 3);
        Assert.InRange(pole.Min(p => p.X), 2, W - 3);
        Assert.InRange(pole.Max(p => p.X), 2, W - 3);
        // Both ends of the 44 px cart are drawn: it is whole, not cut at the edge.
        Assert.InRange(cart.Max(p => p.X) - cart.Min(p => p.X), 40, 48);
    }

    [Theory]
    [InlineData(-1.2f)]
    [InlineData(0.6f)]
    public void A_mountain_car_at_either_end_stays_inside_the_frame(float position)
    {
        using var canvas = Pixels.Render(new MountainCarScene(), Obs(position, 0), W, H);
        var car = Pixels.Find(canvas, Palette.Agent, 10);
        Assert.NotEmpty(car);
        Assert.InRange(car.Min(p => p.X), 2, W - 3);
        Assert.InRange(car.Max(p => p.X), 2, W - 3);
        // The car is 0.22 units long: at the end of the hill its whole length is drawn.
        Assert.True(car.Max(p => p.X) - car.Min(p => p.X) > 0.15 * MountainCarScene.Scale(Area));
    }

    [Theory]
    [InlineData(0.2f, 1)]
    [InlineData(-0.2f, -1)]
    [InlineData(0f, 0)]
    public void The_pole_leans_the_way_theta_says(float theta, int side)
    {
        using var canvas = Pixels.Render(new CartPoleScene(), Obs(0.5f, 0, theta, 0), W, H);
        var (cartX, _, tipX, tipY, _) = CartPoleScene.Geometry(Area, 0.5f, theta);
        var pole = Pixels.Find(canvas, Palette.Pole, 10);
        var (px, py) = Pixels.Centroid(pole);
        Assert.True(py < tipY + 70, "the pole stands above the cart");
        if (side == 0) Assert.InRange(px, cartX - 1, cartX + 1);
        // Halfway up a one-unit pole leaning 0.2 rad: sin(0.2) · 55.6 px ≈ 11 px to the side.
        else Assert.InRange((px - cartX) * side, 9, 15);
        Assert.Equal(side, Math.Sign(MathF.Round(tipX - cartX)));
    }

    [Fact]
    public void The_mountain_car_sits_on_the_hill_at_its_position()
    {
        (double X, double Y) Car(float position)
        {
            using var canvas = Pixels.Render(new MountainCarScene(), Obs(position, 0), W, H);
            return Pixels.Centroid(Pixels.Find(canvas, Palette.Agent, 10));
        }
        float scale = MountainCarScene.Scale(Area);
        foreach (float position in new[] { -1.0f, -0.52f, 0.3f })
        {
            var (cx, cy) = Car(position);
            var (hx, hy) = MountainCarScene.ToScreen(Area, position);
            // The body's centre rides 0.105 units above the hill along its normal, whatever the slope.
            double off = Math.Sqrt((cx - hx) * (cx - hx) + (cy - hy) * (cy - hy)) / scale;
            Assert.InRange(off, 0.09, 0.12);
            Assert.True(cy < hy, "the car is above the hill");
        }
        Assert.True(Car(-0.52f).Y > Car(0.3f).Y + 40, "the valley floor is lower on screen than x = 0.3");
        Assert.True(Car(-0.52f).X < Car(0.3f).X - 200, "x grows to the right");
    }

    [Fact]
    public void The_mountain_car_scene_has_its_flag_at_the_goal()
    {
        var recording = new RecordingCanvas(W, H);
        new MountainCarScene().Draw(recording, Area, Obs(-0.5f, 0), ViewState.Default);
        var flag = Assert.Single(recording.CallsOf<FillTriangleCall>());
        var (fx, _) = MountainCarScene.ToScreen(Area, MountainCarScene.GoalPosition);
        Assert.Equal(fx, flag.X1, 3);
        Assert.Equal(Palette.Flag, flag.Color);
    }

    [Fact]
    public void Acrobot_hangs_down_at_zero_and_swings_right_at_a_quarter_turn()
    {
        var (jx, jy, _, _, tx, ty, scale) = AcrobotScene.Geometry(Area, [1, 0, 1, 0, 0, 0]);
        Assert.Equal(jx, tx, 3);
        Assert.Equal(jy + 2 * scale, ty, 3);

        // θ1 = π/2, θ2 = 0 from cos/sin through atan2: both links point to the right of the joint.
        using var canvas = Pixels.Render(new AcrobotScene(), Obs(0, 1, 1, 0, 0, 0), W, H);
        var (lx, ly) = Pixels.Centroid(Pixels.Find(canvas, Palette.AverageCurve, 10));
        Assert.InRange(lx - jx, scale * 0.8, scale * 1.2);
        Assert.InRange(ly - jy, -3, 3);
    }

    [Fact]
    public void Pendulum_stands_up_at_zero_and_turns_counter_clockwise()
    {
        (double X, double Y) Rod(float theta)
        {
            using var canvas = Pixels.Render(new PendulumScene(), Obs(MathF.Cos(theta), MathF.Sin(theta), 0), W, H);
            return Pixels.Centroid(Pixels.Find(canvas, Palette.Agent, 10));
        }
        var (ax, ay, _, _, _) = PendulumScene.Geometry(Area, [1, 0, 0]);
        var up = Rod(0);
        var left = Rod(MathF.PI / 2);
        Assert.InRange(up.X, ax - 1, ax + 1);
        Assert.True(up.Y < ay - 30, "θ = 0 is upright");
        Assert.True(left.X < ax - 30, "θ = π/2 points left");
        Assert.InRange(left.Y, ay - 2, ay + 2);
    }

    [Fact]
    public void The_catalog_picks_a_scene_per_env_id()
    {
        Assert.IsType<CartPoleScene>(SceneCatalog.For("CartPole-v1", false));
        Assert.IsType<MountainCarScene>(SceneCatalog.For("MountainCarContinuous-v0", false));
        Assert.IsType<AcrobotScene>(SceneCatalog.For("Acrobot-v1", false));
        Assert.IsType<PendulumScene>(SceneCatalog.For("Pendulum-v1", false));
        Assert.IsType<ObservationScene>(SceneCatalog.For("Unknown-v0", false));
    }
}
