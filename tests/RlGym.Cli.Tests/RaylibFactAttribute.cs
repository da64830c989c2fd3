using RlGym.Rendering.Raylib;

namespace RlGym.Cli.Tests;

/// <summary>A test that opens the raylib window: skipped without a display or without raylib (RLGYM_RAYLIB).</summary>
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

/// <summary>raylib has one window per process: the test classes that open it run one after another.</summary>
[CollectionDefinition(nameof(RaylibWindowCollection), DisableParallelization = true)]
public sealed class RaylibWindowCollection;
