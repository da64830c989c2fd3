using FsCheck.Xunit;
using RlGym.Envs.ToyText.Tabular;
using RlGym.Envs.ToyText.Tests.Support;

namespace RlGym.Envs.ToyText.Tests.Registration;

public sealed class ObservationProperties
{
    private static readonly string[] s_ids =
    [
        "FrozenLake-v1", "FrozenLake8x8-v1", "CliffWalkingSlippery-v1", "Taxi-v3", "GridWorld-v0",
        "WindyGridworld-v0", "RandomWalk-v0", "MaximizationBias-v0", "ShortCorridor-v0",
    ];

    private static readonly Lazy<TabularEnv[]> s_envs = new(() =>
    {
        var registry = ToyTextRegistry.Create();
        return s_ids.Select(id => (TabularEnv)registry.Make(id).Unwrapped).ToArray();
    });

    [Property(MaxTest = 300)]
    public bool Random_action_sequences_keep_observations_in_the_observation_space(int which, int[] actions, long seed)
    {
        var env = s_envs.Value[(int)((uint)which % (uint)s_ids.Length)];
        int obs = env.Reset(seed).Observation;
        if (!env.ObservationSpace.Contains(obs)) return false;
        foreach (var raw in actions ?? [])
        {
            int a = (int)((uint)raw % (uint)env.ActionCount);
            if (!env.IsValidAction(env.CurrentState, a)) a = 0;
            var r = env.Step(a);
            if (!env.ObservationSpace.Contains(r.Observation) || !double.IsFinite(r.Reward)) return false;
            if (r.Terminated && !env.IsTerminal(r.Observation)) return false;
            if (r.Done) env.Reset();
        }
        return true;
    }
}
