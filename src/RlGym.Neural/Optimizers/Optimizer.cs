using RlGym.Neural.Networks;

namespace RlGym.Neural.Optimizers;

/// <summary>
/// Updates parameters from their accumulated gradients. Each <see cref="Step"/> optionally clips the gradients
/// by global norm, reads the step size from the schedule, updates every parameter, and counts the step.
/// It does not zero gradients: call <c>net.ZeroGrad()</c> before the next backward pass, as in PyTorch.
/// Per-parameter state (momenta, second moments) is preallocated, so steps do not allocate.
/// </summary>
public abstract class Optimizer
{
    private const uint Magic = 0x504F4752; // "RGOP" little-endian
    private const int Version = 1;

    private readonly Parameter[] _parameters;

    /// <summary>State arrays: <c>State[slot][parameter]</c>, each as long as the parameter.</summary>
    private protected readonly double[][][] State;

    private protected Optimizer(IEnumerable<Parameter> parameters, LearningRateSchedule learningRate, int stateSlots)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        if (_parameters.Length == 0) throw new ArgumentException("An optimizer needs at least one parameter.", nameof(parameters));
        Schedule = learningRate ?? throw new ArgumentNullException(nameof(learningRate));
        State = new double[stateSlots][][];
        for (int s = 0; s < stateSlots; s++) State[s] = _parameters.Select(p => new double[p.Length]).ToArray();
    }

    /// <summary>The parameters this optimizer updates.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>The step-size schedule; a number converts to a constant one.</summary>
    public LearningRateSchedule Schedule { get; set; }

    /// <summary>The step size the next <see cref="Step"/> will use.</summary>
    public double LearningRate => Schedule.At(StepCount);

    /// <summary>When set, gradients are clipped to this global norm before each step (CleanRL's <c>max_grad_norm</c>, e.g. 0.5).</summary>
    public double? MaxGradNorm { get; set; }

    /// <summary>Steps taken so far (Adam's t − 1; the schedule's position).</summary>
    public long StepCount { get; private set; }

    /// <summary>The global gradient norm before clipping at the last step (NaN when clipping is off).</summary>
    public double LastGradientNorm { get; private set; } = double.NaN;

    /// <summary>One update of every parameter from its gradient.</summary>
    public void Step()
    {
        if (MaxGradNorm is { } maxNorm) LastGradientNorm = GradientClipping.ClipByGlobalNorm(_parameters, maxNorm);
        double lr = Schedule.At(StepCount);
        StepCount++;
        for (int p = 0; p < _parameters.Length; p++)
            Update(p, _parameters[p].Values, _parameters[p].Gradients, lr, StepCount);
    }

    /// <summary>Updates parameter <paramref name="index"/> in place; <paramref name="step"/> counts from 1.</summary>
    private protected abstract void Update(int index, Span<double> value, ReadOnlySpan<double> gradient, double learningRate, long step);

    /// <summary>Writes the step count and state (not the hyperparameters) to <paramref name="stream"/> (versioned binary, left open).</summary>
    public void Save(Stream stream)
    {
        using var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(Version);
        writer.Write(GetType().Name);
        writer.Write(StepCount);
        writer.Write(_parameters.Length);
        writer.Write(State.Length);
        for (int p = 0; p < _parameters.Length; p++)
        {
            writer.Write(_parameters[p].Rows);
            writer.Write(_parameters[p].Columns);
            for (int s = 0; s < State.Length; s++)
                foreach (var v in State[s][p]) writer.Write(v);
        }
    }

    /// <summary>
    /// Restores what <see cref="Save"/> wrote into an optimizer of the same kind over parameters of the same shapes,
    /// so training continues exactly; throws <see cref="InvalidDataException"/> naming the first mismatch.
    /// </summary>
    public void Load(Stream stream)
    {
        using var reader = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
        NetworkFormat.ReadHeader(reader, Magic, Version, "optimizer state");
        string kind = reader.ReadString();
        if (kind != GetType().Name)
            throw new InvalidDataException($"The saved optimizer is {kind} but this one is {GetType().Name}.");
        long steps = reader.ReadInt64();
        int count = reader.ReadInt32(), slots = reader.ReadInt32();
        if (count != _parameters.Length)
            throw new InvalidDataException($"The saved {kind} updates {count} parameters but this one updates {_parameters.Length}.");
        if (slots != State.Length)
            throw new InvalidDataException($"The saved {kind} keeps {slots} state arrays per parameter but this one keeps {State.Length} (momentum setting differs?).");
        var loaded = new double[slots][][];
        for (int s = 0; s < slots; s++) loaded[s] = new double[count][];
        for (int p = 0; p < count; p++)
        {
            int rows = reader.ReadInt32(), columns = reader.ReadInt32();
            if (rows != _parameters[p].Rows || columns != _parameters[p].Columns)
                throw new InvalidDataException($"Saved optimizer state for parameter {p} is {rows}×{columns} but the parameter is {_parameters[p].Shape}.");
            for (int s = 0; s < slots; s++)
            {
                loaded[s][p] = new double[rows * columns];
                for (int i = 0; i < loaded[s][p].Length; i++) loaded[s][p][i] = reader.ReadDouble();
            }
        }
        for (int s = 0; s < slots; s++)
            for (int p = 0; p < count; p++) loaded[s][p].CopyTo(State[s][p], 0);
        StepCount = steps;
    }
}
