using RlGym.Rendering.Raylib;

namespace RlGym.Rendering.Tests.Window;

/// <summary>
/// A fact that runs only when raylib loads (RLGYM_RAYLIB or the loader's path) and a display exists (on Linux,
/// DISPLAY or WAYLAND_DISPLAY; Xvfb counts); skipped with the reason otherwise.
/// </summary>
public sealed class RaylibFactAttribute : FactAttribute
{
    public RaylibFactAttribute()
    {
        if (OperatingSystem.IsLinux() && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DISPLAY"))
            && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("WAYLAND_DISPLAY")))
            Skip = "no display: set DISPLAY (e.g. run under Xvfb) to run the window tests";
        else if (!RaylibLibrary.TryLoad(out var reason))
            Skip = reason;
    }
}
