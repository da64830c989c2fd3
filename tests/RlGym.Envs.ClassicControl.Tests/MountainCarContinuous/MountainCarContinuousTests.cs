using System.Text.Json;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Envs.ClassicControl.Tests.Common;

namespace RlGym.Envs.ClassicControl.Tests.MountainCarContinuous;

/// <summary>
/// MountainCarContinuous-v0 against Gymnasium. The recorded file holds trajectories of Gymnasium's
/// continuous_mountain_car.py (commit 3f0476a, 2026-08-19) under NumPy with NEP 50 promotion (NumPy 2's rules): eight
/// cases from recorded float64 starting states with recorded float32 actions (random forces, forces beyond ±1, the
/// left wall, the speed limit, the right edge, goal_velocity 0.02 and 0.1, episodes ending at the flag). Every state,
/// observation, reward and termination must agree to the bit. The file holds numbers only.
/// </summary>
public sealed class MountainCarContinuousTests
{
    private sealed record Step(double Action, double[] State, double[] Observation, double Reward, bool Terminated);

    private sealed record Case(Dictionary<string, string> Options, double[] Start, Step[] Steps);

    private static readonly Case[] Cases = JsonSerializer.Deserialize<Case[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "MountainCarContinuous", "gymnasium-mountain-car-continuous.json")),
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    public static TheoryData<int> CaseIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.Length; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void The_recording_reaches_the_flag_the_wall_the_edge_and_the_speed_limit()
    {
        var steps = Cases.SelectMany(c => c.Steps).ToArray();
        Assert.Equal(8, Cases.Length);
        Assert.Equal(5, Cases.Count(c => c.Steps[^1].Terminated));
        Assert.Contains(steps, s => s.State[0] == (float)-1.2);
        Assert.Contains(steps, s => s.State[0] == (float)0.6);
        Assert.Contains(steps, s => s.State[1] == (float)0.07);
        Assert.Contains(steps, s => Math.Abs(s.Action) > 1);
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Replaying_gymnasium_s_actions_reproduces_its_trajectory_to_the_bit(int index)
    {
        var c = Cases[index];
        using var env = Registry.Create().Make("MountainCarContinuous-v0", new EnvOptions(c.Options));
        env.ResetBoxed(0);
        var car = (MountainCarContinuousEnv)env.Unwrapped;
        car.State = new MountainCarState(c.Start[0], c.Start[1]);
        for (int t = 0; t < c.Steps.Length; t++)
        {
            var want = c.Steps[t];
            var r = env.StepBoxed(new[] { (float)want.Action });
            Assert.Equal(want.State, new[] { car.State.Position, car.State.Velocity });
            Assert.Equal(want.Observation, ((float[])r.Observation).Select(x => (double)x));
            Assert.Equal(want.Reward, r.Reward);
            Assert.Equal(want.Terminated, r.Terminated);
        }
    }

    // Gymnasium's equations in plain float64, for starting states away from the clips: the float32 rounding of the
    // state is the only difference, so one step agrees to float32's precision.
    [Theory]
    [InlineData(-0.5, 0.0, 0.7f)]
    [InlineData(-0.3, 0.02, -1.0f)]
    [InlineData(0.1, -0.01, 3.0f)]
    public void One_step_follows_the_published_equations(double position, double velocity, float action)
    {
        var env = new MountainCarContinuousEnv();
        env.Reset(1);
        env.State = new MountainCarState(position, velocity);
        double force = Math.Clamp(action, -1.0, 1.0);
        double v = velocity + force * 0.0015 - 0.0025 * Math.Cos(3 * position);
        double p = position + v;
        var r = env.Step([action]);
        Assert.Equal(p, env.State.Position, 1e-7);
        Assert.Equal(v, env.State.Velocity, 1e-7);
        Assert.Equal(-0.1 * action * action, r.Reward, 1e-6);
        Assert.False(r.Terminated);
    }

    [Fact]
    public void Spaces_limits_and_threshold_are_gymnasium_s()
    {
        var registry = Registry.Create();
        var spec = registry.Spec("MountainCarContinuous-v0");
        Assert.Equal(999, spec.MaxEpisodeSteps);
        Assert.Equal(90.0, spec.RewardThreshold);
        using var env = registry.Make("MountainCarContinuous-v0");
        var actions = Assert.IsType<Box>(env.ActionSpace);
        Assert.Equal([-1f], actions.Low.ToArray());
        Assert.Equal([1f], actions.High.ToArray());
        var observations = Assert.IsType<Box>(env.ObservationSpace);
        Assert.Equal([-1.2f, -0.07f], observations.Low.ToArray());
        Assert.Equal([0.6f, 0.07f], observations.High.ToArray());
    }

    [Fact]
    public void Reset_draws_the_position_in_its_interval_with_zero_velocity()
    {
        var env = new MountainCarContinuousEnv();
        for (long seed = 0; seed < 50; seed++)
        {
            var o = env.Reset(seed).Observation;
            Assert.InRange(o[0], -0.6f, -0.4f);
            Assert.Equal(0f, o[1]);
        }
        var narrow = env.Reset(3, Registry.Options(("low", "-0.3"), ("high", "-0.2"))).Observation;
        Assert.InRange(narrow[0], -0.3f, -0.2f);
    }

    [Fact]
    public void A_wrong_length_or_nan_action_is_refused()
    {
        var env = new MountainCarContinuousEnv();
        env.Reset(0);
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([0f, 1f]));
        Assert.Throws<ArgumentOutOfRangeException>(() => env.Step([float.NaN]));
    }

    [Fact]
    public void Written_state_restores_the_trajectory_and_the_generator()
    {
        var env = new MountainCarContinuousEnv();
        env.Reset(5);
        var rng = new Rng(2);
        for (int t = 0; t < 30; t++) env.Step([(float)rng.Uniform(-1, 1)]);
        using var saved = new MemoryStream();
        using (var w = new BinaryWriter(saved, System.Text.Encoding.UTF8, leaveOpen: true)) env.WriteState(w);

        var actions = Enumerable.Range(0, 50).Select(_ => (float)rng.Uniform(-1.5, 1.5)).ToArray();
        var first = actions.Select(a => env.Step([a]).Observation.ToArray()).ToArray();
        var reset1 = env.Reset().Observation.ToArray();

        var copy = new MountainCarContinuousEnv();
        saved.Position = 0;
        using (var r = new BinaryReader(saved)) copy.ReadState(r);
        var second = actions.Select(a => copy.Step([a]).Observation.ToArray()).ToArray();
        Assert.Equal(first, second);
        Assert.Equal(reset1, copy.Reset().Observation);
    }
}
