using System.Diagnostics;
using RlGym.Core.Settings;
using Xunit.Abstractions;

namespace RlGym.Agents.ValueBased.Tests;

/// <summary>Hand measurements of DQN on CartPole-v1 (Slow): steps to solve, written to the test output and /tmp/dqn-measure.txt.</summary>
public sealed class ClassicControlMeasurements(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    [InlineData(9)]
    [InlineData(10)]
    public void Measure_cartpole_steps_to_solve(long seed)
    {
        // DQN_SEEDS limits the seeds ("1,2"); DQN_SET overrides options as the CLI's --set does ("alpha=1e-3;n=3").
        if (Environment.GetEnvironmentVariable("DQN_SEEDS") is { } seeds && !seeds.Split(',').Contains(seed.ToString())) return;
        var settings = (Environment.GetEnvironmentVariable("DQN_SET") ?? "")
            .Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]);
        var options = SettingsBinder.Bind(new DqnOptions(), settings);
        var sw = Stopwatch.StartNew();
        long? steps = Solving.Dqn("CartPole-v1", options, seed, 100_000);
        string line = $"[{Environment.GetEnvironmentVariable("DQN_SET")}] seed {seed}: solved at {steps?.ToString() ?? "never"} in {sw.Elapsed.TotalSeconds:F0} s";
        output.WriteLine(line);
        File.AppendAllText("/tmp/dqn-measure.txt", line + "\n");
    }
}
