using System.Diagnostics;
using Xunit.Abstractions;

namespace RlGym.Agents.ValueBased.Tests;

public sealed class ClassicControlMeasurements(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Slow")]
    [InlineData("CartPole-v1", 100_000, 1)]
    [InlineData("CartPole-v1", 100_000, 2)]
    [InlineData("CartPole-v1", 100_000, 3)]
    [InlineData("CartPole-v1", 100_000, 4)]
    [InlineData("CartPole-v1", 100_000, 5)]
    public void Measure_cartpole(string id, long steps, long seed)
    {
        // DQN_STEPS and DQN_LR override the budget and the step size when measuring by hand.
        if (Environment.GetEnvironmentVariable("DQN_STEPS") is { } s) steps = long.Parse(s);
        var options = new DqnOptions();
        if (Environment.GetEnvironmentVariable("DQN_LR") is { } lr) options = options with { LearningRate = double.Parse(lr) };
        var sw = Stopwatch.StartNew();
        double mean = Episodes.TrainAndEvaluate(id, options, steps, seed);
        string line = $"{id} seed {seed}: greedy mean {mean:F1} after {steps} steps, {steps / sw.Elapsed.TotalSeconds:F0} steps/s (lr {options.LearningRate})";
        output.WriteLine(line);
        File.AppendAllText("/tmp/dqn-measure.txt", line + "\n");
    }
}
