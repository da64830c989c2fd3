using RlGym.Core.Errors;

namespace RlGym.Benchmarking;

/// <summary>What <see cref="BenchRunner"/> measures and for how long.</summary>
public sealed record BenchOptions
{
    /// <summary>The environment ids measured when none are given.</summary>
    public static IReadOnlyList<string> DefaultEnvIds { get; } =
        ["CartPole-v1", "MountainCar-v0", "Acrobot-v1", "Pendulum-v1", "FrozenLake-v1", "CliffWalking-v1", "Taxi-v3"];

    /// <summary>Environment ids to measure, in order.</summary>
    public IReadOnlyList<string> EnvIds { get; init; } = DefaultEnvIds;

    /// <summary>Environment steps per timed run (each figure is the best of <see cref="Repeats"/> runs).</summary>
    public long Steps { get; init; } = 1_000_000;

    /// <summary>Copies K of the vector environments.</summary>
    public int Copies { get; init; } = 8192;

    /// <summary>Copies K at which vector envs with a structure-of-arrays form are measured on one thread and on all.</summary>
    public IReadOnlyList<int> ScalingCopies { get; init; } = [128, 1024, 8192];

    /// <summary>Threads of the parallel vector environment; null for one per core.</summary>
    public int? Threads { get; init; }

    /// <summary>Timed runs per figure; the fastest is reported (as Python's timeit), the median is kept too.</summary>
    public int Repeats { get; init; } = 3;

    /// <summary>Seed of the action sequences, the environments and the agents.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Compile and time the C loop of CartPole (needs <c>cc</c>).</summary>
    public bool CBaseline { get; init; } = true;

    /// <summary>Time Gymnasium when <c>python3</c> can import it.</summary>
    public bool PythonBaseline { get; init; } = true;

    /// <summary>Measure only the environments (single, wrapped, vector, scaling, the tabular loop on the chosen toy-text ids): skip A2C, MCTS and the network core.</summary>
    public bool EnvsOnly { get; init; }

    /// <summary>
    /// The command that starts this tool (program, then any arguments before the subcommand, such as <c>--plugin</c>),
    /// or null. When given and several ids are measured, each id's environments are measured in a process of their own,
    /// as a training process steps one environment id: ids measured in one process share the wrappers' compiled code,
    /// which the profile-guided JIT specialises for the first environment it saw.
    /// </summary>
    public IReadOnlyList<string>? IsolationCommand { get; init; }

    /// <summary>Checks the options; a wrong one is a <see cref="UserInputException"/> naming it and what is allowed.</summary>
    public void Validate()
    {
        if (EnvIds.Count == 0) throw new UserInputException("--env needs at least one environment id");
        if (Steps < 10_000) throw new UserInputException($"--steps {Steps} is too few; give at least 10000");
        if (Copies < 1) throw new UserInputException($"--envs {Copies} is not allowed; give at least 1 copy");
        if (ScalingCopies.Any(k => k < 1)) throw new UserInputException("--scaling takes copy counts of at least 1");
        if (Threads is < 1) throw new UserInputException($"--threads {Threads} is not allowed; give at least 1");
        if (Repeats < 1) throw new UserInputException($"--repeats {Repeats} is not allowed; give at least 1");
    }
}
