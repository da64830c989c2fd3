using System.Runtime.InteropServices;

namespace RlGym.Benchmarking;

/// <summary>
/// CPU time of the calling thread (Linux's CLOCK_THREAD_CPUTIME_ID): unlike wall time it does not count the time
/// other processes held the core, so on a loaded machine it shows what the code costs. Null where unavailable.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ClockThreadCpuTimeId = 3;

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    private static readonly bool s_available = OperatingSystem.IsLinux() && Probe();

    private static bool Probe()
    {
        try { return ClockGetTime(ClockThreadCpuTimeId, out _) == 0; }
        catch (DllNotFoundException) { return false; }
        catch (EntryPointNotFoundException) { return false; }
    }

    /// <summary>Seconds of CPU the calling thread has used, or null.</summary>
    public static double? Now()
    {
        if (!s_available || ClockGetTime(ClockThreadCpuTimeId, out var t) != 0) return null;
        return t.Seconds + t.Nanoseconds * 1e-9;
    }
}
