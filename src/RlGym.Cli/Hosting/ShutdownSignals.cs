using System.Runtime.InteropServices;

namespace RlGym.Cli.Hosting;

/// <summary>
/// Turns SIGINT (Ctrl+C) and SIGTERM into a cancellation token, so a run can stop between steps and leave its
/// metrics and checkpoint intact. The first SIGINT cancels and the process exits 130 after cleanup; SIGTERM
/// cancels and exits 143 (128 + signal number, as shells report); a second SIGINT exits 130 at once.
/// </summary>
public sealed class ShutdownSignals : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly PosixSignalRegistration[] _registrations;
    private int _interrupts;

    /// <summary>Registers the handlers.</summary>
    public ShutdownSignals()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, OnInterrupt),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnTerminate),
        ];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>The exit code the received signal calls for; null when none arrived.</summary>
    public int? ExitCode { get; private set; }

    /// <summary>
    /// The process's exit code for a command that returned <paramref name="commandCode"/>: the signal's code when the
    /// signal cancelled the command, otherwise the command's own (a signal that arrives after the work is done, or
    /// during the last writes that it did not interrupt, does not turn a finished run into a cancelled one).
    /// </summary>
    public int ExitCodeFor(int commandCode) => ExitCodeFor(commandCode, ExitCode);

    /// <summary>The rule of <see cref="ExitCodeFor(int)"/> for a given <paramref name="signalCode"/>.</summary>
    public static int ExitCodeFor(int commandCode, int? signalCode) =>
        commandCode == RlGymApp.Cancelled && signalCode is { } signal ? signal : commandCode;

    private void OnInterrupt(PosixSignalContext context)
    {
        // The runtime's default would kill the process before the run can flush its files.
        context.Cancel = true;
        if (Interlocked.Increment(ref _interrupts) > 1) Environment.Exit(130);
        ExitCode ??= 130;
        _cts.Cancel();
    }

    private void OnTerminate(PosixSignalContext context)
    {
        context.Cancel = true;
        ExitCode ??= 143;
        _cts.Cancel();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cts.Dispose();
    }
}
