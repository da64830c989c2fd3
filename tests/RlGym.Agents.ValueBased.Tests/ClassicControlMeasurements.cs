using System.Diagnostics;
using Xunit.Abstractions;

namespace RlGym.Agents.ValueBased.Tests;

public sealed class ClassicControlMeasurements(ITestOutputHelper output)
{
    [Theory]
    [Trait("Category", "Measure")]
    [InlineData("CartPole-v1", 100_000, 1)]
    [InlineData("CartPole-v1", 100_000, 2)]
    [InlineData("CartPole-v1", 100_000, 3)]
    [InlineData("CartPole-v1", 100_000, 4)]
    [InlineData("CartPole-v1", 100_000, 5)]
    public void Measure_cartpole(string id, long steps, long seed)
    {
        var sw = Stopwatch.StartNew();
        double mean = Episodes.TrainAndEvaluate(id, new DqnOptions(), steps, seed);
        string line = $"{id} seed {seed}: greedy mean {mean:F1} after {steps} steps, {steps / sw.Elapsed.TotalSeconds:F0} steps/s";
        output.WriteLine(line);
        File.AppendAllText("/tmp/dqn-measure.txt", line + "\n");
    }
}
