using RlGym.Rendering.Drawing;
using RlGym.Rendering.Live;
using RlGym.Rendering.Scenes;

namespace RlGym.Rendering.Tests.Scenes;

public sealed class ObservationSceneTests
{
    [Fact]
    public void Unknown_environments_show_one_bar_per_observation_element_and_action_value()
    {
        var recording = new RecordingCanvas(600, 400);
        var snapshot = new FrameSnapshot { EnvId = "Custom-v0", Observation = [1, -2, 0.5f], ActionValues = [3, 4] };
        new ObservationScene().Draw(recording, new Rect(0, 0, 600, 400), snapshot, ViewState.Default);
        var bars = recording.CallsOf<FillRectangleCall>().ToList();
        Assert.Equal(5, bars.Count);
        // Bars scale to the largest magnitude: -2 is the longest observation bar and points left.
        Assert.Equal(bars[1].Rect.Width, 2 * bars[0].Rect.Width, 2);
        Assert.True(bars[1].Rect.X < bars[0].Rect.X);
        Assert.Contains(recording.CallsOf<TextCall>(), t => t.Text == "Custom-v0");
    }
}
