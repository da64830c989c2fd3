using RlGym.Core.Spaces;
using RlGym.Core.Tests.TestEnvs;
using RlGym.Core.Wrappers;

namespace RlGym.Core.Tests.Wrappers;

public sealed class OneHotObservationTests
{
    [Fact]
    public void Discrete_n_becomes_a_unit_box_of_n_elements()
    {
        var env = new OneHotObservation<int>(new CorridorEnv(length: 5));
        Assert.Equal("Box(0.0, 1.0, (5,), float32)", env.ObservationSpace.ToString());
        Assert.Equal("Discrete(2)", env.ActionSpace.ToString());
    }

    [Fact]
    public void Each_state_lights_its_own_element()
    {
        var env = new OneHotObservation<int>(new CorridorEnv(length: 4));
        Assert.Equal([1f, 0, 0, 0], env.Reset(seed: 0).Observation);
        Assert.Equal([0f, 1, 0, 0], env.Step(1).Observation);
        Assert.Equal([0f, 0, 1, 0], env.Step(1).Observation);
        Assert.Equal([0f, 1, 0, 0], env.Step(0).Observation);
    }

    [Fact]
    public void The_previous_vector_stays_valid_for_one_step()
    {
        var env = new OneHotObservation<int>(new CorridorEnv(length: 4));
        var s = env.Reset(seed: 0).Observation;
        var next = env.Step(1).Observation;
        Assert.NotSame(s, next);
        Assert.Equal([1f, 0, 0, 0], s);
        Assert.True(env.ObservationSpace.Contains(next));
    }

    [Fact]
    public void A_discrete_start_is_subtracted()
    {
        var env = new OneHotObservation<int>(new OffsetEnv());
        Assert.Equal([0f, 1f, 0f], env.Reset(seed: 0).Observation);
    }

    [Fact]
    public void Box_observations_are_refused_at_construction()
    {
        var e = Assert.Throws<ArgumentException>(() => new OneHotObservation<int>(new BoxAsIntEnv()));
        Assert.Contains("needs Discrete observations", e.Message);
    }

    [Fact]
    public void Stepping_allocates_nothing()
    {
        var env = new OneHotObservation<int>(new CorridorEnv(length: 1000));
        env.Reset(seed: 0);
        for (int i = 0; i < 100; i++) env.Step(i % 2);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 500; i++) env.Step(i % 2);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>Discrete(3, start=10), always observing 11.</summary>
    private sealed class OffsetEnv : Core.Environments.Env<int, int>
    {
        public override Space<int> ObservationSpace { get; } = new Discrete(3, start: 10);
        public override Space<int> ActionSpace { get; } = new Discrete(1);
        public override Core.Environments.ResetResult<int> Reset(long? seed = null, Core.Registration.EnvOptions? options = null) =>
            new(11, Core.Environments.Info.Empty);
        public override Core.Environments.StepResult<int> Step(int action) => new(11, 0, false, false, Core.Environments.Info.Empty);
    }

    /// <summary>Int observations in a space that is not Discrete.</summary>
    private sealed class BoxAsIntEnv : Core.Environments.Env<int, int>
    {
        public override Space<int> ObservationSpace { get; } = new IntRange();
        public override Space<int> ActionSpace { get; } = new Discrete(1);
        public override Core.Environments.ResetResult<int> Reset(long? seed = null, Core.Registration.EnvOptions? options = null) =>
            new(0, Core.Environments.Info.Empty);
        public override Core.Environments.StepResult<int> Step(int action) => new(0, 0, false, false, Core.Environments.Info.Empty);

        private sealed class IntRange : Space<int>
        {
            public override IReadOnlyList<int> Shape => [];
            public override int Sample() => 0;
            public override bool Contains(int value) => true;
            public override int Clone(int value) => value;
            public override double[] ToNumbers(object value) => [(int)value];
            public override object FromNumbers(ReadOnlySpan<double> numbers) => (int)numbers[0];
            public override string ToString() => "Integers()";
        }
    }
}
