using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Spaces;
using Xunit;

namespace RlGym.Envs.ClassicControl.Tests.Common;

/// <summary>
/// An environment saved in the middle of an episode and restored into a fresh copy steps exactly as the original:
/// what lets a run stopped at any moment resume exactly.
/// </summary>
public sealed class StateRoundTripTests
{
    public static TheoryData<string> Ids() => [.. Registry.Create().Specs.Select(s => s.Id).Order()];

    [Theory]
    [MemberData(nameof(Ids))]
    public void A_restored_copy_continues_exactly_like_the_original(string id)
    {
        var registry = Registry.Create();
        foreach (int stopAt in new[] { 0, 3, 17 })
        {
            using var original = registry.Make(id);
            using var restored = registry.Make(id);
            Assert.True(EnvState.CanSave(original), $"{id} cannot save its state");
            var actions = new Rng(11);
            original.ResetBoxed(seed: 5);
            for (int t = 0; t < stopAt; t++)
            {
                var r = original.StepBoxed(Sample(original, actions));
                if (r.Terminated || r.Truncated) original.ResetBoxed();
            }
            EnvState.Restore(restored, EnvState.Save(original));
            var forOriginal = new Rng(23);
            var forRestored = new Rng(23);
            for (int t = 0; t < 300; t++)
            {
                var x = original.StepBoxed(Sample(original, forOriginal));
                var y = restored.StepBoxed(Sample(restored, forRestored));
                Assert.Equal(Text(x.Observation), Text(y.Observation));
                Assert.Equal(x.Reward, y.Reward);
                Assert.Equal(x.Terminated, y.Terminated);
                Assert.Equal(x.Truncated, y.Truncated);
                // The generator carries over too: the next reset without a seed must agree.
                if (x.Terminated || x.Truncated)
                    Assert.Equal(Text(original.ResetBoxed().Observation), Text(restored.ResetBoxed().Observation));
            }
        }
    }

    private static object Sample(IEnv env, Rng rng)
    {
        switch (env.ActionSpace)
        {
            case Discrete d:
                int a = d.Start + rng.NextInt(d.N);
                return a;
            case Box b:
                var action = new float[b.Size];
                for (int i = 0; i < action.Length; i++)
                    action[i] = (float)rng.Uniform(Math.Max(b.Low[i], -1f), Math.Min(b.High[i], 1f));
                return action;
            default:
                throw new NotSupportedException(env.ActionSpace.ToString());
        }
    }

    private static string Text(object observation) =>
        observation is float[] f ? string.Join(",", f.Select(v => v.ToString("R"))) : observation.ToString()!;
}
