using MathNet.Numerics.LinearAlgebra;

namespace RlGym.Neural;

/// <summary>
/// One trainable tensor of a network: its value and the gradient accumulated into it by
/// <see cref="Networks.Sequential.Backward"/>. Both are dense column-major MathNet matrices whose storage
/// optimizers update in place through <see cref="Values"/> and <see cref="Gradients"/>.
/// </summary>
public sealed class Parameter
{
    /// <summary>Creates a zero parameter of the given shape.</summary>
    public Parameter(string name, int rows, int columns)
    {
        if (rows <= 0 || columns <= 0)
            throw new ArgumentOutOfRangeException(nameof(rows), $"A parameter needs a positive shape, got {rows}×{columns}.");
        Name = name;
        Value = Matrix<double>.Build.Dense(rows, columns);
        Gradient = Matrix<double>.Build.Dense(rows, columns);
    }

    /// <summary>A short name such as <c>weight</c> or <c>bias</c>; saved files record it to explain mismatches.</summary>
    public string Name { get; }

    /// <summary>The parameter's value.</summary>
    public Matrix<double> Value { get; }

    /// <summary>∂loss/∂value, summed over every <c>Backward</c> since the last <c>ZeroGrad</c>.</summary>
    public Matrix<double> Gradient { get; }

    /// <summary>Number of rows.</summary>
    public int Rows => Value.RowCount;

    /// <summary>Number of columns.</summary>
    public int Columns => Value.ColumnCount;

    /// <summary>Number of scalars.</summary>
    public int Length => Value.RowCount * Value.ColumnCount;

    /// <summary>The value's storage, column-major, without copying.</summary>
    public Span<double> Values => Value.AsColumnMajorArray();

    /// <summary>The gradient's storage, column-major, without copying.</summary>
    public Span<double> Gradients => Gradient.AsColumnMajorArray();

    /// <summary>Sets the gradient to zero.</summary>
    public void ZeroGrad() => Gradients.Clear();

    /// <summary>The shape as text, e.g. <c>64×2</c>.</summary>
    public string Shape => $"{Rows}×{Columns}";

    /// <inheritdoc/>
    public override string ToString() => $"{Name} {Shape}";
}
