using BenchmarkDotNet.Running;
using RlGym.Benchmarking;

// Micro-benchmarks (env step, Q update, dense forward/backward):
//   dotnet run -c Release --project tests/RlGym.Benchmarks -- --filter '*'
// The side-by-side runner that `rlgym bench` calls, without the CLI:
//   dotnet run -c Release --project tests/RlGym.Benchmarks -- runner [steps] [copies] [env ids...] [--json file]
// The dashboard against real rlgym processes, one configuration per call (each under 2 minutes; see serve-load.sh):
//   dotnet run -c Release --project tests/RlGym.Benchmarks -- serve-load RLGYM_DLL none|idle|follow [clients=50] [seconds=60] [warmup=10]
//   dotnet run -c Release --project tests/RlGym.Benchmarks -- serve-memory RLGYM_DLL [rows/s=10000] [seconds=60] [clients=50]
// with RLGYM_DLL = src/RlGym.Cli/bin/Release/net10.0/rlgym.dll.
int Arg(int i, int fallback) => args.Length > i ? int.Parse(args[i], System.Globalization.CultureInfo.InvariantCulture) : fallback;
if (args.Length > 2 && args[0] == "serve-load")
{
    RlGym.Benchmarks.Serve.ServeLoad.Run(Path.GetFullPath(args[1]), args[2], Arg(3, 50), Arg(4, 60), Arg(5, 10));
    return;
}
if (args.Length > 1 && args[0] == "serve-memory")
{
    RlGym.Benchmarks.Serve.ServeMemory.Run(Path.GetFullPath(args[1]), Arg(2, 10_000), Arg(3, 60), Arg(4, 50));
    return;
}
if (args.Length > 0 && args[0] == "runner")
{
    var rest = args.Skip(1).ToList();
    string? json = null;
    int j = rest.IndexOf("--json");
    if (j >= 0)
    {
        json = rest[j + 1];
        rest.RemoveRange(j, 2);
    }
    var options = new BenchOptions
    {
        Steps = rest.Count > 0 ? long.Parse(rest[0]) : new BenchOptions().Steps,
        Copies = rest.Count > 1 ? int.Parse(rest[1]) : new BenchOptions().Copies,
        EnvIds = rest.Count > 2 ? rest.Skip(2).ToArray() : BenchOptions.DefaultEnvIds,
    };
    var report = new BenchRunner().Run(options, Console.Error.WriteLine);
    Console.WriteLine(BenchReportText.Render(report));
    if (json is not null)
    {
        var text = BenchReportJson.Serialize(report);
        File.WriteAllText(json, text);
        if (BenchReportJson.Deserialize(text).Results.Count != report.Results.Count)
            throw new InvalidOperationException("the JSON report does not read back");
    }
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
