using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace RlGym.Neural.Kernels;

/// <summary>
/// The kernels the layers are built from, over column-major storage with the batch along columns.
/// MathNet 5.0.0's managed <c>Multiply(other, result)</c> copies every column of the right operand into fresh
/// arrays on each call (and parallelises with closures above <c>Control.ParallelizeOrder</c>), so the hot path
/// uses these SIMD loops instead. Accumulators stay in registers across the inner dimension.
/// </summary>
internal static class Blas
{
    private static readonly int Width = Vector<double>.Count;

    /// <summary>Σ x_i y_i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        int n = x.Length, i = 0;
        double sum = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            ref double rx = ref MemoryMarshal.GetReference(x);
            ref double ry = ref MemoryMarshal.GetReference(y[..n]);
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            for (; i + 2 * Width <= n; i += 2 * Width)
            {
                acc0 += Vector.LoadUnsafe(ref rx, (nuint)i) * Vector.LoadUnsafe(ref ry, (nuint)i);
                acc1 += Vector.LoadUnsafe(ref rx, (nuint)(i + Width)) * Vector.LoadUnsafe(ref ry, (nuint)(i + Width));
            }
            for (; i + Width <= n; i += Width) acc0 += Vector.LoadUnsafe(ref rx, (nuint)i) * Vector.LoadUnsafe(ref ry, (nuint)i);
            sum = Vector.Sum(acc0 + acc1);
        }
        for (; i < n; i++) sum += x[i] * y[i];
        return sum;
    }

    /// <summary>y ← y + a x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Axpy(double a, ReadOnlySpan<double> x, Span<double> y)
    {
        int n = x.Length, i = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
            var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..n]);
            var va = new Vector<double>(a);
            for (int k = 0; k < vx.Length; k++) vy[k] += va * vx[k];
            i = vx.Length * Width;
        }
        for (; i < n; i++) y[i] += a * x[i];
    }

    /// <summary>
    /// Y = X A (+ bias per column): X is batch × inner, Y is batch × columns, both column-major;
    /// A[k, j] = a[k·kStride + j·jStride], so one routine serves x W (kStride 1, jStride inner of W) and
    /// g Wᵀ (kStride = W's row count, jStride 1). Y's columns are built in blocks of batch rows held in registers.
    /// </summary>
    public static void MultiplyColumns(ReadOnlySpan<double> x, int batch, int inner,
        ReadOnlySpan<double> a, int kStride, int jStride, int columns, ReadOnlySpan<double> bias, Span<double> y)
    {
        if (x.Length < batch * inner || y.Length < batch * columns) throw new ArgumentException("Buffer too small.");
        if (a.Length < (inner - 1) * kStride + (columns - 1) * jStride + 1) throw new ArgumentException("Coefficient buffer too small.");
        ref double rx = ref MemoryMarshal.GetReference(x);
        ref double ry = ref MemoryMarshal.GetReference(y);
        ref double ra = ref MemoryMarshal.GetReference(a);
        int w = Width, block = 4 * w;
        // Row blocks outermost: a block of x (block rows × inner) stays in L1 while every output column uses it.
        int blocked = Vector.IsHardwareAccelerated ? batch / block * block : 0;
        for (int i = 0; i < blocked; i += block)
        {
            ref double rxi = ref Unsafe.Add(ref rx, i);
            for (int j = 0; j < columns; j++)
            {
                var acc0 = new Vector<double>(bias.IsEmpty ? 0 : bias[j]);
                var acc1 = acc0;
                var acc2 = acc0;
                var acc3 = acc0;
                ref double raj = ref Unsafe.Add(ref ra, j * jStride);
                for (int k = 0; k < inner; k++)
                {
                    var s = new Vector<double>(Unsafe.Add(ref raj, k * kStride));
                    ref double xk = ref Unsafe.Add(ref rxi, k * batch);
                    acc0 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref xk), acc0);
                    acc1 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref xk, (nuint)w), acc1);
                    acc2 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref xk, (nuint)(2 * w)), acc2);
                    acc3 = Vector.FusedMultiplyAdd(s, Vector.LoadUnsafe(ref xk, (nuint)(3 * w)), acc3);
                }
                nuint yo = (nuint)(j * batch + i);
                acc0.StoreUnsafe(ref ry, yo);
                acc1.StoreUnsafe(ref ry, yo + (nuint)w);
                acc2.StoreUnsafe(ref ry, yo + (nuint)(2 * w));
                acc3.StoreUnsafe(ref ry, yo + (nuint)(3 * w));
            }
        }
        if (blocked == batch) return;
        for (int j = 0; j < columns; j++)
        {
            double b0 = bias.IsEmpty ? 0 : bias[j];
            int i = blocked;
            if (Vector.IsHardwareAccelerated)
            {
                for (; i + w <= batch; i += w)
                {
                    var acc = new Vector<double>(b0);
                    for (int k = 0; k < inner; k++)
                        acc = Vector.FusedMultiplyAdd(new Vector<double>(Unsafe.Add(ref ra, k * kStride + j * jStride)), Vector.LoadUnsafe(ref rx, (nuint)(k * batch + i)), acc);
                    acc.StoreUnsafe(ref ry, (nuint)(j * batch + i));
                }
            }
            for (; i < batch; i++)
            {
                double sum = b0;
                for (int k = 0; k < inner; k++) sum += a[k * kStride + j * jStride] * x[k * batch + i];
                y[j * batch + i] = sum;
            }
        }
    }

    /// <summary>
    /// G += Xᵀ D for column-major X (batch × rows) and D (batch × columns): G[k, j] += Σ_i X[i, k] D[i, j],
    /// with G column-major rows × columns. Four columns of X share each load of D's column.
    /// </summary>
    public static void AddTransposeProduct(ReadOnlySpan<double> x, ReadOnlySpan<double> d, int batch, int rows, int columns, Span<double> g)
    {
        for (int j = 0; j < columns; j++)
        {
            var dj = d.Slice(j * batch, batch);
            var gj = g.Slice(j * rows, rows);
            int k = 0;
            for (; k + 4 <= rows; k += 4)
            {
                Dot4(dj, x.Slice(k * batch, 4 * batch), batch, out double s0, out double s1, out double s2, out double s3);
                gj[k] += s0;
                gj[k + 1] += s1;
                gj[k + 2] += s2;
                gj[k + 3] += s3;
            }
            for (; k < rows; k++) gj[k] += Dot(x.Slice(k * batch, batch), dj);
        }
    }

    // Dot products of d with four consecutive length-n columns of x.
    private static void Dot4(ReadOnlySpan<double> d, ReadOnlySpan<double> x, int n, out double s0, out double s1, out double s2, out double s3)
    {
        ref double rd = ref MemoryMarshal.GetReference(d);
        ref double rx = ref MemoryMarshal.GetReference(x);
        int i = 0;
        s0 = s1 = s2 = s3 = 0;
        if (Vector.IsHardwareAccelerated && n >= Width)
        {
            var a0 = Vector<double>.Zero;
            var a1 = Vector<double>.Zero;
            var a2 = Vector<double>.Zero;
            var a3 = Vector<double>.Zero;
            for (; i + Width <= n; i += Width)
            {
                var dv = Vector.LoadUnsafe(ref rd, (nuint)i);
                a0 = Vector.FusedMultiplyAdd(dv, Vector.LoadUnsafe(ref rx, (nuint)i), a0);
                a1 = Vector.FusedMultiplyAdd(dv, Vector.LoadUnsafe(ref rx, (nuint)(n + i)), a1);
                a2 = Vector.FusedMultiplyAdd(dv, Vector.LoadUnsafe(ref rx, (nuint)(2 * n + i)), a2);
                a3 = Vector.FusedMultiplyAdd(dv, Vector.LoadUnsafe(ref rx, (nuint)(3 * n + i)), a3);
            }
            s0 = Vector.Sum(a0);
            s1 = Vector.Sum(a1);
            s2 = Vector.Sum(a2);
            s3 = Vector.Sum(a3);
        }
        for (; i < n; i++)
        {
            s0 += d[i] * x[i];
            s1 += d[i] * x[n + i];
            s2 += d[i] * x[2 * n + i];
            s3 += d[i] * x[3 * n + i];
        }
    }
}
