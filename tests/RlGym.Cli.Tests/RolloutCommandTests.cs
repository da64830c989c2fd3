using System.Globalization;
using System.Text.Json;
using RlGym.Cli.Tests.TestPackage;
using RlGym.Core.Registration;

namespace RlGym.Cli.Tests;

public sealed class RolloutCommandTests
{
    private static JsonElement[] Parse(CliRun.Result r)
    {
        Assert.True(r.ExitCode == 0, r.Error);
        return r.Lines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToArray();
    }

    private static string[] Names(JsonElement e) => e.EnumerateObject().Select(p => p.Name).ToArray();

    [Fact]
    public void Reset_and_step_lines_have_gymnasiums_fields_in_order()
    {
        var lines = Parse(CliRun.Run("rollout", "Corridor-v0", "--actions", "1,1"));
        Assert.Equal(3, lines.Length);
        Assert.Equal(["episode", "step", "observation", "info"], Names(lines[0]));
        Assert.Equal(["episode", "step", "action", "observation", "reward", "terminated", "truncated"], Names(lines[1]));
        Assert.Equal("""{"episode":0,"step":0,"observation":0,"info":{}}""", CliRun.Run("rollout", "Corridor-v0", "--actions", "1").Lines[0]);
        Assert.Equal("""{"episode":0,"step":1,"action":1,"observation":1,"reward":0,"terminated":false,"truncated":false}""",
            CliRun.Run("rollout", "Corridor-v0", "--actions", "1").Lines[1]);
    }

    [Fact]
    public void Discrete_observations_print_as_ints_and_box_observations_as_lists()
    {
        var corridor = Parse(CliRun.Run("rollout", "Corridor-v0", "--actions", "1"));
        Assert.Equal(JsonValueKind.Number, corridor[1].GetProperty("observation").ValueKind);
        var drift = Parse(CliRun.Run("rollout", "Drift-v0", "--seed", "1", "--actions", "2"));
        Assert.Equal(JsonValueKind.Array, drift[1].GetProperty("observation").ValueKind);
        Assert.Equal(2, drift[1].GetProperty("observation").GetArrayLength());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    [InlineData(123456789)]
    public void Observations_and_rewards_round_trip_exactly(long seed)
    {
        var r = CliRun.Run("rollout", "Drift-v0", "--seed", seed.ToString(CultureInfo.InvariantCulture), "--actions", "0,1,2,2,0");
        Assert.Equal(0, r.ExitCode);

        using var env = new DriftEnv();
        var expected = new List<(float[] Obs, double? Reward)> { (env.Reset(seed).Observation.ToArray(), null) };
        foreach (var a in new[] { 0, 1, 2, 2, 0 })
        {
            var s = env.Step(a);
            expected.Add((s.Observation.ToArray(), s.Reward));
        }

        for (int i = 0; i < expected.Count; i++)
        {
            using var doc = JsonDocument.Parse(r.Lines[i]);
            var obs = doc.RootElement.GetProperty("observation").EnumerateArray().ToArray();
            for (int j = 0; j < 2; j++)
            {
                // The text is the shortest float32 round-trip form, and it reads back to the same bits.
                Assert.Equal(expected[i].Obs[j].ToString("R", CultureInfo.InvariantCulture), obs[j].GetRawText());
                Assert.Equal(BitConverter.SingleToInt32Bits(expected[i].Obs[j]),
                    BitConverter.SingleToInt32Bits(float.Parse(obs[j].GetRawText(), CultureInfo.InvariantCulture)));
            }
            if (expected[i].Reward is { } reward)
                Assert.Equal(BitConverter.DoubleToInt64Bits(reward), BitConverter.DoubleToInt64Bits(doc.RootElement.GetProperty("reward").GetDouble()));
        }
    }

    [Fact]
    public void Same_seed_reproduces_the_rollout_and_another_seed_does_not()
    {
        string[] Args(string seed) => ["rollout", "Drift-v0", "--seed", seed, "--policy", "random", "--episodes", "2"];
        var a = CliRun.Run(Args("42"));
        var b = CliRun.Run(Args("42"));
        var c = CliRun.Run(Args("43"));
        Assert.Equal(0, a.ExitCode);
        Assert.Equal(a.Out, b.Out);
        Assert.NotEqual(a.Out, c.Out);
    }

    [Fact]
    public void Later_episodes_continue_the_seeded_stream_as_in_gymnasium()
    {
        var lines = Parse(CliRun.Run("rollout", "Drift-v0", "--seed", "5", "--episodes", "3", "--actions", "1,1"));
        var resets = lines.Where(l => l.GetProperty("step").GetInt32() == 0).Select(l => l.GetProperty("observation").GetRawText()).ToArray();
        Assert.Equal(3, resets.Length);

        var registry = new EnvRegistry().Add(new TestEnvironments());
        using var env = registry.Make("Drift-v0");
        var expected = new List<string>();
        for (int episode = 0; episode < 3; episode++)
        {
            var reset = episode == 0 ? env.ResetBoxed(5) : env.ResetBoxed();
            expected.Add(JsonSerializer.Serialize((float[])reset.Observation).Replace(" ", ""));
            env.StepBoxed(1);
            env.StepBoxed(1);
        }
        Assert.Equal(expected.Select(Normalize), resets.Select(Normalize));
        Assert.NotEqual(resets[0], resets[1]);
        Assert.NotEqual(resets[1], resets[2]);
    }

    private static string Normalize(string jsonArray) =>
        string.Join(",", JsonDocument.Parse(jsonArray).RootElement.EnumerateArray().Select(e => float.Parse(e.GetRawText(), CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture)));

    [Fact]
    public void Actions_replay_from_the_start_of_every_episode_and_stop_at_the_end_of_the_list()
    {
        var lines = Parse(CliRun.Run("rollout", "Corridor-v0", "--actions", "1,1,0", "--episodes", "2"));
        Assert.Equal(8, lines.Length);
        foreach (int episode in new[] { 0, 1 })
        {
            var steps = lines.Where(l => l.GetProperty("episode").GetInt32() == episode).ToArray();
            Assert.Equal([0, 1, 2, 3], steps.Select(s => s.GetProperty("step").GetInt32()));
            Assert.Equal([1, 1, 0], steps.Skip(1).Select(s => s.GetProperty("action").GetInt32()));
            Assert.Equal([0, 1, 2, 1], steps.Select(s => s.GetProperty("observation").GetInt32()));
        }
    }

    [Fact]
    public void Actions_stop_where_the_episode_ends()
    {
        var lines = Parse(CliRun.Run("rollout", "Corridor-v0", "-o", "length=3", "--actions", "1,1,1,1", "--episodes", "2"));
        Assert.Equal(6, lines.Length);
        Assert.True(lines[2].GetProperty("terminated").GetBoolean());
        Assert.Equal(1, lines[2].GetProperty("reward").GetDouble());
        Assert.Equal(0, lines[3].GetProperty("step").GetInt32());
    }

    [Fact]
    public void Max_steps_truncates_each_episode()
    {
        var lines = Parse(CliRun.Run("rollout", "Corridor-v0", "--actions", "0,0,0,0,0", "--max-steps", "2"));
        Assert.Equal(3, lines.Length);
        Assert.True(lines[2].GetProperty("truncated").GetBoolean());
        Assert.False(lines[2].GetProperty("terminated").GetBoolean());
    }

    [Fact]
    public void Environment_time_limit_truncates_a_random_rollout()
    {
        var lines = Parse(CliRun.Run("rollout", "Drift-v0", "--seed", "0"));
        Assert.Equal(11, lines.Length);
        Assert.True(lines[^1].GetProperty("truncated").GetBoolean());
    }

    [Theory]
    [InlineData("0,2")]
    [InlineData("0,-1")]
    [InlineData("0,1.5")]
    public void Out_of_range_action_exits_2_naming_the_allowed_range(string actions)
    {
        var r = CliRun.Run("rollout", "Corridor-v0", "--actions", actions);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("0 to 1", r.Error);
        Assert.Equal("", r.Out);
    }

    [Fact]
    public void Env_options_reach_the_environment()
    {
        var lines = Parse(CliRun.Run("rollout", "Corridor-v0", "-o", "length=2", "--actions", "1"));
        Assert.True(lines[1].GetProperty("terminated").GetBoolean());
    }
}
