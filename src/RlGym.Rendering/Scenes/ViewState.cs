namespace RlGym.Rendering.Scenes;

/// <summary>What the viewer has switched on or off, and the trainer's pace, as the scenes show them.</summary>
/// <param name="ShowValues">Draw the value heat map and greedy arrows.</param>
/// <param name="Paused">Training is paused.</param>
/// <param name="Speed">The pace as text, e.g. <c>4 steps/s</c> or <c>turbo</c>; empty when none applies.</param>
/// <param name="Finished">The run has ended (the window stays open until Esc).</param>
/// <param name="Notice">A short message to show for a moment, e.g. where a screenshot was saved; null for none.</param>
public readonly record struct ViewState(bool ShowValues, bool Paused, string Speed, bool Finished = false, string? Notice = null)
{
    /// <summary>Values shown, running, no pace shown.</summary>
    public static ViewState Default => new(true, false, "");
}
