namespace RlGym.Rendering.Drawing;

/// <summary>The colours every scene draws with, so the window, the PNGs and the videos look alike.</summary>
public static class Palette
{
    /// <summary>Background of the whole frame.</summary>
    public static readonly Color Background = new(250, 250, 248);
    /// <summary>Background of panels (the dashboard, the plot).</summary>
    public static readonly Color Panel = new(255, 255, 255);
    /// <summary>Text.</summary>
    public static readonly Color Ink = new(30, 30, 36);
    /// <summary>Secondary text and axes.</summary>
    public static readonly Color Muted = new(95, 95, 105);
    /// <summary>Faint guides (plot grid lines).</summary>
    public static readonly Color Faint = new(232, 232, 236);
    /// <summary>Grid lines.</summary>
    public static readonly Color GridLine = new(60, 60, 70);

    /// <summary>Open floor of a grid-world.</summary>
    public static readonly Color Floor = new(214, 234, 248);
    /// <summary>Walls.</summary>
    public static readonly Color Wall = new(70, 70, 78);
    /// <summary>Holes, pits and the cliff.</summary>
    public static readonly Color Hazard = new(18, 18, 22);
    /// <summary>The start cell.</summary>
    public static readonly Color Start = new(255, 236, 170);
    /// <summary>The goal cell.</summary>
    public static readonly Color Goal = new(60, 175, 80);
    /// <summary>The agent (grid token, cart, car).</summary>
    public static readonly Color Agent = new(230, 60, 40);
    /// <summary>Greedy-action arrows.</summary>
    public static readonly Color Arrow = new(255, 255, 255);

    /// <summary>Tracks, ground and hills.</summary>
    public static readonly Color Ground = new(40, 40, 40);
    /// <summary>Poles and links.</summary>
    public static readonly Color Pole = new(202, 152, 101);
    /// <summary>Axles and joints.</summary>
    public static readonly Color Axle = new(129, 132, 203);
    /// <summary>Flags and targets.</summary>
    public static readonly Color Flag = new(204, 204, 0);

    /// <summary>The per-episode return in the learning curve.</summary>
    public static readonly Color RawCurve = new(160, 190, 230);
    /// <summary>The moving average in the learning curve.</summary>
    public static readonly Color AverageCurve = new(20, 90, 200);
}
