using System.Globalization;
using RlGym.Core.Environments;
using RlGym.Core.Random;
using RlGym.Core.Registration;
using RlGym.Core.Spaces;
using RlGym.Core.Tabular;

namespace RlGym.Core.Checking;

/// <summary>
/// Checks that an environment keeps the Gymnasium v1 contract, in the spirit of Gymnasium's <c>check_env</c>, and
/// reports every check instead of stopping at the first failure. It works on an untyped <see cref="IEnv"/>
/// (boxed reset and step, the spaces' <c>ContainsBoxed</c> and <c>ToNumbers</c>), so it serves the command line
/// for any registered or plugged-in environment.
/// <para>
/// The checks, in order: the spaces sample values they contain; reset returns an observation in the space and an
/// info; reset accepts empty options; stepping with sampled actions returns observations in the space, finite
/// observations and rewards, and an info; the previous observation stays valid for one step (the buffer contract of
/// <see cref="IEnv{TObs,TAct}"/>); the same seed and actions give the same trajectory; different seeds change a
/// random start (skipped when the start is fixed); <c>Reset()</c> without a seed continues the generator rather than
/// restarting it; stepping allocates nothing after warm-up; disposing twice is safe. Stepping after the end of an
/// episode is not checked: a bare environment need not refuse it (<c>OrderEnforcing</c> does).
/// </para>
/// <para>
/// Wrappers that learn from what they see (<c>NormalizeObservation</c> while updating) make a trajectory depend on
/// the history as well as the seed, so they fail the determinism checks by design; freeze them to check.
/// </para>
/// </summary>
public static class EnvChecker
{
    /// <summary>Name of the check of the observation space.</summary>
    public const string ObservationSpaceCheck = "observation space";
    /// <summary>Name of the check of the action space.</summary>
    public const string ActionSpaceCheck = "action space";
    /// <summary>Name of the check of <c>Reset(seed)</c>'s result.</summary>
    public const string ResetCheck = "reset";
    /// <summary>Name of the check that reset accepts empty options.</summary>
    public const string ResetOptionsCheck = "reset with options";
    /// <summary>Name of the check of steps' results.</summary>
    public const string StepCheck = "step";
    /// <summary>Name of the check that an observation stays valid until the following step.</summary>
    public const string PreviousObservationCheck = "previous observation stays valid";
    /// <summary>Name of the check that a seed reproduces a trajectory.</summary>
    public const string DeterminismCheck = "same seed, same trajectory";
    /// <summary>Name of the check that different seeds give different random starts.</summary>
    public const string SeedChangesStartCheck = "seed changes the start";
    /// <summary>Name of the check that <c>Reset()</c> without a seed continues the stream.</summary>
    public const string UnseededResetCheck = "reset without seed continues the stream";
    /// <summary>Name of the check that stepping allocates nothing.</summary>
    public const string AllocationCheck = "stepping allocates nothing";
    /// <summary>Name of the check that disposing twice is safe.</summary>
    public const string DisposeCheck = "dispose twice";

    private const int SeedsTried = 8;
    private const int UnseededResets = 10;

    /// <summary>
    /// Runs every check on <paramref name="env"/> with <paramref name="seed"/> (and seeds after it), stepping up to
    /// <paramref name="steps"/> times per check. The environment is disposed at the end (the last check).
    /// </summary>
    public static EnvCheckReport Check(IEnv env, long seed = 0, int steps = 200)
    {
        ArgumentNullException.ThrowIfNull(env);
        ArgumentOutOfRangeException.ThrowIfLessThan(steps, 1);
        var results = new List<EnvCheckResult>();
        string name = Describe(env);

        results.Add(Run(ObservationSpaceCheck, () => CheckSpace(ObservationSpaceCheck, env.ObservationSpace, seed)));
        results.Add(Run(ActionSpaceCheck, () => CheckSpace(ActionSpaceCheck, env.ActionSpace, seed)));
        bool spacesOk = results.All(r => r.Passed);
        if (!spacesOk)
        {
            results.Add(Run(DisposeCheck, () => CheckDispose(env)));
            return new EnvCheckReport(name, results);
        }

        results.Add(Run(ResetCheck, () => CheckReset(env, seed)));
        results.Add(Run(ResetOptionsCheck, () => CheckResetOptions(env, seed)));
        try
        {
            results.AddRange(CheckSteps(env, seed, steps));
        }
        catch (Exception e)
        {
            results.Add(Threw(StepCheck, e));
            results.Add(Threw(PreviousObservationCheck, e));
        }
        results.Add(Run(DeterminismCheck, () => CheckDeterminism(env, seed, steps)));
        bool? randomStart = null;
        results.Add(Run(SeedChangesStartCheck, () => CheckSeedChangesStart(env, seed, out randomStart)));
        results.Add(Run(UnseededResetCheck, () => CheckUnseededReset(env, seed, randomStart)));
        results.Add(Run(AllocationCheck, () => CheckAllocation(env, seed, steps)));
        results.Add(Run(DisposeCheck, () => CheckDispose(env)));
        return new EnvCheckReport(name, results);
    }

    private static string Describe(IEnv env)
    {
        try { return env.ToString() ?? env.GetType().Name; }
        catch (Exception) { return env.GetType().Name; }
    }

    private static EnvCheckResult CheckSpace(string name, Space? space, long seed)
    {
        if (space is null) return Fail(name, "is null");
        var text = space.ToString();
        if (string.IsNullOrWhiteSpace(text)) return Fail(name, $"{space.GetType().Name}.ToString() is empty");
        int size = 1;
        foreach (var d in space.Shape)
        {
            if (d <= 0) return Fail(name, $"{text} has a non-positive dimension in its shape");
            size *= d;
        }
        space.Seed(seed);
        for (int k = 0; k < 20; k++)
        {
            var x = space.SampleBoxed();
            if (!space.ContainsBoxed(x)) return Fail(name, $"sample {Format(space, x)} is not contained in {text}");
            if (x.GetType() != space.ElementType)
                return Fail(name, $"sample is a {x.GetType().Name}, the space says {space.ElementType.Name}");
            var numbers = space.ToNumbers(x);
            if (numbers.Length != size) return Fail(name, $"a sample has {numbers.Length} numbers; shape ({string.Join(", ", space.Shape)}) has {size}");
            if (!space.ContainsBoxed(space.FromNumbers(numbers)))
                return Fail(name, $"FromNumbers(ToNumbers({Format(space, x)})) is not contained in {text}");
        }
        return Pass(name, $"{text}: 20 seeded samples contained");
    }

    private static EnvCheckResult CheckReset(IEnv env, long seed)
    {
        var r = env.ResetBoxed(seed);
        if (ObservationProblem(env.ObservationSpace, r.Observation) is { } problem)
            return Fail(ResetCheck, $"Reset(seed: {seed}): {problem}");
        if (r.Info is null) return Fail(ResetCheck, "info is null; return Info.Empty");
        return Pass(ResetCheck, $"observation {Format(env.ObservationSpace, r.Observation)} in {env.ObservationSpace}");
    }

    private static EnvCheckResult CheckResetOptions(IEnv env, long seed)
    {
        var r = env.ResetBoxed(seed, new EnvOptions());
        return ObservationProblem(env.ObservationSpace, r.Observation) is { } problem
            ? Fail(ResetOptionsCheck, $"Reset(seed, new EnvOptions()): {problem}")
            : Pass(ResetOptionsCheck, "Reset(seed, new EnvOptions()) accepted");
    }

    private static IEnumerable<EnvCheckResult> CheckSteps(IEnv env, long seed, int steps)
    {
        var obsSpace = env.ObservationSpace;
        var actSpace = env.ActionSpace;
        actSpace.Seed(seed);
        var reset = env.ResetBoxed(seed);
        object previous = reset.Observation;
        double[] previousNumbers = obsSpace.ToNumbers(previous);
        string? stepProblem = null, aliasProblem = null;
        int episodes = 0, t = 0;
        for (; t < steps && stepProblem is null; t++)
        {
            var action = SampleAction(env, previous);
            var s = env.StepBoxed(action);
            if (aliasProblem is null && !Same(previousNumbers, obsSpace.ToNumbers(previous)))
                aliasProblem = $"step {t + 1} overwrote the observation returned by the step before it; alternate two buffers (ObservationBuffer)";
            if (ObservationProblem(obsSpace, s.Observation) is { } p) stepProblem = $"step {t + 1} (action {Format(actSpace, action)}): {p}";
            else if (!double.IsFinite(s.Reward)) stepProblem = $"step {t + 1} (action {Format(actSpace, action)}): reward is {Format(s.Reward)}";
            else if (s.Info is null) stepProblem = $"step {t + 1}: info is null; return Info.Empty";
            if (stepProblem is not null) break;
            if (s.Terminated || s.Truncated)
            {
                episodes++;
                var r = env.ResetBoxed();
                if (ObservationProblem(obsSpace, r.Observation) is { } rp) { stepProblem = $"Reset() after step {t + 1}: {rp}"; break; }
                previous = r.Observation;
            }
            else previous = s.Observation;
            previousNumbers = obsSpace.ToNumbers(previous);
        }
        yield return stepProblem is null
            ? Pass(StepCheck, $"{t} steps with sampled actions ({episodes} episodes ended): observations in the space, finite rewards")
            : Fail(StepCheck, stepProblem);
        yield return aliasProblem is null
            ? Pass(PreviousObservationCheck, $"each observation unchanged by the following step ({t} steps)")
            : Fail(PreviousObservationCheck, aliasProblem);
    }

    private static EnvCheckResult CheckDeterminism(IEnv env, long seed, int steps)
    {
        var first = Trajectory(env, seed, steps);
        var second = Trajectory(env, seed, steps);
        for (int i = 0; i < Math.Min(first.Count, second.Count); i++)
            if (!Same(first[i], second[i]))
                return Fail(DeterminismCheck,
                    $"two runs from Reset(seed: {seed}) with the same actions differ at {(i == 0 ? "the reset" : $"step {i}")}: " +
                    $"[{Join(first[i])}] then [{Join(second[i])}]; draw every random number from the seeded generator (Random)");
        if (first.Count != second.Count)
            return Fail(DeterminismCheck, $"two runs from Reset(seed: {seed}) lasted {first.Count - 1} and {second.Count - 1} steps");
        return Pass(DeterminismCheck, $"two runs of {first.Count - 1} steps from Reset(seed: {seed}) identical");
    }

    // One row per reset (its observation) and per step (observation, reward, terminated, truncated); a finished
    // episode is followed by Reset() without a seed, so the continuation of the stream is compared too.
    private static List<double[]> Trajectory(IEnv env, long seed, int steps)
    {
        var obsSpace = env.ObservationSpace;
        env.ActionSpace.Seed(seed + 1);
        object observation = env.ResetBoxed(seed).Observation;
        var rows = new List<double[]> { obsSpace.ToNumbers(observation) };
        for (int t = 0; t < steps; t++)
        {
            var s = env.StepBoxed(SampleAction(env, observation));
            observation = s.Observation;
            rows.Add([.. obsSpace.ToNumbers(s.Observation), s.Reward, s.Terminated ? 1 : 0, s.Truncated ? 1 : 0]);
            if (s.Terminated || s.Truncated)
            {
                observation = env.ResetBoxed().Observation;
                rows.Add(obsSpace.ToNumbers(observation));
            }
        }
        return rows;
    }

    private static EnvCheckResult CheckSeedChangesStart(IEnv env, long seed, out bool? randomStart)
    {
        randomStart = null;
        var starts = new double[SeedsTried][];
        var states = new RngState?[SeedsTried];
        for (int k = 0; k < SeedsTried; k++)
        {
            starts[k] = env.ObservationSpace.ToNumbers(env.ResetBoxed(seed + k).Observation);
            states[k] = RandomStateOf(env);
        }
        randomStart = starts.Any(s => !Same(s, starts[0]));
        if (randomStart == true)
            return Pass(SeedChangesStartCheck, $"first observations differ across seeds {seed} to {seed + SeedsTried - 1}");
        if (states[0] is null)
            return Skip(SeedChangesStartCheck, $"the start is the same for {SeedsTried} seeds and reset draws no random number: a fixed start");
        if (states.Distinct().Count() > 1)
            return Skip(SeedChangesStartCheck, $"the start is the same for {SeedsTried} seeds (a fixed start); the generator follows the seed");
        return Fail(SeedChangesStartCheck,
            $"Reset(seed) left the generator in the same state for {SeedsTried} different seeds; call SeedRandom(seed) first in Reset");
    }

    private static EnvCheckResult CheckUnseededReset(IEnv env, long seed, bool? randomStart)
    {
        var space = env.ObservationSpace;
        var seeded = space.ToNumbers(env.ResetBoxed(seed).Observation);
        var seededState = RandomStateOf(env);
        var first = new double[UnseededResets][];
        bool stateMoved = false;
        for (int k = 0; k < UnseededResets; k++)
        {
            first[k] = space.ToNumbers(env.ResetBoxed().Observation);
            var state = RandomStateOf(env);
            stateMoved |= state is not null && !state.Equals(seededState);
        }
        env.ResetBoxed(seed);
        for (int k = 0; k < UnseededResets; k++)
        {
            var again = space.ToNumbers(env.ResetBoxed().Observation);
            if (!Same(again, first[k]))
                return Fail(UnseededResetCheck,
                    $"Reset() number {k + 1} after Reset(seed: {seed}) gave [{Join(first[k])}], then [{Join(again)}] on a second try: unseeded resets must continue the seeded stream");
        }
        if (randomStart != true)
            return Skip(UnseededResetCheck, "the start is fixed; unseeded resets reproduce after a seeded one");
        if (seededState is not null ? !stateMoved : first.All(f => Same(f, seeded)))
            return Fail(UnseededResetCheck,
                $"{UnseededResets} Reset() calls after Reset(seed: {seed}) all restarted from the seeded start; without a seed, keep the generator going");
        return Pass(UnseededResetCheck, $"{UnseededResets} Reset() calls continue the stream of Reset(seed: {seed}) and reproduce");
    }

    private static RngState? RandomStateOf(IEnv env)
    {
        try { return env.Accept(new RandomStateProbe()); }
        catch (ArgumentException) { return null; }
    }

    private static EnvCheckResult CheckAllocation(IEnv env, long seed, int steps)
    {
        if (env is not IVisitableEnv)
            return Skip(AllocationCheck, $"{env.GetType().Name} does not derive from Env<TObs, TAct>, so it cannot be stepped at its own types");
        var (bytes, measured) = env.Accept(new AllocationProbe(seed, steps));
        if (measured == 0) return Skip(AllocationCheck, "every step ended an episode; nothing to measure");
        return bytes == 0
            ? Pass(AllocationCheck, $"0 bytes over {measured} steps after {steps} warm-up steps")
            : Fail(AllocationCheck,
                $"{(double)bytes / measured:F1} bytes per step over {measured} steps after warm-up; reuse buffers and return Info.Empty");
    }

    private static EnvCheckResult CheckDispose(IEnv env)
    {
        env.Dispose();
        env.Dispose();
        return Pass(DisposeCheck, "Dispose() twice did not throw");
    }

    private static string? ObservationProblem(Space space, object? observation)
    {
        if (observation is null) return "observation is null";
        if (!space.ElementType.IsInstanceOfType(observation)) return $"observation is a {observation.GetType().Name}; {space} holds {space.ElementType.Name}";
        var numbers = space.ToNumbers(observation);
        foreach (var x in numbers)
            if (!double.IsFinite(x)) return $"observation [{Join(numbers)}] is not finite";
        if (!space.ContainsBoxed(observation)) return $"observation [{Join(numbers)}] is not in {space}";
        return null;
    }

    private static bool Same(double[] a, double[] b)
    {
        if (a.Length != b.Length) return false;
        for (int i = 0; i < a.Length; i++)
            if (!a[i].Equals(b[i])) return false;
        return true;
    }

    private static string Format(Space space, object? value)
    {
        if (value is null) return "null";
        try
        {
            var n = space.ToNumbers(value);
            return n.Length == 1 && space.Shape.Count == 0 ? Format(n[0]) : $"[{Join(n)}]";
        }
        catch (Exception) { return value.ToString() ?? "?"; }
    }

    private static string Join(double[] numbers) =>
        string.Join(", ", numbers.Take(8).Select(Format)) + (numbers.Length > 8 ? ", ..." : "");

    private static string Format(double v) =>
        double.IsNaN(v) ? "nan" : double.IsPositiveInfinity(v) ? "inf" : double.IsNegativeInfinity(v) ? "-inf" : v.ToString("G6", CultureInfo.InvariantCulture);

    private static EnvCheckResult Run(string name, Func<EnvCheckResult> check)
    {
        try { return check(); }
        catch (Exception e) { return Threw(name, e); }
    }

    private static EnvCheckResult Threw(string name, Exception e)
    {
        var message = e.Message;
        int nl = message.IndexOfAny(['\r', '\n']);
        return Fail(name, $"threw {e.GetType().Name}: {(nl < 0 ? message : message[..nl])}");
    }

    private static EnvCheckResult Pass(string name, string message) => new(name, true, message);
    private static EnvCheckResult Fail(string name, string message) => new(name, false, message);
    private static EnvCheckResult Skip(string name, string message) => new(name, true, message) { Skipped = true };

    // An environment with state-dependent valid actions (IActionMask) is stepped with valid actions only: rejection
    // sampling from the action space keeps the draws seeded and uniform over the valid ones.
    private static object SampleAction(IEnv env, object observation)
    {
        if (env.Unwrapped is IActionMask mask && observation is int state && env.ActionSpace is Discrete discrete)
        {
            for (int tries = 0; tries < 64 * discrete.N; tries++)
            {
                int a = discrete.Sample();
                if (mask.IsValidAction(state, a)) return a;
            }
            for (int a = discrete.Start; a < discrete.Start + discrete.N; a++)
                if (mask.IsValidAction(state, a)) return a;
        }
        return env.ActionSpace.SampleBoxed();
    }

    private sealed class RandomStateProbe : IEnvVisitor<RngState?>
    {
        public RngState? Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull =>
            (env as Env<TObs, TAct>)?.RandomState;
    }

    // Typed, so that boxing by the checker itself is not counted; actions are drawn before measuring.
    private sealed class AllocationProbe(long seed, int warmup) : IEnvVisitor<(long Bytes, int Measured)>
    {
        public (long Bytes, int Measured) Visit<TObs, TAct>(IEnv<TObs, TAct> env) where TObs : notnull where TAct : notnull
        {
            env.ActionSpace.Seed(seed + 2);
            var actions = new TAct[2 * warmup];
            for (int i = 0; i < actions.Length; i++) actions[i] = env.ActionSpace.Sample();
            var mask = env.Unwrapped as IActionMask;
            var observation = env.Reset(seed).Observation;
            long bytes = 0;
            int measured = 0;
            for (int i = 0; i < actions.Length; i++)
            {
                if (mask is not null && observation is int state && actions[i] is int drawn && !mask.IsValidAction(state, drawn))
                {
                    int valid = 0;
                    while (!mask.IsValidAction(state, valid)) valid++;
                    actions[i] = System.Runtime.CompilerServices.Unsafe.As<int, TAct>(ref valid);
                }
                long before = GC.GetAllocatedBytesForCurrentThread();
                var r = env.Step(actions[i]);
                observation = r.Observation;
                long after = GC.GetAllocatedBytesForCurrentThread();
                // The step that ends an episode may allocate (RecordEpisodeStatistics' info), and so may reset.
                if (r.Terminated || r.Truncated)
                {
                    observation = env.Reset().Observation;
                    continue;
                }
                if (i >= warmup)
                {
                    bytes += after - before;
                    measured++;
                }
            }
            return (bytes, measured);
        }
    }
}
