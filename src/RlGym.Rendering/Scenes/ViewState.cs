namespace RlGym.Rendering.Scenes;

/// <summary>What the viewer has switched on or off, and the trainer's pace, as the scenes show them.</summary>
/// <param name="ShowValues">Draw the value heat map and greedy arrows.</param>
/// <param name="Paused">Training is paused.</param>
/// <param name="Speed">The pace as text, e.g. <c>4 steps/frame</c> or <c>turbo</c>; empty when none applies.</param>
public readonly record struct ViewState(bool ShowValues, bool Paused, string Speed)
{
    /// <summary>Values shown, running, no pace shown.</summary>
    public static ViewState Default => new(true, false, "");
}
