namespace RlGym.Core.Vector;

/// <summary>
/// The order in which an <see cref="ArrayVectorEnv{TAct}"/> steps a range of its copies (see
/// <see cref="ArrayVectorEnv{TAct}.SteppedDownward"/>). Used as a type argument, so that the JIT compiles a loop once per
/// order with no test per copy: for a toy-text step of a few nanoseconds, that test cost a tenth of it.
/// </summary>
public interface IStepOrder
{
    /// <summary>The copy visited <paramref name="k"/>-th (k from 0) in the range [<paramref name="from"/>, <paramref name="to"/>).</summary>
    static abstract int Copy(int k, int from, int to);
}

/// <summary>From the range's first copy up to its last.</summary>
public readonly struct UpwardOrder : IStepOrder
{
    /// <inheritdoc />
    public static int Copy(int k, int from, int to) => from + k;
}

/// <summary>From the range's last copy down to its first.</summary>
public readonly struct DownwardOrder : IStepOrder
{
    /// <inheritdoc />
    public static int Copy(int k, int from, int to) => to - 1 - k;
}
