using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;

namespace RlGym.Benchmarks.Serve;

/// <summary>An <c>rlgym</c> command started as a user would start it, and what /proc says about it.</summary>
public sealed class RlgymProcess : IDisposable
{
    private readonly Process _process;
    private readonly TaskCompletionSource<string?> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private RlgymProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>
    /// Starts <c>dotnet RLGYM_DLL args</c>. Its output is drained as it comes (a full pipe would block it) and
    /// dropped, except the first line of standard output.
    /// </summary>
    public static RlgymProcess Start(string dll, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(dll);
        foreach (var a in args) start.ArgumentList.Add(a);
        var p = Process.Start(start)!;
        var run = new RlgymProcess(p);
        p.OutputDataReceived += (_, e) => run._firstLine.TrySetResult(e.Data);
        p.ErrorDataReceived += (_, _) => { };
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return run;
    }

    /// <summary><c>rlgym serve DIR --port 0</c>, and the address it printed.</summary>
    public static (RlgymProcess Server, string Url) Serve(string dll, string dir)
    {
        var serve = Start(dll, "serve", dir, "--port", "0");
        if (!serve._firstLine.Task.Wait(TimeSpan.FromSeconds(60)) || serve._firstLine.Task.Result is not { } line)
            throw new InvalidOperationException("rlgym serve printed nothing");
        return (serve, Regex.Match(line, @"at (http://\S+)").Groups[1].Value);
    }

    /// <summary>Resident memory, in KiB.</summary>
    public long RssKb() => RssKb(_process.Id);

    /// <summary>User + system CPU time used so far, in seconds.</summary>
    public double CpuSeconds() => CpuSeconds(_process.Id);

    public static long RssKb(int pid) =>
        File.ReadLines($"/proc/{pid}/status").Where(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
            .Select(l => long.Parse(Regex.Match(l, @"\d+").Value, CultureInfo.InvariantCulture)).FirstOrDefault();

    public static double CpuSeconds(int pid)
    {
        var fields = File.ReadAllText($"/proc/{pid}/stat").Split(')')[1].Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / 100.0;
    }

    /// <summary>CPU seconds every process of the machine used so far (all cores), and the seconds stolen by the host.</summary>
    public static (double Busy, double Steal) MachineCpuSeconds()
    {
        var f = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(v => long.Parse(v, CultureInfo.InvariantCulture)).ToArray();
        // user nice system idle iowait irq softirq steal (guest time is already inside user).
        return ((f[0] + f[1] + f[2] + f[5] + f[6]) / 100.0, f[7] / 100.0);
    }

    /// <summary>The one-minute load average.</summary>
    public static string LoadAverage() => File.ReadAllText("/proc/loadavg").Split(' ')[0];

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
        catch (InvalidOperationException) { }
        _process.Dispose();
    }
}
