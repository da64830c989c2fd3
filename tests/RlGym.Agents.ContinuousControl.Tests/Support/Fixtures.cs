using RlGym.Core.Agents;
using RlGym.Core.Spaces;
using RlGym.Neural.Checking;
using RlGym.Neural.Networks;

namespace RlGym.Agents.ContinuousControl.Tests.Support;

internal static class Fixtures
{
    public static ActionBounds Torque() => new(new Box(-2f, 2f, 1));

    public static void Set(Sequential net, params double[][] values)
    {
        for (int p = 0; p < values.Length; p++) values[p].CopyTo(net.Parameters[p].Values);
    }

    public static Transition<float[], float[]> Step(float[] s, float a, double r, float[] next, bool terminated = false) =>
        new(s, [a], r, next, terminated, false);

    public static MemoryStream Saved(IAgent agent)
    {
        var stream = new MemoryStream();
        agent.Save(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// Checks the gradient a training step leaves in <paramref name="network"/>'s parameters against central differences
    /// of <paramref name="loss"/>, each evaluated by reloading <paramref name="snapshot"/> into <paramref name="agent"/>,
    /// writing the perturbed parameter and repeating the step (learning rates are 0, so only the gradient is measured;
    /// the generator is restored with the snapshot, so every evaluation draws the same noise).
    /// </summary>
    public static GradientCheckResult CheckStep(IAgent agent, MemoryStream snapshot, Func<Sequential> network, Action step, Func<double> loss)
    {
        snapshot.Position = 0;
        agent.Load(snapshot);
        step();
        var analytic = network().Parameters.Select(p => p.Gradients.ToArray()).ToArray();
        var result = new GradientCheckResult(0, "none");
        for (int p = 0; p < analytic.Length; p++)
        {
            snapshot.Position = 0;
            agent.Load(snapshot);
            var x = network().Parameters[p].Values.ToArray();
            int index = p;
            double F()
            {
                snapshot.Position = 0;
                agent.Load(snapshot);
                x.CopyTo(network().Parameters[index].Values);
                step();
                return loss();
            }
            result = result.Max(GradientCheck.Compare(F, x, analytic[p], $"parameter {p}"));
        }
        return result;
    }
}
