using RlGym.Core.Checking;
using RlGym.Core.Environments;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Tests.Registration;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;
using Xunit.Abstractions;

namespace RlGym.Core.Tests.Checking;

public sealed class EnvCheckerTests(ITestOutputHelper output)
{
    private EnvCheckReport Check(IEnv env, long seed = 0)
    {
        var report = EnvChecker.Check(env, seed);
        output.WriteLine(report.ToString());
        return report;
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(17L)]
    public void A_correct_env_with_a_random_start_passes_everything(long seed)
    {
        var report = Check(new DriftEnv(), seed);
        Assert.True(report.Passed, report.ToString());
        Assert.Equal(11, report.Results.Count);
        Assert.DoesNotContain(report.Results, r => r.Skipped);
    }

    [Fact]
    public void A_fixed_start_skips_the_start_seeding_checks_but_passes()
    {
        var report = Check(new CorridorEnv(length: 6, slip: 0.2));
        Assert.True(report.Passed, report.ToString());
        Assert.True(report[EnvChecker.SeedChangesStartCheck].Skipped);
        Assert.Contains("generator follows the seed", report[EnvChecker.SeedChangesStartCheck].Message);
        Assert.True(report[EnvChecker.UnseededResetCheck].Skipped);
    }

    [Fact]
    public void An_env_with_state_dependent_actions_is_stepped_with_valid_actions_only()
    {
        var report = Check(new MaskedEnv());
        Assert.True(report.Passed, report.ToString());
    }

    // Two states; in state 0 only actions 0 and 1 exist, in state 1 all eight (Sutton & Barto's maximization bias).
    private sealed class MaskedEnv : Env<int, int>, Core.Tabular.IActionMask
    {
        private int _state;
        public override Space<int> ObservationSpace { get; } = new Discrete(2);
        public override Space<int> ActionSpace { get; } = new Discrete(8);
        public bool IsValidAction(int state, int action) => state == 1 || action < 2;

        public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null)
        {
            SeedRandom(seed);
            _state = 0;
            return new(_state, Info.Empty);
        }

        public override StepResult<int> Step(int action)
        {
            if (!IsValidAction(_state, action)) throw new ArgumentOutOfRangeException(nameof(action), action, "not valid here");
            if (_state == 0 && action == 1)
            {
                _state = 1;
                return new(1, 0, false, false, Info.Empty);
            }
            return new(_state, Random.NextDouble(), true, false, Info.Empty);
        }
    }

    [Fact]
    public void A_box_action_env_passes()
    {
        var report = Check(new EchoActionEnv());
        Assert.True(report.Passed, report.ToString());
        Assert.Contains("Box(-1.0, 1.0, (2,), float32)", report[EnvChecker.ActionSpaceCheck].Message);
    }

    [Fact]
    public void A_random_discrete_start_passes()
    {
        var report = Check(new CorridorEnv(length: 12, randomStart: true));
        Assert.True(report.Passed, report.ToString());
        Assert.False(report[EnvChecker.SeedChangesStartCheck].Skipped);
    }

    [Fact]
    public void A_made_and_wrapped_env_passes()
    {
        var env = new WrapperCatalog().Apply(new EnvRegistry().Add(new TestEnvPackage()).Make("Corridor-v0", EnvOptions.Parse(["slip=0.1"])),
            ["one-hot", "scale-reward:scale=0.1", "record-episode-statistics"]);
        Assert.True(Check(env).Passed);
    }

    [Fact]
    public void Running_normalisation_makes_trajectories_depend_on_history_until_frozen()
    {
        var learning = Check(new NormalizeObservation<int>(new DriftEnv()));
        Assert.False(learning[EnvChecker.DeterminismCheck].Passed);

        var frozen = new NormalizeObservation<int>(new DriftEnv()) { UpdateRunningMean = false };
        Assert.True(Check(frozen).Passed);
    }

    [Fact]
    public void The_checker_disposes_the_env_at_the_end()
    {
        var env = new CorridorEnv();
        Check(env);
        Assert.True(env.Disposed);
    }

    [Theory]
    [InlineData(Fault.NaNObservation, EnvChecker.StepCheck, "step 3 (action")]
    [InlineData(Fault.InfiniteReward, EnvChecker.StepCheck, "reward is inf")]
    [InlineData(Fault.OutsideSpace, EnvChecker.StepCheck, "observation [7, ")]
    [InlineData(Fault.NullInfo, EnvChecker.StepCheck, "info is null")]
    [InlineData(Fault.UnseededRandom, EnvChecker.DeterminismCheck, "differ at the reset")]
    [InlineData(Fault.IgnoresSeed, EnvChecker.SeedChangesStartCheck, "same state for 8 different seeds")]
    [InlineData(Fault.UnseededResetRestarts, EnvChecker.UnseededResetCheck, "restarted from the seeded start")]
    [InlineData(Fault.SingleBuffer, EnvChecker.PreviousObservationCheck, "overwrote the observation")]
    [InlineData(Fault.Allocates, EnvChecker.AllocationCheck, "bytes per step")]
    public void A_broken_env_fails_the_check_that_names_its_fault(Fault fault, string check, string message)
    {
        var report = Check(new DriftEnv(fault));
        Assert.False(report.Passed);
        var result = report[check];
        Assert.False(result.Passed, result.ToString());
        Assert.Contains(message, result.Message);
    }

    [Fact]
    public void A_NaN_observation_is_reported_as_not_finite()
    {
        var report = Check(new DriftEnv(Fault.NaNObservation));
        Assert.Contains("is not finite", report[EnvChecker.StepCheck].Message);
        Assert.True(report[EnvChecker.ResetCheck].Passed);
    }

    [Fact]
    public void Only_the_faulty_checks_fail()
    {
        var report = Check(new DriftEnv(Fault.SingleBuffer));
        Assert.Equal([EnvChecker.PreviousObservationCheck], report.Failures.Select(f => f.Name));
    }

    [Fact]
    public void A_throwing_reset_is_reported_not_thrown()
    {
        var report = Check(new ThrowingEnv());
        Assert.False(report[EnvChecker.ResetCheck].Passed);
        Assert.Equal("threw InvalidOperationException: reset is broken", report[EnvChecker.ResetCheck].Message);
        Assert.True(report[EnvChecker.DisposeCheck].Passed);
    }

    [Fact]
    public void A_space_whose_samples_it_does_not_contain_fails_and_stops_early()
    {
        var report = Check(new BadSpaceEnv());
        Assert.False(report[EnvChecker.ObservationSpaceCheck].Passed);
        Assert.Contains("is not contained in", report[EnvChecker.ObservationSpaceCheck].Message);
        Assert.Equal([EnvChecker.ObservationSpaceCheck, EnvChecker.ActionSpaceCheck, EnvChecker.DisposeCheck],
            report.Results.Select(r => r.Name));
    }

    [Fact]
    public void The_report_prints_one_line_per_check()
    {
        var text = EnvChecker.Check(new DriftEnv(Fault.InfiniteReward)).ToString();
        var lines = text.Split(Environment.NewLine);
        Assert.Equal("DriftEnv: 10 of 11 checks passed", lines[0]);
        Assert.Contains(lines, l => l.StartsWith("FAIL  step: ", StringComparison.Ordinal));
    }

    private sealed class ThrowingEnv : Env<int, int>
    {
        public override Space<int> ObservationSpace { get; } = new Discrete(2);
        public override Space<int> ActionSpace { get; } = new Discrete(2);
        public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null) => throw new InvalidOperationException("reset is broken");
        public override StepResult<int> Step(int action) => new(0, 0, false, false, Info.Empty);
    }

    private sealed class BadSpaceEnv : Env<int, int>
    {
        public override Space<int> ObservationSpace { get; } = new NeverContains();
        public override Space<int> ActionSpace { get; } = new Discrete(2);
        public override ResetResult<int> Reset(long? seed = null, EnvOptions? options = null) => new(0, Info.Empty);
        public override StepResult<int> Step(int action) => new(0, 0, false, false, Info.Empty);

        private sealed class NeverContains : Space<int>
        {
            public override IReadOnlyList<int> Shape => [];
            public override int Sample() => 3;
            public override bool Contains(int value) => false;
            public override int Clone(int value) => value;
            public override double[] ToNumbers(object value) => [(int)value];
            public override object FromNumbers(ReadOnlySpan<double> numbers) => (int)numbers[0];
            public override string ToString() => "Nothing()";
        }
    }
}
