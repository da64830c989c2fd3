using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
using RlGym.Core.Random;
using RlGym.Neural.Kernels;

namespace RlGym.Neural.Layers;

/// <summary>
/// A fully connected layer, y = x W + b for a batch x of shape batch × inputs.
/// W is stored inputs × outputs (the transpose of PyTorch's <c>weight</c>), b is 1 × outputs.
/// </summary>
public sealed class Dense : ILayer
{
    // Below this batch size the per-column SIMD loops are too short to pay off, so rows are processed one at a time.
    private const int SmallBatch = 4;

    private readonly Parameter[] _parameters;
    private readonly double[] _row;
    private readonly double[] _rowAccumulator;

    /// <summary>Creates a layer with weights drawn by <paramref name="init"/> from <paramref name="rng"/>, scaled by <paramref name="gain"/>.</summary>
    public Dense(int inputs, int outputs, Rng rng, WeightInit init = WeightInit.XavierUniform, double gain = 1.0)
        : this(inputs, outputs)
    {
        Initialize(rng, init, gain);
    }

    private Dense(int inputs, int outputs)
    {
        if (inputs <= 0 || outputs <= 0)
            throw new ArgumentOutOfRangeException(nameof(inputs), $"Dense needs positive sizes, got {inputs} → {outputs}.");
        Inputs = inputs;
        Outputs = outputs;
        Weights = new Parameter("weight", inputs, outputs);
        Bias = new Parameter("bias", 1, outputs);
        _parameters = [Weights, Bias];
        _row = new double[inputs];
        _rowAccumulator = new double[inputs];
    }

    /// <summary>Input width.</summary>
    public int Inputs { get; }

    /// <summary>Output width.</summary>
    public int Outputs { get; }

    /// <summary>W, inputs × outputs.</summary>
    public Parameter Weights { get; }

    /// <summary>b, 1 × outputs.</summary>
    public Parameter Bias { get; }

    /// <inheritdoc/>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <inheritdoc/>
    public int OutputSize(int inputSize) => inputSize == Inputs
        ? Outputs
        : throw new ArgumentException($"Dense({Inputs} → {Outputs}) cannot take an input of width {inputSize}.", nameof(inputSize));

    /// <summary>Redraws the weights (and zeroes or redraws the bias) as <paramref name="init"/> says.</summary>
    public void Initialize(Rng rng, WeightInit init, double gain = 1.0)
    {
        var w = Weights.Values;
        var b = Bias.Values;
        b.Clear();
        switch (init)
        {
            case WeightInit.XavierUniform:
            {
                double bound = gain * Math.Sqrt(6.0 / (Inputs + Outputs));
                for (int i = 0; i < w.Length; i++) w[i] = rng.Uniform(-bound, bound);
                break;
            }
            case WeightInit.PyTorchDefault:
            {
                double bound = gain / Math.Sqrt(Inputs);
                for (int i = 0; i < w.Length; i++) w[i] = rng.Uniform(-bound, bound);
                for (int i = 0; i < b.Length; i++) b[i] = rng.Uniform(-bound, bound);
                break;
            }
            case WeightInit.Orthogonal:
                Orthogonal(rng, gain).Data().CopyTo(w);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(init), init, "Unknown weight initialisation.");
        }
    }

    // QR of a Gaussian matrix, with Q's columns sign-corrected by diag(R) so the result is uniform (Haar) over
    // orthogonal matrices; the tall orientation is factorised and transposed back when needed.
    private Matrix<double> Orthogonal(Rng rng, double gain)
    {
        int tall = Math.Max(Inputs, Outputs), wide = Math.Min(Inputs, Outputs);
        var a = Matrix<double>.Build.Dense(tall, wide, (_, _) => rng.NextGaussian());
        var qr = a.QR(QRMethod.Thin);
        var q = qr.Q.Clone();
        for (int j = 0; j < wide; j++)
            if (qr.R[j, j] < 0) q.SetColumn(j, q.Column(j).Negate());
        q = q.Multiply(gain);
        return Inputs >= Outputs ? q : q.Transpose();
    }

    /// <inheritdoc/>
    public void Forward(Matrix<double> input, Matrix<double> output)
    {
        int batch = input.RowCount;
        CheckShape(input, batch, Inputs, "input");
        CheckShape(output, batch, Outputs, "output");
        ReadOnlySpan<double> x = input.Data(), w = Weights.Value.Data(), b = Bias.Value.Data();
        Span<double> y = output.Data();
        if (batch >= SmallBatch)
        {
            Blas.MultiplyColumns(x, batch, Inputs, w, 1, Inputs, Outputs, b, y);
            return;
        }
        var row = _row.AsSpan();
        for (int i = 0; i < batch; i++)
        {
            for (int k = 0; k < Inputs; k++) row[k] = x[k * batch + i];
            for (int j = 0; j < Outputs; j++) y[j * batch + i] = b[j] + Blas.Dot(row, w.Slice(j * Inputs, Inputs));
        }
    }

    /// <inheritdoc/>
    public void Backward(Matrix<double> input, Matrix<double> output, Matrix<double> outputGradient, Matrix<double>? inputGradient)
    {
        int batch = input.RowCount;
        CheckShape(input, batch, Inputs, "input");
        CheckShape(outputGradient, batch, Outputs, "output gradient");
        ReadOnlySpan<double> x = input.Data(), w = Weights.Value.Data(), dy = outputGradient.Data();
        Span<double> dw = Weights.Gradient.Data(), db = Bias.Gradient.Data();

        // ∂L/∂b_j = Σ_i ∂L/∂y_ij
        for (int j = 0; j < Outputs; j++)
        {
            var dyj = dy.Slice(j * batch, batch);
            double sum = 0;
            for (int i = 0; i < dyj.Length; i++) sum += dyj[i];
            db[j] += sum;
        }

        Span<double> dx = default;
        if (inputGradient is not null)
        {
            CheckShape(inputGradient, batch, Inputs, "input gradient");
            dx = inputGradient.Data();
        }

        if (batch >= SmallBatch)
        {
            // ∂L/∂W = xᵀ ∂L/∂y
            Blas.AddTransposeProduct(x, dy, batch, Inputs, Outputs, dw);
            // ∂L/∂x = ∂L/∂y Wᵀ
            if (inputGradient is not null) Blas.MultiplyColumns(dy, batch, Outputs, w, Inputs, 1, Inputs, default, dx);
            return;
        }

        var row = _row.AsSpan();
        var acc = _rowAccumulator.AsSpan();
        for (int i = 0; i < batch; i++)
        {
            for (int k = 0; k < Inputs; k++) row[k] = x[k * batch + i];
            acc.Clear();
            for (int j = 0; j < Outputs; j++)
            {
                double g = dy[j * batch + i];
                Blas.Axpy(g, row, dw.Slice(j * Inputs, Inputs));
                Blas.Axpy(g, w.Slice(j * Inputs, Inputs), acc);
            }
            if (inputGradient is null) continue;
            for (int k = 0; k < Inputs; k++) dx[k * batch + i] = acc[k];
        }
    }

    /// <inheritdoc/>
    public ILayer Clone()
    {
        var copy = new Dense(Inputs, Outputs);
        Weights.Values.CopyTo(copy.Weights.Values);
        Bias.Values.CopyTo(copy.Bias.Values);
        return copy;
    }

    internal static void CheckShape(Matrix<double> m, int rows, int columns, string what)
    {
        if (m.RowCount != rows || m.ColumnCount != columns)
            throw new ArgumentException($"Expected the {what} to be {rows}×{columns}, got {m.RowCount}×{m.ColumnCount}.");
    }

    /// <inheritdoc/>
    public override string ToString() => $"Dense({Inputs} → {Outputs})";
}
