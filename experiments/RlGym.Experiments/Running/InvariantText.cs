namespace RlGym.Experiments.Running;

/// <summary>Numbers in notes are written with the invariant culture, so a result reads the same on every machine.</summary>
internal static class InvariantText
{
    /// <summary>The text of <paramref name="text"/> formatted with the invariant culture.</summary>
    public static string I(FormattableString text) => FormattableString.Invariant(text);
}
