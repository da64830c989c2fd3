using RlGym.Cli;
using RlGym.Cli.Hosting;

// The process edge: signals become a cancellation token; everything else runs in RlGymApp, which tests call in-process.
using var signals = new ShutdownSignals();
int code = await RlGymApp.RunAsync(args, Console.Out, Console.Error, signals.Token);
return signals.ExitCodeFor(code);
