using RlGym.Core.Random;

namespace RlGym.Core.Spaces;

/// <summary>
/// A set of valid observations or actions, as Gymnasium's <c>Space</c>: it samples from its own seeded
/// generator and tells whether a value belongs to it. The non-generic base serves code that meets an
/// environment whose types it does not know (the command line, the env checker, agent factories).
/// </summary>
public abstract class Space
{
    private Rng? _rng;

    /// <summary>The generator used by <c>Sample</c>; seeded from entropy until <see cref="Seed"/> is called.</summary>
    public Rng Random => _rng ??= Rng.FromEntropy();

    /// <summary>Seeds the space's generator, so that samples reproduce.</summary>
    public void Seed(long seed) => _rng = new Rng(seed);

    /// <summary>The shape of one element (empty for a scalar).</summary>
    public abstract IReadOnlyList<int> Shape { get; }

    /// <summary>The CLR type of one element.</summary>
    public abstract Type ElementType { get; }

    /// <summary>Draws a value, boxed.</summary>
    public abstract object SampleBoxed();

    /// <summary>True when the boxed value is of this space's type and inside it.</summary>
    public abstract bool ContainsBoxed(object? value);

    /// <summary>Flattened numbers of a value, for printing and checking (a scalar gives one number).</summary>
    public abstract double[] ToNumbers(object value);

    /// <summary>Builds a value of this space from numbers given on a command line or in a file.</summary>
    public abstract object FromNumbers(ReadOnlySpan<double> numbers);

    /// <summary>Gymnasium-style description, e.g. <c>Discrete(4)</c> or <c>Box(-inf, inf, (4,), float32)</c>.</summary>
    public abstract override string ToString();
}

/// <summary>A space whose elements are of type <typeparamref name="T"/>.</summary>
public abstract class Space<T> : Space where T : notnull
{
    /// <summary>Draws a value uniformly (or as Gymnasium's space does) from the space's generator.</summary>
    public abstract T Sample();

    /// <summary>True when <paramref name="value"/> belongs to the space.</summary>
    public abstract bool Contains(T value);

    /// <summary>
    /// A copy of a value that outlives the environment's buffers (observations of array type are owned by
    /// the environment and overwritten by later steps).
    /// </summary>
    public abstract T Clone(T value);

    /// <inheritdoc />
    public sealed override Type ElementType => typeof(T);

    /// <inheritdoc />
    public sealed override object SampleBoxed() => Sample();

    /// <inheritdoc />
    public sealed override bool ContainsBoxed(object? value) => value is T t && Contains(t);
}
