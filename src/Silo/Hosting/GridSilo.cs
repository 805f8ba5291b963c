using System.Net;
using GridActors.Client;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace GridActors.Silo.Hosting;

/// <summary>
/// Where a silo listens, which cluster it joins, and its store: in memory on localhost (the embedded
/// default), or PostgreSQL for membership and checkpoints when <see cref="Postgres"/> is given.
/// </summary>
public sealed record SiloEndpoints(int SiloPort, int GatewayPort, string ClusterId, string? Postgres = null, IPAddress? Advertised = null)
{
    public static SiloEndpoints Default { get; } = new(ClusterDefaults.SiloPort, ClusterDefaults.GatewayPort, ClusterDefaults.ClusterId);
}

/// <summary>The one silo configuration that `run`, `serve` and the tests share.</summary>
public static class GridSilo
{
    public static ISiloBuilder AddGridSilo(this ISiloBuilder silo, SiloEndpoints endpoints)
    {
        if (endpoints.Postgres is not { } postgres)
        {
            // Localhost clustering and in-memory grain storage: no database, no services.
            silo.UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: ClusterDefaults.ServiceId, clusterId: endpoints.ClusterId)
                .AddMemoryGrainStorageAsDefault();
        }
        else
        {
            var advertised = endpoints.Advertised ?? IPAddress.Loopback;
            silo.Configure<ClusterOptions>(o =>
                {
                    o.ClusterId = endpoints.ClusterId;
                    o.ServiceId = ClusterDefaults.ServiceId;
                })
                .ConfigureEndpoints(advertised, endpoints.SiloPort, endpoints.GatewayPort, listenOnAnyHostAddress: !IPAddress.IsLoopback(advertised))
                .UseAdoNetClustering(o =>
                {
                    // The same provider for clustering and storage (storage defaults to SQL Server otherwise).
                    o.Invariant = ClusterClientSetup.PostgresInvariant;
                    o.ConnectionString = postgres;
                })
                .AddAdoNetGrainStorageAsDefault(o =>
                {
                    o.Invariant = ClusterClientSetup.PostgresInvariant;
                    o.ConnectionString = postgres;
                })
                .Configure<ClusterMembershipOptions>(o =>
                {
                    // A silo that stops answering is declared dead in about 6 s instead of 15, so its grains move on sooner.
                    o.ProbeTimeout = TimeSpan.FromSeconds(2);
                    o.NumMissedProbesLimit = 3;
                    // Every silo writes that it is alive every 5 s; one silent for two of those counts as gone, so
                    // silos started after the whole cluster stopped do not wait for the old ones (default: 10 min).
                    o.IAmAliveTablePublishTimeout = TimeSpan.FromSeconds(5);
                    o.NumMissedTableIAmAliveLimit = 2;
                });
        }
        silo.Services.AllowStorageExceptions();
        return silo
            .UseBinaryGrainStorage()
            // A live run may sit paused between windows; its grains hold its state meanwhile (the checkpoint has it too).
            .Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));
    }

    /// <summary>
    /// Lets PostgreSQL's exceptions cross between silos and clients as themselves, so that a caller can tell a
    /// passing storage outage (retried) from a real failure; Orleans refuses exception types outside its
    /// allowed namespaces otherwise.
    /// </summary>
    public static IServiceCollection AllowStorageExceptions(this IServiceCollection services) =>
        services.Configure<Orleans.Serialization.ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));

    /// <summary>
    /// Checkpoints in Orleans' binary format instead of the default JSON: a window's report is tens of
    /// thousands of doubles, stored exactly (no decimal round trip) and several times faster.
    /// </summary>
    public static ISiloBuilder UseBinaryGrainStorage(this ISiloBuilder silo)
    {
        silo.Services.AddSingleton<Orleans.Storage.IGrainStorageSerializer, Orleans.Storage.OrleansGrainStorageSerializer>();
        return silo;
    }
}
