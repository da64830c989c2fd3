using RlGym.Core.Environments;
using RlGym.Core.Spaces;

namespace RlGym.Core.Wrappers;

/// <summary>
/// Centres and scales each element of a <see cref="Box"/> observation by running statistics, as Gymnasium's
/// <c>NormalizeObservation</c>: every observation (from reset and step) first updates the running mean μ and
/// variance σ² (<see cref="RunningMeanStd"/>), then is returned as <c>(x − μ) / sqrt(σ² + ε)</c> in float32 with
/// ε = <see cref="Epsilon"/>. The observation space becomes <c>Box(-inf, inf)</c> of the same shape.
/// Set <see cref="UpdateRunningMean"/> to false to freeze the statistics for evaluation. The statistics are part of
/// the trained agent (<see cref="IFittedWrapper"/>): a run saves them beside its agent file, and a checkpoint holds
/// them with the rest of the wrapper's state. Stepping allocates nothing.
/// </summary>
public sealed class NormalizeObservation<TAct> : Wrapper<float[], TAct>, IFittedWrapper where TAct : notnull
{
    private readonly ObservationBuffer _buffer;

    /// <summary>Wraps <paramref name="inner"/>, whose observation space must be a <see cref="Box"/>.</summary>
    public NormalizeObservation(IEnv<float[], TAct> inner, double epsilon = 1e-8) : base(inner)
    {
        var box = inner.ObservationSpace as Box ?? throw new ArgumentException(
            $"NormalizeObservation needs Box observations; {inner} has {inner.ObservationSpace}.", nameof(inner));
        if (!(epsilon >= 0)) throw new ArgumentOutOfRangeException(nameof(epsilon), epsilon, "must be non-negative");
        Epsilon = epsilon;
        ObservationSpace = new Box(float.NegativeInfinity, float.PositiveInfinity, [.. box.Shape]);
        Statistics = new RunningMeanStd(box.Size);
        _buffer = new ObservationBuffer(box.Size);
    }

    /// <inheritdoc />
    public override Space<float[]> ObservationSpace { get; }

    /// <summary>The ε added to the variance before the square root.</summary>
    public double Epsilon { get; }

    /// <summary>The running statistics (read them, or <see cref="RunningMeanStd.Set"/> them from a checkpoint).</summary>
    public RunningMeanStd Statistics { get; }

    /// <summary>True (the default) while observations update the statistics; false freezes them, for evaluation.</summary>
    public bool UpdateRunningMean { get; set; } = true;

    bool IFittedWrapper.Fitting
    {
        get => UpdateRunningMean;
        set => UpdateRunningMean = value;
    }

    /// <inheritdoc />
    public override ResetResult<float[]> Reset(long? seed = null, Registration.EnvOptions? options = null)
    {
        var r = Inner.Reset(seed, options);
        return r with { Observation = Normalize(r.Observation) };
    }

    /// <inheritdoc />
    public override StepResult<float[]> Step(TAct action)
    {
        var r = StepInner(action);
        return r with { Observation = Normalize(r.Observation) };
    }

    private float[] Normalize(float[] x)
    {
        if (UpdateRunningMean) Statistics.Update(x);
        var mean = Statistics.Mean;
        var variance = Statistics.Variance;
        var y = _buffer.Next();
        for (int i = 0; i < y.Length; i++) y[i] = (float)((x[i] - mean[i]) / Math.Sqrt(variance[i] + Epsilon));
        return y;
    }

    /// <inheritdoc />
    public override void WriteState(BinaryWriter writer)
    {
        base.WriteState(writer);
        writer.Write(UpdateRunningMean);
        WriteStatistics(writer);
    }

    /// <inheritdoc />
    public override void ReadState(BinaryReader reader)
    {
        base.ReadState(reader);
        UpdateRunningMean = reader.ReadBoolean();
        ReadStatistics(reader);
    }

    /// <summary>Writes the count, the means and the variances of <see cref="Statistics"/>.</summary>
    public void WriteStatistics(BinaryWriter writer)
    {
        writer.Write(Statistics.Count);
        foreach (var m in Statistics.Mean) writer.Write(m);
        foreach (var v in Statistics.Variance) writer.Write(v);
    }

    /// <summary>Restores what <see cref="WriteStatistics"/> wrote (the same element count, or the bytes run short or make no sense).</summary>
    public void ReadStatistics(BinaryReader reader)
    {
        double count = reader.ReadDouble();
        var mean = new double[Statistics.Size];
        var variance = new double[Statistics.Size];
        for (int i = 0; i < mean.Length; i++) mean[i] = reader.ReadDouble();
        for (int i = 0; i < variance.Length; i++) variance[i] = reader.ReadDouble();
        try
        {
            Statistics.Set(mean, variance, count);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"the saved observation statistics are damaged: {e.Message}", e);
        }
    }
}
