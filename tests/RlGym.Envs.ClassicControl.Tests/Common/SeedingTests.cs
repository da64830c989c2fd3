using RlGym.Core.Environments;

namespace RlGym.Envs.ClassicControl.Tests.Common;

public sealed class SeedingTests
{
    public static TheoryData<string> Ids() => new("CartPole-v1", "CartPole-v0", "MountainCar-v0", "Acrobot-v1", "Pendulum-v1");

    private static List<double> Run(string id, long seed, int steps)
    {
        using var env = Registry.Create().Make(id);
        env.ActionSpace.Seed(seed);
        var trace = new List<double>(env.ObservationSpace.ToNumbers(env.ResetBoxed(seed).Observation));
        for (int t = 0; t < steps; t++)
        {
            var r = env.StepBoxed(env.ActionSpace.SampleBoxed());
            trace.AddRange(env.ObservationSpace.ToNumbers(r.Observation));
            trace.Add(r.Reward);
            if (r.Done) trace.AddRange(env.ObservationSpace.ToNumbers(env.ResetBoxed().Observation));
        }
        return trace;
    }

    private static double[] FirstObservation(IEnv env, long? seed) => env.ObservationSpace.ToNumbers(env.ResetBoxed(seed).Observation);

    [Theory]
    [MemberData(nameof(Ids))]
    public void The_same_seed_gives_the_same_trajectory_across_episodes(string id)
    {
        Assert.Equal(Run(id, 17, 600), Run(id, 17, 600));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Reset_without_a_seed_continues_the_seeded_stream(string id)
    {
        using var a = Registry.Create().Make(id);
        using var b = Registry.Create().Make(id);
        var first = FirstObservation(a, 5);
        var secondA = FirstObservation(a, null);
        FirstObservation(b, 5);
        var secondB = FirstObservation(b, null);
        Assert.Equal(secondA, secondB);
        Assert.NotEqual(first, secondA);
        Assert.Equal(first, FirstObservation(a, 5));
    }

    [Theory]
    [MemberData(nameof(Ids))]
    public void Another_seed_gives_another_start(string id)
    {
        using var env = Registry.Create().Make(id);
        Assert.NotEqual(FirstObservation(env, 5), FirstObservation(env, 6));
    }
}
