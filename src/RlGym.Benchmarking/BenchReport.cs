namespace RlGym.Benchmarking;

/// <summary>
/// Everything one <c>rlgym bench</c> run measured, side by side, as written to JSON:
/// <c>{"machine": ..., "results": [...], "tabular": {...}, "a2c": {...}, "baselines": {...}}</c>.
/// Throughputs are the best of <see cref="BenchMachine.Repeats"/> timed runs; the medians sit next to them.
/// </summary>
public sealed record BenchReport(
    BenchMachine Machine,
    IReadOnlyList<EnvBenchResult> Results,
    TabularBenchResults Tabular,
    A2cBenchResult A2c,
    BaselineResults Baselines,
    IReadOnlyList<VectorScalingResult> Scaling,
    IReadOnlyList<MctsBenchResult>? Mcts = null,
    IReadOnlyList<NetworkCoreResult>? NetworkCore = null);

/// <summary>
/// MCTS simulations per second from a game's empty board (plain UCT: no solver, random rollouts), ours and the plain C
/// search of bench/mcts.c measured in the same run; <see cref="VsC"/> and <see cref="VsCCpu"/> divide ours by C's.
/// </summary>
public sealed record MctsBenchResult(
    string Game,
    int SimulationsPerSearch,
    double SimulationsPerSecond,
    double SimulationsPerSecondMedian,
    double? CpuSimulationsPerSecond,
    double BytesPerSimulation,
    double? CSimulationsPerSecond,
    double? CCpuSimulationsPerSecond,
    double? VsC,
    double? VsCCpu,
    string CStatus);

/// <summary>Where and how the figures were taken.</summary>
public sealed record BenchMachine(
    string Date,
    int Cores,
    string Runtime,
    string Os,
    long StepsPerRun,
    int Repeats,
    int Copies,
    int Threads,
    string Note);

/// <summary>
/// One environment id. <see cref="StepsPerSecond"/> is the bare environment (the class itself, called through
/// <c>IEnv&lt;TObs,TAct&gt;</c>); <see cref="WrappedStepsPerSecond"/> the same env as <c>registry.Make</c> returns it
/// (OrderEnforcing over TimeLimit), reset whenever an episode ends. The vector figures step what
/// <c>registry.MakeVector(id, K)</c> returns (the structure-of-arrays env where the id has one, else K wrapped copies);
/// the ratios divide the wrapped and the one-core vector figures by the bare one.
/// The <c>Cpu</c> figures divide by the stepping thread's CPU time instead of wall time, so time the core spent on
/// other processes does not count (null off Linux).
/// </summary>
public sealed record EnvBenchResult(
    string Env,
    double StepsPerSecond,
    double StepsPerSecondMedian,
    double? CpuStepsPerSecond,
    double WrappedStepsPerSecond,
    double WrappedStepsPerSecondMedian,
    double? WrappedCpuStepsPerSecond,
    double BytesPerStep,
    double WrappedBytesPerStep,
    double? VectorStepsPerSecond,
    double? VectorOneCoreStepsPerSecond,
    double? VectorOneCoreCpuStepsPerSecond,
    double? VectorScaling,
    double? VectorBytesPerStep,
    double? VectorWorkerBytesPerStep,
    string? VectorNote,
    double? WrappedVsBare = null,
    double? WrappedVsBareCpu = null,
    double? VectorOneCoreVsBare = null,
    double? VectorOneCoreVsBareCpu = null);

/// <summary>
/// One vector environment at one K on one thread and on several, measured in the same run; <see cref="Scaling"/> is
/// the ratio of the two wall-clock figures. <see cref="IndependentScaling"/> is what the machine gives to work that
/// needs no hand-over at all: W separate one-thread vector envs of K / W copies, each stepped by its own thread, over
/// the one-thread figure. On a virtual machine whose cores are shared with other guests it can be well under W, and
/// the vector env's scaling cannot exceed it.
/// </summary>
public sealed record VectorScalingResult(
    string Env,
    int Copies,
    double OneThreadStepsPerSecond,
    double OneThreadStepsPerSecondMedian,
    double? OneThreadCpuStepsPerSecond,
    int Threads,
    double StepsPerSecond,
    double StepsPerSecondMedian,
    double Scaling,
    double BytesPerStep,
    double? IndependentStepsPerSecond = null,
    double? IndependentScaling = null);

/// <summary>The tabular learning loops measured, one per environment and kind (bare or wrapped).</summary>
public sealed record TabularBenchResults(string Description, IReadOnlyList<TabularBenchResult> Loops);

/// <summary>
/// The tabular learning loop: <c>a = agent.Act(s)</c>, <c>env.Step(a)</c>, <c>agent.Observe(transition)</c>, reset at
/// episode end. One step counts one action, one environment step and one update.
/// </summary>
public sealed record TabularBenchResult(
    string Env,
    string Agent,
    string EnvKind,
    double StepsPerSecond,
    double StepsPerSecondMedian,
    double? CpuStepsPerSecond,
    double BytesPerStep);

/// <summary>A2C on CartPole-v1: training samples per second and wall time to the reward threshold.</summary>
public sealed record A2cBenchResult(
    bool Available,
    string Note,
    double? SamplesPerSecond = null,
    double? SecondsToThreshold = null,
    double? RewardThreshold = null,
    long? SamplesToThreshold = null);

/// <summary>Other implementations of CartPole-v1 and how ours compares, each labelled measured or quoted.</summary>
public sealed record BaselineResults(
    CLoopBaseline CLoop,
    PythonBaseline Python,
    IReadOnlyList<BaselineRatio> Ratios);

/// <summary>The C loop (bench/cartpole.c) compiled with <c>cc -O2</c> and run in this process's run.</summary>
public sealed record CLoopBaseline(string Env, double? StepsPerSecond, double? CpuStepsPerSecond, string Status);

/// <summary>
/// Gymnasium through <c>gymnasium.make</c> and its NumPy <c>CartPoleVectorEnv</c> of <see cref="VectorCopies"/> copies:
/// measured when Python imports NumPy and Gymnasium, otherwise unavailable with the reason in <see cref="Status"/>; an
/// older quoted figure is kept beside it and never presented as a measurement.
/// </summary>
public sealed record PythonBaseline(
    string Env,
    double? MeasuredStepsPerSecond,
    string Status,
    double QuotedStepsPerSecond,
    string QuotedSource,
    double? MeasuredVectorStepsPerSecond = null,
    int? VectorCopies = null);

/// <summary>
/// Ours divided by another figure (wall-clock steps/s, and CPU-time steps/s where both sides have it), with whether
/// that figure was measured in this run or quoted.
/// </summary>
public sealed record BaselineRatio(string Name, double? Ratio, double? CpuRatio, string VersusKind);
