using System.Reflection;
using System.Runtime.InteropServices;
using RlGym.Core.Errors;

namespace RlGym.Rendering.Raylib;

/// <summary>
/// Finds the raylib shared library: the path in <c>RLGYM_RAYLIB</c> when set, else the usual names on the
/// loader's search path (libraylib.so and its versioned names, raylib.dll, libraylib.dylib). The first load wins
/// for the life of the process.
/// </summary>
public static class RaylibLibrary
{
    /// <summary>The library name the bindings import.</summary>
    public const string Name = "raylib";

    /// <summary>The environment variable naming the library's path.</summary>
    public const string PathVariable = "RLGYM_RAYLIB";

    /// <summary>Names tried, in order, after <see cref="PathVariable"/>.</summary>
    public static IReadOnlyList<string> Candidates { get; } =
    [
        "libraylib.so", "libraylib.so.6", "libraylib.so.600", "libraylib.so.550", "libraylib.so.500", "libraylib.so.5",
        "raylib.dll", "libraylib.dylib",
    ];

    /// <summary>What to tell a user without raylib.</summary>
    public const string InstallHint =
        "the window needs raylib 5 or later as a shared library: build raylib from source (https://github.com/raysan5/raylib) " +
        "with CMake as a shared library (BUILD_SHARED_LIBS=ON) or install your system's raylib package, then set " +
        PathVariable + " to the path of libraylib.so (raylib.dll, libraylib.dylib); --record works without it";

    private static readonly object Gate = new();
    private static nint _handle;
    private static string? _failure;
    private static bool _resolverSet;

    /// <summary>The path or name that loaded, once loaded.</summary>
    public static string? LoadedFrom { get; private set; }

    /// <summary>Loads raylib once; false with the reason (what was tried and how to install) when it cannot.</summary>
    public static bool TryLoad(out string reason)
    {
        lock (Gate)
        {
            if (_handle != 0) { reason = ""; return true; }
            if (_failure is not null) { reason = _failure; return false; }
            var tried = new List<string>();
            var configured = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrEmpty(configured))
            {
                if (NativeLibrary.TryLoad(configured, out _handle)) LoadedFrom = configured;
                else tried.Add($"{PathVariable}={configured}" + (File.Exists(configured) ? " (exists but did not load)" : " (no such file)"));
            }
            for (int i = 0; _handle == 0 && i < Candidates.Count; i++)
                if (NativeLibrary.TryLoad(Candidates[i], typeof(RaylibLibrary).Assembly, DllImportSearchPath.SafeDirectories | DllImportSearchPath.AssemblyDirectory, out _handle))
                    LoadedFrom = Candidates[i];
            if (_handle == 0)
            {
                tried.Add(string.Join(", ", Candidates));
                _failure = $"raylib was not found (tried {string.Join("; ", tried)}): {InstallHint}.";
                reason = _failure;
                return false;
            }
            if (!_resolverSet)
            {
                NativeLibrary.SetDllImportResolver(typeof(RaylibLibrary).Assembly, Resolve);
                _resolverSet = true;
            }
            reason = "";
            return true;
        }
    }

    /// <summary>Loads raylib or throws a <see cref="UserInputException"/> saying how to install it.</summary>
    public static void EnsureLoaded()
    {
        if (!TryLoad(out var reason)) throw new UserInputException(reason);
    }

    private static nint Resolve(string name, Assembly assembly, DllImportSearchPath? path) => name == Name ? _handle : 0;
}
