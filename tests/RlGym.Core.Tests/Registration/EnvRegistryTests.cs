using RlGym.Core.Environments;
using RlGym.Core.Errors;
using RlGym.Core.Registration;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Registration;

public sealed class EnvRegistryTests
{
    private static EnvRegistry Registry() => new EnvRegistry().Add(new TestEnvPackage());

    [Fact]
    public void Make_wraps_the_env_in_time_limit_then_order_enforcing()
    {
        var env = Registry().Make("Corridor-v0");
        var order = Assert.IsType<OrderEnforcing<int, int>>(env);
        var limit = Assert.IsType<TimeLimit<int, int>>(order.Inner);
        Assert.Equal(20, limit.MaxEpisodeSteps);
        Assert.IsType<CorridorEnv>(limit.Inner);
        Assert.IsType<CorridorEnv>(env.Unwrapped);
        Assert.Equal("Corridor-v0", env.Spec?.Id);
    }

    [Fact]
    public void Make_without_a_limit_skips_time_limit() =>
        Assert.IsType<OrderEnforcing<float[], int>>(Registry().Make("Drift-v0"));

    [Fact]
    public void Make_passes_options_to_the_factory()
    {
        var env = Registry().Make<int, int>("Corridor-v0", EnvOptions.Parse(["length=9"]));
        Assert.Equal("Discrete(9)", env.ObservationSpace.ToString());
    }

    [Fact]
    public void Stepping_before_reset_throws_a_clear_error()
    {
        var env = Registry().Make<int, int>("Corridor-v0");
        var e = Assert.Throws<InvalidOperationException>(() => env.Step(1));
        Assert.Contains("before Reset", e.Message);
    }

    [Fact]
    public void Stepping_after_termination_throws_until_reset()
    {
        var env = Registry().Make<int, int>("Corridor-v0", EnvOptions.Parse(["length=2"]));
        env.Reset(seed: 1);
        Assert.True(env.Step(1).Terminated);
        var e = Assert.Throws<InvalidOperationException>(() => env.Step(1));
        Assert.Contains("after the episode ended", e.Message);
        env.Reset();
        Assert.True(env.Step(1).Terminated);
    }

    [Fact]
    public void Stepping_after_truncation_throws()
    {
        var env = Registry().Make<int, int>("Corridor-v0", maxEpisodeSteps: 3);
        env.Reset(seed: 1);
        env.Step(0);
        env.Step(0);
        var last = env.Step(0);
        Assert.True(last.Truncated);
        Assert.False(last.Terminated);
        Assert.Throws<InvalidOperationException>(() => env.Step(0));
    }

    [Fact]
    public void An_unknown_id_suggests_the_closest()
    {
        var e = Assert.Throws<UserInputException>(() => Registry().Make("Coridor-v0"));
        Assert.Equal("unknown environment 'Coridor-v0'; did you mean 'Corridor-v0'? (run 'rlgym envs' for the list)", e.Message);
    }

    [Fact]
    public void A_far_unknown_id_suggests_nothing()
    {
        var e = Assert.Throws<UserInputException>(() => Registry().Make("SpaceInvadersNoFrameskip-v4"));
        Assert.DoesNotContain("did you mean", e.Message);
    }

    [Fact]
    public void An_unknown_option_is_refused_listing_the_allowed_ones()
    {
        var e = Assert.Throws<UserInputException>(() => Registry().Make("Corridor-v0", EnvOptions.Parse(["lenght=4"])));
        Assert.Equal("unknown option 'lenght' for Corridor-v0; allowed: length, slip", e.Message);
    }

    [Fact]
    public void An_env_without_options_says_none_are_allowed()
    {
        var e = Assert.Throws<UserInputException>(() => Registry().Make("Drift-v0", EnvOptions.Parse(["x=1"])));
        Assert.EndsWith("allowed: none", e.Message);
    }

    [Fact]
    public void Make_at_the_wrong_types_names_the_spaces()
    {
        var e = Assert.Throws<UserInputException>(() => Registry().Make<float[], int>("Corridor-v0"));
        Assert.Contains("Discrete(5)", e.Message);
    }

    [Fact]
    public void Registering_an_id_twice_is_an_error()
    {
        var registry = Registry();
        Assert.Throws<ArgumentException>(() => registry.Add(new TestEnvPackage()));
    }

    [Fact]
    public void A_plugin_assembly_registers_its_packages()
    {
        var registry = new EnvRegistry();
        int packages = registry.LoadPlugin(typeof(TestEnvPackage).Assembly.Location);
        Assert.Equal(1, packages);
        Assert.True(registry.Contains("Corridor-v0"));
        Assert.True(registry.Contains("Drift-v0"));
    }

    [Fact]
    public void A_missing_plugin_is_a_user_error() =>
        Assert.Throws<UserInputException>(() => new EnvRegistry().LoadPlugin("/nonexistent/plugin.dll"));

    [Fact]
    public void A_file_that_is_not_an_assembly_is_a_user_error()
    {
        var path = Path.GetTempFileName();
        try
        {
            File.WriteAllText(path, "not a dll");
            var e = Assert.Throws<UserInputException>(() => new EnvRegistry().LoadPlugin(path));
            Assert.Contains("not a .NET assembly", e.Message);
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public void Made_envs_are_seeded_by_reset()
    {
        var a = Registry().Make<int, int>("Corridor-v0", EnvOptions.Parse(["slip=0.3"]));
        var b = Registry().Make<int, int>("Corridor-v0", EnvOptions.Parse(["slip=0.3"]));
        a.Reset(seed: 5);
        b.Reset(seed: 5);
        for (int t = 0; t < 100; t++)
        {
            var (ra, rb) = (a.Step(t % 3 == 0 ? 0 : 1), b.Step(t % 3 == 0 ? 0 : 1));
            Assert.Equal(ra, rb);
            if (ra.Done) (_, _) = (a.Reset(), b.Reset());
        }
    }

    [Fact]
    public void Time_limit_counts_from_each_reset()
    {
        var env = (TimeLimit<int, int>)((OrderEnforcing<int, int>)Registry().Make("Corridor-v0", maxEpisodeSteps: 5)).Inner;
        env.Reset(seed: 0);
        env.Step(0);
        env.Step(0);
        Assert.Equal(2, env.ElapsedSteps);
        env.Reset();
        Assert.Equal(0, env.ElapsedSteps);
    }

    [Fact]
    public void Boxed_step_with_a_wrong_action_type_is_refused()
    {
        IEnv env = Registry().Make("Corridor-v0");
        env.ResetBoxed(seed: 0);
        var e = Assert.Throws<ArgumentException>(() => env.StepBoxed(1.0));
        Assert.Contains("Int32", e.Message);
    }
}
