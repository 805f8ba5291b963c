using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.Serialization;

namespace GridActors.Client;

/// <summary>
/// How every client of a GridActors cluster finds it — the API and the command line's drivers
/// alike: on this machine through a silo's gateway port, or on PostgreSQL through the membership
/// table, whose active silos are the gateways.
/// </summary>
public static class ClusterClientSetup
{
    /// <summary>The ADO.NET provider of PostgreSQL, as Orleans names it.</summary>
    public const string PostgresInvariant = "Npgsql";

    /// <summary>
    /// How long a client waits for one call on a PostgreSQL cluster before it asks again: a call to a
    /// silo that died gets no answer, and Orleans' default is 30 s. A slow window is not harmed: the
    /// repeated call queues behind it and reads its stored report.
    /// </summary>
    public static readonly TimeSpan ClusterResponseTimeout = TimeSpan.FromSeconds(10);

    public static IClientBuilder UseGridCluster(this IClientBuilder client, string? postgres, string clusterId, int gatewayPort = ClusterDefaults.GatewayPort)
    {
        if (postgres is null)
        {
            return client.UseLocalhostClustering(gatewayPort, ClusterDefaults.ServiceId, clusterId);
        }
        client.Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = ClusterDefaults.ServiceId;
            })
            .UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = postgres;
            })
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ClusterResponseTimeout);
        // A storage failure inside a grain reaches the client with its cause, not as an unknown exception type.
        client.Services.Configure<ExceptionSerializationOptions>(o => o.SupportedNamespacePrefixes.Add("Npgsql"));
        return client;
    }
}
