using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Configuration;
using Orleans.Hosting;

namespace RlGym.Sweeps.Cluster;

/// <summary>
/// How RlGym's silos and clients join a cluster: membership in Redis (<c>UseRedisClustering</c>), one cluster id,
/// and failure detection tuned to declare a killed worker dead within seconds rather than Orleans's default
/// half a minute, so its trials resume elsewhere soon.
/// </summary>
public static class ClusterHosting
{
    /// <summary>The Orleans cluster and service id of RlGym workers.</summary>
    public const string ClusterId = "rlgym";

    /// <summary>Default silo-to-silo port.</summary>
    public const int DefaultSiloPort = 11111;

    /// <summary>Default gateway port (where submitters connect).</summary>
    public const int DefaultGatewayPort = 30000;

    /// <summary>Makes <paramref name="silo"/> a worker of the cluster whose membership is in <paramref name="redis"/>.</summary>
    public static ISiloBuilder UseRlGymCluster(this ISiloBuilder silo, ClusterAddress redis, IPAddress advertise, int siloPort, int gatewayPort)
    {
        silo.UseRedisClustering(redis.ConnectionString);
        silo.Configure<ClusterOptions>(o => { o.ClusterId = ClusterId; o.ServiceId = ClusterId; });
        silo.ConfigureEndpoints(advertise, siloPort, gatewayPort, listenOnAnyHostAddress: IPAddress.Any.Equals(advertise));
        return silo.UseFastFailureDetection();
    }

    /// <summary>Failure detection that declares a silo that stopped answering dead within a few seconds.</summary>
    public static ISiloBuilder UseFastFailureDetection(this ISiloBuilder silo) =>
        silo.Configure<ClusterMembershipOptions>(o =>
        {
            o.ProbeTimeout = TimeSpan.FromSeconds(2);
            o.NumMissedProbesLimit = 2;
            o.TableRefreshTimeout = TimeSpan.FromSeconds(2);
        });

    /// <summary>Adds the trial worker (its runner must be registered as <see cref="Running.ITrialRunner"/>).</summary>
    public static ISiloBuilder AddTrialWorker(this ISiloBuilder silo, WorkerOptions options)
    {
        silo.Services.AddSingleton(options);
        silo.Services.AddHostedService<TrialWorkerService>();
        return silo;
    }

    /// <summary>Makes <paramref name="client"/> a submitter to the cluster whose membership is in <paramref name="redis"/>.</summary>
    public static IClientBuilder UseRlGymCluster(this IClientBuilder client, ClusterAddress redis)
    {
        client.UseRedisClustering(redis.ConnectionString);
        client.Configure<ClusterOptions>(o => { o.ClusterId = ClusterId; o.ServiceId = ClusterId; });
        return client;
    }

    /// <summary>The id a sweep has in the cluster's queue: its directory and its file's fingerprint.</summary>
    public static string SweepId(string directory, Files.SweepFile file) =>
        Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(Path.GetFullPath(directory) + "|" + file.Fingerprint())))[..24];
}
