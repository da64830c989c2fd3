using RlGym.Core.Environments;
using RlGym.Training.Metrics;
using RlGym.Training.Runs;

namespace RlGym.Training;

/// <summary>How a <see cref="Trainer"/> runs: budget, seed, evaluation and checkpoint cadence, where it writes.</summary>
public sealed record TrainerOptions
{
    /// <summary>The seed of the environments' first reset, seed + i for copy i (later resets continue their streams).</summary>
    public long Seed { get; init; }

    /// <summary>Episodes to train, finished by any copy, counted from the start of the run; set this or <see cref="Steps"/>.</summary>
    public int? Episodes { get; init; }

    /// <summary>Environment steps to train, of every copy together, counted from the start of the run.</summary>
    public long? Steps { get; init; }

    /// <summary>Greedy evaluation after every this many episodes; 0 for none. Needs <see cref="EvaluationEnv"/>.</summary>
    public int EvalEvery { get; init; }

    /// <summary>Episodes of each evaluation; their mean return goes to the <c>eval_return</c> column.</summary>
    public int EvalEpisodes { get; init; } = 10;

    /// <summary>
    /// Makes the evaluation environment: a separate instance, so evaluating never draws from the training
    /// environment's stream. Its first reset is seeded with <see cref="Seeds.Evaluation"/> of the run's seed.
    /// The trainer disposes it.
    /// </summary>
    public Func<IEnv>? EvaluationEnv { get; init; }

    /// <summary>A checkpoint after every this many episodes (and always at the end); 0 for the end only.</summary>
    public int CheckpointEvery { get; init; } = 100;

    /// <summary>
    /// Copies of the environment stepped in one loop, K (1 by default; A2C's default is 8). Each copy is made by
    /// the same factory, so options and wrappers reach every one; copy i's first reset is seeded with seed + i.
    /// </summary>
    public int Envs { get; init; } = 1;

    /// <summary>Where metrics, checkpoints, the agent and the plot go; null keeps the run in memory (comparisons, tests).</summary>
    public RunDirectory? Directory { get; init; }

    /// <summary>Overwrite a run directory that already holds a run.</summary>
    public bool Force { get; init; }

    /// <summary>Continue the run in <see cref="Directory"/> from its checkpoint.</summary>
    public bool Resume { get; init; }

    /// <summary>
    /// A resume whose checkpoint already holds the whole budget writes what the run's end writes (checkpoint, agent
    /// file, learning curve) instead of refusing: a run stopped between its last checkpoint and its agent file ends
    /// as the uninterrupted run would have.
    /// </summary>
    public bool CompleteTrainedRun { get; init; }

    /// <summary>Watchers of the run (progress display, window). A run with step observers boxes each observation for them.</summary>
    public IReadOnlyList<ITrainingObserver> Observers { get; init; } = [];

    /// <summary>Keep every episode's return of this session in <see cref="TrainingResult.Returns"/>.</summary>
    public bool KeepReturns { get; init; }

    /// <summary>Draw <c>learning-curve.png</c> in the run directory at the end.</summary>
    public bool WriteLearningCurve { get; init; } = true;

    /// <summary>Window of the learning curve's moving average.</summary>
    public int MovingAverage { get; init; } = 100;

    /// <summary>The environment id recorded in checkpoints; defaults to the spec's id (else the wrapper chain's name).</summary>
    public string? EnvId { get; init; }

    /// <summary>Options for running <paramref name="config"/> in <paramref name="directory"/>.</summary>
    public static TrainerOptions FromConfig(RunConfig config, RunDirectory? directory, Func<IEnv>? evaluationEnv = null,
        bool force = false, bool resume = false, IReadOnlyList<ITrainingObserver>? observers = null)
    {
        config.Validate();
        return new TrainerOptions
        {
            Seed = config.Seed,
            Episodes = config.Episodes,
            Steps = config.Steps,
            EvalEvery = evaluationEnv is null ? 0 : config.EvalEvery,
            EvalEpisodes = config.EvalEpisodes,
            EvaluationEnv = evaluationEnv,
            CheckpointEvery = config.CheckpointEvery,
            Envs = config.NumEnvs ?? 1,
            Directory = directory,
            Force = force,
            Resume = resume,
            Observers = observers ?? [],
            MovingAverage = config.MovingAverage,
            EnvId = config.Env,
        };
    }

    internal void Check()
    {
        if (Episodes is null == Steps is null) throw new ArgumentException("Set exactly one of Episodes and Steps.");
        if (Episodes is < 0 || Steps is < 0) throw new ArgumentException("The budget cannot be negative.");
        if (Envs < 1) throw new ArgumentException("Envs must be at least 1.");
        if (EvalEvery < 0 || EvalEpisodes < 1 || CheckpointEvery < 0 || MovingAverage < 1) throw new ArgumentException("Cadences must be positive (0 turns evaluation or periodic checkpoints off).");
        if (EvalEvery > 0 && EvaluationEnv is null) throw new ArgumentException("EvalEvery needs an EvaluationEnv factory.");
        if (Resume && Directory is null) throw new ArgumentException("Resume needs a run Directory.");
        if (Resume && Force) throw new Core.Errors.UserInputException("--resume and --force contradict each other; use one");
    }
}
