using BenchmarkDotNet.Running;

// Micro-benchmarks (env step, Q update, dense forward/backward): dotnet run -c Release --project tests/RlGym.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
