using System.Text.Json;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Envs.ClassicControl.Tests.Common;

namespace RlGym.Envs.ClassicControl.Tests.Gymnasium;

/// <summary>
/// Trajectories recorded from Gymnasium itself: its classic_control sources (v1.3.0-73; their dynamics are unchanged since 1.0.0) run under
/// NumPy with NEP 50 promotion (NumPy 2's rules) and NumPy's AVX-512 sin/cos turned off, so that NumPy, like .NET,
/// calls the C library's sin, cos and pow. Each case starts from a recorded float64 state (set through
/// <c>State</c>, since the two generators differ) and replays the recorded actions; every float64 state, float32
/// observation, reward and termination flag must agree to the bit. The file holds numbers only.
/// </summary>
public sealed class GymnasiumTrajectoryTests
{
    private sealed record Step(JsonElement Action, double[] State, double[]? Observation, double Reward, bool Terminated);

    private sealed record Case(string Id, Dictionary<string, string> Options, double[] Start, Step[] Steps);

    private static readonly Case[] Cases = JsonSerializer.Deserialize<Case[]>(
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Gymnasium", "gymnasium-trajectories.json")),
        new JsonSerializerOptions { PropertyNameCaseInsensitive = true })!;

    public static TheoryData<int> CaseIndices()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.Length; i++) data.Add(i);
        return data;
    }

    [Fact]
    public void The_recording_covers_every_env_terminations_and_both_integrators()
    {
        Assert.Equal(10, Cases.Length);
        Assert.Equal(["Acrobot-v1", "CartPole-v1", "MountainCar-v0", "Pendulum-v1"], Cases.Select(c => c.Id).Distinct().Order());
        Assert.Equal(5, Cases.Count(c => c.Steps[^1].Terminated));
        Assert.Contains(Cases, c => c.Options.ContainsKey("kinematics_integrator"));
        Assert.Contains(Cases, c => c.Options.ContainsKey("sutton_barto_reward"));
    }

    [Theory]
    [MemberData(nameof(CaseIndices))]
    public void Replaying_gymnasium_s_actions_reproduces_its_trajectory_to_the_bit(int index)
    {
        var c = Cases[index];
        using var env = Registry.Create().Make(c.Id, new EnvOptions(c.Options));
        env.ResetBoxed(0);
        var s = c.Start;
        Func<double[]> state;
        switch (env.Unwrapped)
        {
            case CartPoleEnv cp:
                cp.State = new CartPoleState(s[0], s[1], s[2], s[3]);
                state = () => [cp.State.X, cp.State.XDot, cp.State.Theta, cp.State.ThetaDot];
                break;
            case MountainCarEnv mc:
                mc.State = new MountainCarState(s[0], s[1]);
                state = () => [mc.State.Position, mc.State.Velocity];
                break;
            case AcrobotEnv ac:
                ac.State = new AcrobotState(s[0], s[1], s[2], s[3]);
                state = () => [ac.State.Theta1, ac.State.Theta2, ac.State.Theta1Dot, ac.State.Theta2Dot];
                break;
            case PendulumEnv pe:
                pe.State = new PendulumState(s[0], s[1]);
                state = () => [pe.State.Theta, pe.State.ThetaDot];
                break;
            default:
                throw new InvalidOperationException(c.Id);
        }

        for (int t = 0; t < c.Steps.Length; t++)
        {
            var want = c.Steps[t];
            object action = c.Id == "Pendulum-v1" ? new[] { (float)want.Action.GetDouble() } : want.Action.GetInt32();
            var r = env.StepBoxed(action);
            var observation = (float[])r.Observation;

            Assert.Equal(want.State, state());
            float[] wantObservation = (want.Observation ?? want.State).Select(v => (float)v).ToArray();
            Assert.Equal(wantObservation, observation);
            Assert.Equal(want.Reward, r.Reward);
            Assert.Equal(want.Terminated, r.Terminated);
        }
    }
}
