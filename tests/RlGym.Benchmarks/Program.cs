using BenchmarkDotNet.Running;
using RlGym.Benchmarking;

// Micro-benchmarks (env step, Q update, dense forward/backward):
//   dotnet run -c Release --project tests/RlGym.Benchmarks -- --filter '*'
// The side-by-side runner that `rlgym bench` calls, without the CLI:
//   dotnet run -c Release --project tests/RlGym.Benchmarks -- runner [steps] [copies] [env ids...] [--json file]
// The dashboard under load, against real rlgym processes (minutes each):
//   dotnet run -c Release --project tests/RlGym.Benchmarks -- serve-load src/RlGym.Cli/bin/Release/net10.0/rlgym.dll [clients=50] [seconds=60]
//   dotnet run -c Release --project tests/RlGym.Benchmarks -- serve-memory src/RlGym.Cli/bin/Release/net10.0/rlgym.dll [rows/s=10000] [seconds=60]
if (args.Length > 1 && args[0] == "serve-load")
{
    RlGym.Benchmarks.ServeLoad.Load(Path.GetFullPath(args[1]), args.Length > 2 ? int.Parse(args[2]) : 50, args.Length > 3 ? int.Parse(args[3]) : 60);
    return;
}
if (args.Length > 1 && args[0] == "serve-memory")
{
    RlGym.Benchmarks.ServeLoad.Memory(Path.GetFullPath(args[1]), args.Length > 2 ? int.Parse(args[2]) : 10_000, args.Length > 3 ? int.Parse(args[3]) : 60);
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
