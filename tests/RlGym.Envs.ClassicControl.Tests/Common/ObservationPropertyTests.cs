using FsCheck.Xunit;
using RlGym.Core.Environments;

namespace RlGym.Envs.ClassicControl.Tests.Common;

/// <summary>
/// Random action sequences from any seed keep every observation finite and inside the observation space: Gymnasium
/// bounds CartPole's observation at twice the termination thresholds so that even the failing step is inside, and
/// clips or wraps everything the others report.
/// </summary>
public sealed class ObservationPropertyTests
{
    private static bool Inside(IEnv<float[], int> env, float[] o) =>
        Array.TrueForAll(o, float.IsFinite) && env.ObservationSpace.Contains(o);

    private static bool DiscreteEpisodesStayInside(IEnv<float[], int> env, int seed, byte[] actions, int n)
    {
        if (!Inside(env, env.Reset(seed).Observation)) return false;
        foreach (var b in actions)
        {
            var r = env.Step(b % n);
            if (!Inside(env, r.Observation)) return false;
            if (r.Done && !Inside(env, env.Reset().Observation)) return false;
        }
        return true;
    }

    [Property(MaxTest = 60)]
    public bool CartPole_observations_stay_inside_the_box_up_to_termination(int seed, byte[] actions) =>
        DiscreteEpisodesStayInside(Registry.Create().Make<float[], int>("CartPole-v1"), seed, actions, 2);

    [Property(MaxTest = 60)]
    public bool MountainCar_observations_stay_inside_the_box(int seed, byte[] actions) =>
        DiscreteEpisodesStayInside(Registry.Create().Make<float[], int>("MountainCar-v0"), seed, actions, 3);

    [Property(MaxTest = 60)]
    public bool Acrobot_observations_stay_inside_the_box(int seed, byte[] actions) =>
        DiscreteEpisodesStayInside(Registry.Create().Make<float[], int>("Acrobot-v1"), seed, actions, 3);

    [Property(MaxTest = 60)]
    public bool Pendulum_observations_stay_inside_the_box_for_any_torque(int seed, int[] torques)
    {
        var env = Registry.Create().Make<float[], float[]>("Pendulum-v1");
        bool Ok(float[] o) => Array.TrueForAll(o, float.IsFinite) && env.ObservationSpace.Contains(o);
        if (!Ok(env.Reset(seed).Observation)) return false;
        var action = new float[1];
        foreach (var k in torques)
        {
            // Torques in [-50, 50], most beyond the ±2 the env clips to.
            action[0] = k % 5001 / 100f;
            var r = env.Step(action);
            if (!Ok(r.Observation) || double.IsNaN(r.Reward) || r.Reward > 0 || r.Reward < -16.2736045) return false;
            if (r.Done && !Ok(env.Reset().Observation)) return false;
        }
        return true;
    }

    [Property(MaxTest = 30)]
    public bool Long_random_episodes_stay_inside_for_every_discrete_env(int seed)
    {
        var rng = new RlGym.Core.Random.Rng(seed);
        var actions = new byte[1500];
        for (int i = 0; i < actions.Length; i++) actions[i] = (byte)rng.NextInt(6);
        var registry = Registry.Create();
        return DiscreteEpisodesStayInside(registry.Make<float[], int>("CartPole-v1"), seed, actions, 2)
               && DiscreteEpisodesStayInside(registry.Make<float[], int>("MountainCar-v0"), seed, actions, 3)
               && DiscreteEpisodesStayInside(registry.Make<float[], int>("Acrobot-v1"), seed, actions, 3);
    }
}
