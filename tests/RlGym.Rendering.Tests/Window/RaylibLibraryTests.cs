using RlGym.Rendering.Drawing;
using RlGym.Rendering.Raylib;

namespace RlGym.Rendering.Tests.Window;

public sealed class RaylibLibraryTests
{
    [Fact]
    public void The_install_hint_names_the_variable_and_how_to_build()
    {
        Assert.Contains("RLGYM_RAYLIB", RaylibLibrary.InstallHint);
        Assert.Contains("CMake", RaylibLibrary.InstallHint);
        Assert.Equal(["libraylib.so", "libraylib.so.6"], RaylibLibrary.Candidates.Take(2));
        Assert.Contains("raylib.dll", RaylibLibrary.Candidates);
    }

    [Fact]
    public void Interop_structs_have_raylibs_layout()
    {
        Assert.Equal(4, System.Runtime.InteropServices.Marshal.SizeOf<Color>());
        Assert.Equal(8, System.Runtime.InteropServices.Marshal.SizeOf<RaylibVector2>());
        Assert.Equal(16, System.Runtime.InteropServices.Marshal.SizeOf<RaylibRectangle>());
        Assert.Equal(IntPtr.Size + 16, System.Runtime.InteropServices.Marshal.SizeOf<RaylibImage>());
    }
}
