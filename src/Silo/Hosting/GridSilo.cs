using GridActors.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;

namespace GridActors.Silo.Hosting;

/// <summary>Where a silo listens and which cluster it joins.</summary>
public sealed record SiloEndpoints(int SiloPort, int GatewayPort, string ClusterId)
{
    public static SiloEndpoints Default { get; } = new(ClusterDefaults.SiloPort, ClusterDefaults.GatewayPort, ClusterDefaults.ClusterId);
}

/// <summary>The one silo configuration that `run`, `serve` and the tests share.</summary>
public static class GridSilo
{
    /// <summary>Localhost clustering and in-memory grain storage: no database, no services.</summary>
    public static ISiloBuilder AddGridSilo(this ISiloBuilder silo, SiloEndpoints endpoints) => silo
        .UseLocalhostClustering(endpoints.SiloPort, endpoints.GatewayPort, serviceId: ClusterDefaults.ServiceId, clusterId: endpoints.ClusterId)
        .AddMemoryGrainStorageAsDefault()
        .UseBinaryGrainStorage()
        // A live run may sit paused between windows; its grains hold its state until issue 6 persists it.
        .Configure<GrainCollectionOptions>(o => o.CollectionAge = TimeSpan.FromHours(2));

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
