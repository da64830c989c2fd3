using System.ComponentModel;
using System.Diagnostics;

namespace RlGym.Benchmarking;

/// <summary>Runs a program to completion and collects its output; a missing program is a failure, not an exception.</summary>
internal static class ExternalProcess
{
    /// <summary>Exit code (−1 when the program could not start or timed out), standard output and standard error; <paramref name="environment"/> adds or replaces variables.</summary>
    public static (int ExitCode, string Output, string Error) Run(string fileName, IEnumerable<string> arguments, TimeSpan timeout,
        IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in arguments) info.ArgumentList.Add(a);
        if (environment is not null)
            foreach (var (k, v) in environment) info.Environment[k] = v;
        Process? process;
        try { process = Process.Start(info); }
        catch (Win32Exception e) { return (-1, "", e.Message); }
        if (process is null) return (-1, "", $"{fileName} did not start");
        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(timeout))
            {
                process.Kill(entireProcessTree: true);
                return (-1, "", $"{fileName} took longer than {timeout.TotalSeconds:0} s");
            }
            return (process.ExitCode, output.Result, error.Result);
        }
    }

    /// <summary>The number after <paramref name="name"/> on a line of a program's output.</summary>
    public static double? ParseNumber(string output, string name)
    {
        foreach (var line in output.Split('\n'))
        {
            var parts = line.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && parts[0] == name
                && double.TryParse(parts[1], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v))
                return v;
        }
        return null;
    }

    /// <summary>A fresh temporary directory, deleted by <see cref="IDisposable.Dispose"/>.</summary>
    public sealed class TempDirectory : IDisposable
    {
        /// <summary>Creates the directory.</summary>
        public TempDirectory() => Directory.CreateDirectory(Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"rlgym-bench-{Guid.NewGuid():N}"));

        /// <summary>Its path.</summary>
        public string Path { get; }

        /// <inheritdoc />
        public void Dispose()
        {
            try { Directory.Delete(Path, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }
}
