using Microsoft.Extensions.DependencyInjection;
using Orleans.TestingHost;
using RlGym.Sweeps.Cluster;
using RlGym.Sweeps.Files;
using RlGym.Sweeps.Planning;
using RlGym.Sweeps.Results;
using RlGym.Sweeps.Running;
using RlGym.Sweeps.Tests.Support;

namespace RlGym.Sweeps.Tests;

/// <summary>Three in-process silos (Orleans TestingHost), each a worker with one slot; one is stopped mid-sweep.</summary>
public sealed class ClusterTests
{
    private sealed class WorkerSilo : ISiloConfigurator
    {
        public void Configure(ISiloBuilder silo)
        {
            silo.Services.AddSingleton(SweepCli.Runner());
            silo.AddTrialWorker(new WorkerOptions(1));
        }
    }

    [Fact]
    public async Task A_silo_stopped_mid_sweep_hands_its_trials_on_and_the_results_equal_the_embedded_run()
    {
        using var tmp = new TempDirectory();
        string embedded = SweepCli.Embedded(EmbeddedSweepTests.Twelve, tmp.File("embedded"));

        var builder = new TestClusterBuilder(3);
        builder.AddSiloBuilderConfigurator<WorkerSilo>();
        var cluster = builder.Build();
        await cluster.DeployAsync();
        try
        {
            var file = SweepFile.Parse(EmbeddedSweepTests.Twelve);
            string dir = tmp.File("cluster");
            var executor = new ClusterTrialExecutor(cluster.Client, ClusterHosting.SweepId(dir, file));
            var stopped = new TaskCompletionSource();
            int done = 0;
            var progress = new CountingProgress(() => { if (Interlocked.Increment(ref done) == 3) stopped.TrySetResult(); });
            var sweep = SweepCoordinator.RunAsync(SweepPlan.Of(file), dir, executor, progress);
            await Task.WhenAny(stopped.Task, sweep);
            // A silo other than the primary, which hosts the test cluster's membership.
            await cluster.StopSiloAsync(cluster.SecondarySilos[0]);
            var result = await sweep.WaitAsync(TimeSpan.FromMinutes(5));
            Assert.Equal(embedded, SweepResultJson.ToText(result, indented: false));
        }
        finally
        {
            await cluster.StopAllSilosAsync();
            await cluster.DisposeAsync();
        }
    }

    private sealed class CountingProgress(Action onDone) : ISweepProgress
    {
        public void RungStarted(int rung, int rungs, int total, int alreadyDone) { }

        public void TrialDone(TrialJob job, TrialOutcome outcome) => onDone();
    }
}
