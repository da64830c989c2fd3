using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace RlGym.Cli.Hosting;

/// <summary>
/// Puts a process that serves others below normal CPU priority (nice <see cref="Nice"/>), so that when it and a
/// training run on the same machine both want the CPU, training wins. On Linux a priority belongs to each thread and
/// the runtime starts its threads before <c>Main</c>, so every thread is lowered, again every few seconds for threads
/// started since. A thread already lower (a process started with <c>nice -n 19</c>) is never raised.
/// </summary>
internal static partial class YieldingPriority
{
    public const int Nice = 10;
    private const int PrioProcess = 0;
    private static readonly TimeSpan Again = TimeSpan.FromSeconds(5);

    [LibraryImport("libc", EntryPoint = "setpriority", SetLastError = true)]
    private static partial int SetPriority(int which, int who, int priority);

    /// <summary>Lowers every thread now, and keeps lowering new ones until <paramref name="stop"/> fires.</summary>
    public static async Task KeepAsync(CancellationToken stop)
    {
        if (!OperatingSystem.IsLinux())
        {
            LowerProcess();
            return;
        }
        try
        {
            while (LowerThreads())
                await Task.Delay(Again, stop).ConfigureAwait(false);
        }
        catch (OperationCanceledException) { }
    }

    /// <summary>False when this system does not allow it (then nothing changes).</summary>
    private static bool LowerThreads()
    {
        try
        {
            foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
            {
                if (!int.TryParse(Path.GetFileName(task), NumberStyles.None, CultureInfo.InvariantCulture, out int tid)) continue;
                // The nice value is the 19th field of stat; the command name before it, in parentheses, may hold spaces.
                string stat;
                try { stat = File.ReadAllText(Path.Combine(task, "stat")); }
                catch (IOException) { continue; }
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                if (int.Parse(fields[16], CultureInfo.InvariantCulture) >= Nice) continue;
                if (SetPriority(PrioProcess, tid, Nice) != 0) return false;
            }
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static void LowerProcess()
    {
        try
        {
            using var self = Process.GetCurrentProcess();
            if (self.PriorityClass is ProcessPriorityClass.Normal or ProcessPriorityClass.AboveNormal or ProcessPriorityClass.High)
                self.PriorityClass = ProcessPriorityClass.BelowNormal;
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or PlatformNotSupportedException or InvalidOperationException)
        {
            // Not allowed here: the dashboard keeps the priority it was given.
        }
    }
}
