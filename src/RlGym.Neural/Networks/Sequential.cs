using MathNet.Numerics.LinearAlgebra;
using RlGym.Neural.Kernels;
using RlGym.Neural.Layers;

namespace RlGym.Neural.Networks;

/// <summary>
/// A chain of layers trained the way PyTorch code reads:
/// <code>
/// net.ZeroGrad();
/// var q = net.Forward(x);          // x: batch × inputs, one row per sample
/// var dq = loss.Gradient(q, y);
/// net.Backward(dq);                // adds ∂loss/∂w into every Parameter.Gradient
/// optimizer.Step();
/// </code>
/// Buffers are created once per batch size and reused, so after the first call with a given batch size
/// <see cref="Forward"/>, <see cref="Backward"/> and <see cref="Predict(Matrix{double})"/> allocate nothing.
/// Returned matrices belong to the network and are overwritten by the next call of the same kind and batch size.
/// A network is not thread-safe: use it from one thread at a time.
/// </summary>
/// <remarks>
/// Networks compute in double precision. Float32 would double the SIMD lanes, but at CartPole sizes a training
/// step costs tens of microseconds either way, while double lets <see cref="Checking.GradientCheck"/> verify every
/// layer to a relative error below 10⁻⁴ and keeps one code path. Float32 observations go in through
/// <see cref="Predict(ReadOnlySpan{float})"/> or <see cref="MatrixRows.CopyRowFrom(Matrix{double}, int, ReadOnlySpan{float})"/>.
/// </remarks>
public sealed class Sequential
{
    private readonly ILayer[] _layers;
    private readonly int[] _widths;
    private readonly Parameter[] _parameters;
    private readonly Dictionary<int, Pass> _trainingPasses = [];
    private readonly Dictionary<int, Pass> _inferencePasses = [];
    private readonly Matrix<double> _singleInput;
    private Pass? _lastTrainingPass;
    private long _uses;

    /// <summary>
    /// How many batch sizes keep their buffers per kind of pass (training, inference); beyond that the least
    /// recently used is dropped. Episodes of varying length (REINFORCE) therefore allocate once per new length
    /// without growing memory without bound; pad or chunk to fixed sizes where allocation matters.
    /// </summary>
    public const int CachedBatchSizes = 8;

    /// <summary>Chains <paramref name="layers"/> for inputs of width <paramref name="inputSize"/>.</summary>
    public Sequential(int inputSize, IEnumerable<ILayer> layers)
    {
        _layers = layers.ToArray();
        if (_layers.Length == 0) throw new ArgumentException("A network needs at least one layer.", nameof(layers));
        _widths = new int[_layers.Length + 1];
        _widths[0] = inputSize;
        for (int l = 0; l < _layers.Length; l++) _widths[l + 1] = _layers[l].OutputSize(_widths[l]);
        _parameters = _layers.SelectMany(layer => layer.Parameters).ToArray();
        _singleInput = Matrix<double>.Build.Dense(1, inputSize);
    }

    /// <summary>Chains <paramref name="layers"/>; the first layer must be a <see cref="Dense"/>, which fixes the input width.</summary>
    public Sequential(params ILayer[] layers)
        : this(layers.Length > 0 && layers[0] is Dense first ? first.Inputs
            : throw new ArgumentException("Give the input width when the first layer is not Dense.", nameof(layers)), layers)
    {
    }

    /// <summary>The layers, first to last.</summary>
    public IReadOnlyList<ILayer> Layers => _layers;

    /// <summary>Every trainable parameter, layer by layer; hand these to an optimizer.</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Input width.</summary>
    public int InputSize => _widths[0];

    /// <summary>Output width.</summary>
    public int OutputSize => _widths[^1];

    /// <summary>Total number of trainable scalars.</summary>
    public int ParameterCount => _parameters.Sum(p => p.Length);

    /// <summary>
    /// The training forward pass: returns the output (batch × outputs) and remembers the activations that
    /// <see cref="Backward"/> differentiates. The input is copied, so the caller may reuse its matrix.
    /// </summary>
    public Matrix<double> Forward(Matrix<double> input)
    {
        var pass = Run(input, _trainingPasses);
        _lastTrainingPass = pass;
        return pass.Activations[^1];
    }

    /// <summary>
    /// An inference forward pass with its own buffers: it does not disturb what the last <see cref="Forward"/>
    /// remembered, so targets (s′ through the same net) can be computed between Forward and Backward.
    /// </summary>
    public Matrix<double> Predict(Matrix<double> input) => Run(input, _inferencePasses).Activations[^1];

    /// <summary>The output for one observation (e.g. action logits or Q-values when acting). The span is the inference buffer for one row: valid until the next one-row Predict.</summary>
    public ReadOnlySpan<double> Predict(ReadOnlySpan<float> observation)
    {
        CheckWidth(observation.Length);
        var x = _singleInput.Data();
        for (int i = 0; i < x.Length; i++) x[i] = observation[i];
        return Predict(_singleInput).Data();
    }

    /// <inheritdoc cref="Predict(ReadOnlySpan{float})"/>
    public ReadOnlySpan<double> Predict(ReadOnlySpan<double> observation)
    {
        CheckWidth(observation.Length);
        observation.CopyTo(_singleInput.Data());
        return Predict(_singleInput).Data();
    }

    /// <summary>
    /// Back-propagates ∂loss/∂output (same shape as the last <see cref="Forward"/>'s output) through the network,
    /// adding ∂loss/∂w into every parameter's gradient. Returns ∂loss/∂input (owned by the network), which
    /// deterministic policy gradients need for ∂q/∂a.
    /// </summary>
    public Matrix<double> Backward(Matrix<double> outputGradient)
    {
        var pass = _lastTrainingPass ?? throw new InvalidOperationException("Backward needs a Forward first.");
        int batch = pass.Activations[0].RowCount;
        if (outputGradient.RowCount != batch || outputGradient.ColumnCount != OutputSize)
            throw new ArgumentException(
                $"The output gradient is {outputGradient.RowCount}×{outputGradient.ColumnCount} but the last Forward produced {batch}×{OutputSize}.",
                nameof(outputGradient));
        var upstream = outputGradient;
        for (int l = _layers.Length - 1; l >= 0; l--)
        {
            _layers[l].Backward(pass.Activations[l], pass.Activations[l + 1], upstream, pass.Gradients[l]);
            upstream = pass.Gradients[l];
        }
        return upstream;
    }

    /// <summary>Sets every parameter's gradient to zero.</summary>
    public void ZeroGrad()
    {
        for (int i = 0; i < _parameters.Length; i++) _parameters[i].ZeroGrad();
    }

    /// <summary>Hard target-network update, w⁻ ← w: copies <paramref name="source"/>'s parameter values into this network.</summary>
    public void CopyFrom(Sequential source)
    {
        CheckSameShapes(source);
        for (int i = 0; i < _parameters.Length; i++) source._parameters[i].Values.CopyTo(_parameters[i].Values);
    }

    /// <summary>Soft target-network update, w⁻ ← τ w + (1 − τ) w⁻, with this network as w⁻ and <paramref name="source"/> as w.</summary>
    public void SoftUpdateFrom(Sequential source, double tau)
    {
        if (tau is < 0 or > 1 || double.IsNaN(tau)) throw new ArgumentOutOfRangeException(nameof(tau), tau, "τ must lie in [0, 1].");
        CheckSameShapes(source);
        for (int p = 0; p < _parameters.Length; p++)
        {
            ReadOnlySpan<double> w = source._parameters[p].Values;
            Span<double> target = _parameters[p].Values;
            for (int i = 0; i < target.Length; i++) target[i] = tau * w[i] + (1 - tau) * target[i];
        }
    }

    /// <summary>A new network with the same layers and a copy of the weights: the usual way to create a target network.</summary>
    public Sequential Clone() => new(InputSize, _layers.Select(layer => layer.Clone()));

    /// <summary>Writes the parameter values to <paramref name="stream"/> (versioned binary, left open).</summary>
    public void Save(Stream stream) => NetworkFormat.Write(stream, this);

    /// <summary>Reads values written by <see cref="Save"/>; throws <see cref="InvalidDataException"/> naming the first mismatch when the file does not fit this network.</summary>
    public void Load(Stream stream) => NetworkFormat.Read(stream, this);

    /// <inheritdoc/>
    public override string ToString() => $"Sequential({InputSize}: {string.Join(" → ", _layers.Select(l => l.ToString()))})";

    private Pass Run(Matrix<double> input, Dictionary<int, Pass> passes)
    {
        CheckWidth(input.ColumnCount);
        int batch = input.RowCount;
        if (!passes.TryGetValue(batch, out var pass))
        {
            if (passes.Count >= CachedBatchSizes) Evict(passes);
            pass = new Pass(batch, _widths);
            passes.Add(batch, pass);
        }
        pass.LastUse = ++_uses;
        input.Data().AsSpan().CopyTo(pass.Activations[0].Data());
        for (int l = 0; l < _layers.Length; l++) _layers[l].Forward(pass.Activations[l], pass.Activations[l + 1]);
        return pass;
    }

    private static void Evict(Dictionary<int, Pass> passes)
    {
        int oldest = -1;
        long oldestUse = long.MaxValue;
        foreach (var (batch, pass) in passes)
            if (pass.LastUse < oldestUse) (oldest, oldestUse) = (batch, pass.LastUse);
        passes.Remove(oldest);
    }

    private void CheckWidth(int width)
    {
        if (width != InputSize)
            throw new ArgumentException($"This network takes inputs of width {InputSize}, got {width}.");
    }

    private void CheckSameShapes(Sequential other)
    {
        if (other._parameters.Length != _parameters.Length)
            throw new ArgumentException($"The networks differ: {other._parameters.Length} parameters versus {_parameters.Length}.");
        for (int i = 0; i < _parameters.Length; i++)
            if (other._parameters[i].Rows != _parameters[i].Rows || other._parameters[i].Columns != _parameters[i].Columns)
                throw new ArgumentException($"Parameter {i} ({_parameters[i].Name}) is {_parameters[i].Shape} here but {other._parameters[i].Shape} in the other network.");
    }

    /// <summary>Activations and their gradients for one batch size.</summary>
    private sealed class Pass
    {
        public Pass(int batch, int[] widths)
        {
            Activations = widths.Select(w => Matrix<double>.Build.Dense(batch, w)).ToArray();
            Gradients = widths.Select(w => Matrix<double>.Build.Dense(batch, w)).ToArray();
        }

        public Matrix<double>[] Activations { get; }

        public Matrix<double>[] Gradients { get; }

        public long LastUse { get; set; }
    }
}
