using RlGym.Core.Errors;

namespace RlGym.Envs.ClassicControl.Tests.Common;

public sealed class RegistrationTests
{
    [Theory]
    [InlineData("CartPole-v0", 200, 195.0, typeof(CartPoleEnv))]
    [InlineData("CartPole-v1", 500, 475.0, typeof(CartPoleEnv))]
    [InlineData("MountainCar-v0", 200, -110.0, typeof(MountainCarEnv))]
    [InlineData("MountainCarContinuous-v0", 999, 90.0, typeof(MountainCarContinuousEnv))]
    [InlineData("Acrobot-v1", 500, -100.0, typeof(AcrobotEnv))]
    [InlineData("Pendulum-v1", 200, null, typeof(PendulumEnv))]
    public void Each_id_has_gymnasium_s_time_limit_threshold_and_family(string id, int maxSteps, double? threshold, Type type)
    {
        var registry = Registry.Create();
        var spec = registry.Spec(id);
        Assert.Equal(maxSteps, spec.MaxEpisodeSteps);
        Assert.Equal(threshold, spec.RewardThreshold);
        Assert.Equal("classic-control", spec.Family);
        Assert.False(string.IsNullOrWhiteSpace(spec.Description));
        using var env = registry.Make(id);
        Assert.IsType(type, env.Unwrapped);
        Assert.Equal(id, env.Spec?.Id);
    }

    [Fact]
    public void The_package_registers_exactly_the_six_classic_control_ids()
    {
        Assert.Equal(
            ["Acrobot-v1", "CartPole-v0", "CartPole-v1", "MountainCar-v0", "MountainCarContinuous-v0", "Pendulum-v1"],
            Registry.Create().Specs.Select(s => s.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void An_unknown_option_is_refused_with_the_allowed_ones()
    {
        var e = Assert.Throws<UserInputException>(() => Registry.Create().Make("CartPole-v1", Registry.Options(("gravity", "3"))));
        Assert.Contains("sutton_barto_reward", e.Message);
    }

    [Fact]
    public void The_integrator_option_picks_semi_implicit_euler()
    {
        var env = Registry.Create().Make("CartPole-v1", Registry.Options(("kinematics_integrator", "semi-implicit-euler")));
        Assert.Equal(KinematicsIntegrator.SemiImplicitEuler, ((CartPoleEnv)env.Unwrapped).Integrator);
        Assert.Throws<UserInputException>(() => Registry.Create().Make("CartPole-v1", Registry.Options(("kinematics_integrator", "rk4"))));
    }
}
