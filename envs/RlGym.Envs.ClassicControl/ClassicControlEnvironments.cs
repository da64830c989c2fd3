using RlGym.Core.Registration;

namespace RlGym.Envs.ClassicControl;

/// <summary>
/// Registers Gymnasium's classic-control environments with their time limits, reward thresholds and options:
/// <c>CartPole-v0</c>, <c>CartPole-v1</c>, <c>MountainCar-v0</c>, <c>MountainCarContinuous-v0</c>, <c>Acrobot-v1</c>, <c>Pendulum-v1</c>.
/// </summary>
public sealed class ClassicControlEnvironments : IEnvPackage
{
    /// <summary>The family name the renderer picks scenes by.</summary>
    public const string Family = "classic-control";

    private static readonly EnvOptionInfo SuttonBartoReward =
        new("sutton_barto_reward", "false", "reward 0 per step and -1 on failure instead of +1 per step");

    private static readonly EnvOptionInfo Integrator =
        new("kinematics_integrator", "euler", "euler or semi-implicit-euler");

    /// <inheritdoc />
    public void Register(EnvRegistry registry)
    {
        registry.Register(CartPole("CartPole-v0", 200, 195.0));
        registry.Register(CartPole("CartPole-v1", 500, 475.0));

        registry.Register(new EnvSpec
        {
            Id = "MountainCar-v0",
            Factory = o => new MountainCarEnv(o.GetDouble("goal_velocity", 0.0)),
            VectorFactory = (o, settings) => new MountainCarVectorEnv(settings, o.GetDouble("goal_velocity", 0.0)),
            MaxEpisodeSteps = 200,
            RewardThreshold = -110.0,
            Options = [new("goal_velocity", "0", "least velocity at the flag that ends the episode")],
            Description = "Drive an underpowered car up the right hill by rocking it back and forth",
            Family = Family,
        });

        registry.Register(new EnvSpec
        {
            Id = "MountainCarContinuous-v0",
            Factory = o => new MountainCarContinuousEnv(o.GetDouble("goal_velocity", 0.0)),
            MaxEpisodeSteps = 999,
            RewardThreshold = 90.0,
            Options = [new("goal_velocity", "0", "least velocity at the flag that ends the episode")],
            Description = "Drive an underpowered car up the right hill with a continuous engine whose force costs reward",
            Family = Family,
        });

        registry.Register(new EnvSpec
        {
            Id = "Acrobot-v1",
            Factory = _ => new AcrobotEnv(),
            MaxEpisodeSteps = 500,
            RewardThreshold = -100.0,
            Description = "Swing the free end of a two-link chain above a line by torquing the middle joint",
            Family = Family,
        });

        registry.Register(new EnvSpec
        {
            Id = "Pendulum-v1",
            Factory = o => new PendulumEnv(o.GetDouble("g", 10.0)),
            VectorFactory = (o, settings) => new PendulumVectorEnv(settings, o.GetDouble("g", 10.0)),
            MaxEpisodeSteps = 200,
            Options = [new("g", "10.0", "gravitational acceleration (m/s^2)")],
            Description = "Swing a pendulum upright and hold it there with a limited torque (continuous action)",
            Family = Family,
        });
    }

    private static EnvSpec CartPole(string id, int maxSteps, double threshold) => new()
    {
        Id = id,
        Factory = o => new CartPoleEnv(o.GetBool("sutton_barto_reward", false), CartPoleIntegrator(o)),
        VectorFactory = (o, settings) => new CartPoleVectorEnv(settings, o.GetBool("sutton_barto_reward", false), CartPoleIntegrator(o)),
        MaxEpisodeSteps = maxSteps,
        RewardThreshold = threshold,
        Options = [SuttonBartoReward, Integrator],
        Description = "Balance a pole on a cart by pushing the cart left or right",
        Family = Family,
    };

    private static KinematicsIntegrator CartPoleIntegrator(EnvOptions o) =>
        o.GetChoice("kinematics_integrator", "euler", "euler", "semi-implicit-euler", "semi-implicit euler") == "euler"
            ? KinematicsIntegrator.Euler
            : KinematicsIntegrator.SemiImplicitEuler;
}
