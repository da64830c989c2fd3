using System.Diagnostics;
using RlGym.Cli;
using RlGym.Cli.Hosting;
using RlGym.Cli.Runs;
using RlGym.Sweeps.Files;
using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Results;
using RlGym.Sweeps.Running;

namespace RlGym.Sweeps.Tests.Support;

/// <summary>Runs rlgym in-process or as a real process, and sweeps through the library.</summary>
public static class SweepCli
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Result Run(params string[] args) => RunAsync(args).GetAwaiter().GetResult();

    public static async Task<Result> RunAsync(string[] args, CancellationToken ct = default)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        int code = await RlGymApp.RunAsync(args, stdout, stderr, ct);
        return new Result(code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>The trial runner the CLI uses, over the built-in environments and agents.</summary>
    public static ITrialRunner Runner() => new CliTrialRunner(new RunSetup(BuiltInPackages.EnvRegistry(), BuiltInPackages.AgentRegistry()));

    /// <summary>The results JSON of <paramref name="sweepJson"/> run embedded into <paramref name="dir"/>.</summary>
    public static string Embedded(string sweepJson, string dir, int slots = 2, CancellationToken ct = default)
    {
        var plan = SweepPlan.Of(SweepFile.Parse(sweepJson));
        var result = SweepCoordinator.RunAsync(plan, dir, new EmbeddedTrialExecutor(Runner(), slots), null, ct).GetAwaiter().GetResult();
        return SweepResultJson.ToText(result, indented: false);
    }

    /// <summary>Starts <c>dotnet rlgym.dll ARGS</c> with its output collected.</summary>
    public static RlGymProcess Start(params string[] args) => new(args);

    public sealed class RlGymProcess : IDisposable
    {
        private readonly System.Text.StringBuilder _out = new(), _err = new();

        public RlGymProcess(string[] args)
        {
            var start = new ProcessStartInfo(Environment.ProcessPath!)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "rlgym.dll"));
            foreach (var a in args) start.ArgumentList.Add(a);
            Process = Process.Start(start)!;
            Process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (_out) _out.AppendLine(e.Data); };
            Process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (_err) _err.AppendLine(e.Data); };
            Process.BeginOutputReadLine();
            Process.BeginErrorReadLine();
        }

        public Process Process { get; }

        public string Out { get { lock (_out) return _out.ToString(); } }

        public string Error { get { lock (_err) return _err.ToString(); } }

        public void Kill9()
        {
            using var kill = Process.Start("kill", ["-KILL", Process.Id.ToString()])!;
            kill.WaitForExit();
            Process.WaitForExit(30_000);
        }

        public bool WaitUntil(Func<string, bool> stderrSays, TimeSpan timeout)
        {
            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline)
            {
                if (stderrSays(Error)) return true;
                if (Process.HasExited) return stderrSays(Error);
                Thread.Sleep(50);
            }
            return false;
        }

        public void Dispose()
        {
            try { if (!Process.HasExited) { Process.Kill(); Process.WaitForExit(10_000); } } catch (InvalidOperationException) { }
            Process.Dispose();
        }
    }
}
