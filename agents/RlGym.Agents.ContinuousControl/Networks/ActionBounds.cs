using RlGym.Core.Spaces;

namespace RlGym.Agents.ContinuousControl;

/// <summary>
/// The affine map from a tanh output y ∈ [-1, 1]ⁿ to a bounded Box: a = c + h·y with centre c = (high + low)/2 and
/// half-width h = (high − low)/2 (CleanRL's <c>action_bias</c> and <c>action_scale</c>), so ∂a/∂y = h.
/// </summary>
public sealed class ActionBounds
{
    /// <summary>Creates the map for <paramref name="space"/>, which must be bounded.</summary>
    public ActionBounds(Box space)
    {
        ArgumentNullException.ThrowIfNull(space);
        if (!space.IsBounded) throw new ArgumentException($"{space} is not bounded.", nameof(space));
        Size = space.Size;
        Low = new double[Size];
        High = new double[Size];
        Centre = new double[Size];
        HalfWidth = new double[Size];
        for (int j = 0; j < Size; j++)
        {
            Low[j] = space.Low[j];
            High[j] = space.High[j];
            Centre[j] = (High[j] + Low[j]) / 2;
            HalfWidth[j] = (High[j] - Low[j]) / 2;
        }
    }

    /// <summary>Number of action coordinates.</summary>
    public int Size { get; }

    /// <summary>Lower bounds.</summary>
    public double[] Low { get; }

    /// <summary>Upper bounds.</summary>
    public double[] High { get; }

    /// <summary>c, the centre of each interval.</summary>
    public double[] Centre { get; }

    /// <summary>h, the half-width of each interval.</summary>
    public double[] HalfWidth { get; }

    /// <summary>Clips coordinate <paramref name="j"/> into its interval.</summary>
    public double Clip(int j, double a) => Math.Clamp(a, Low[j], High[j]);
}
