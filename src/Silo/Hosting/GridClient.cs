using GridActors.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace GridActors.Silo.Hosting;

/// <summary>A client of a cluster on PostgreSQL, for the commands that drive runs on `serve --postgres` silos.</summary>
public static class GridClient
{
    /// <summary>How long a driver waits for one call before it asks again.</summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromSeconds(10);

    public static async Task<IHost> StartAsync(string postgres, string clusterId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Orleans", LogLevel.Error).AddFilter("Microsoft", LogLevel.Error);
        builder.UseOrleansClient(client => client
            // A call whose silo died gets no answer; it is retried after this long instead of the default 30 s.
            // A slow window is not harmed: the retry queues behind it and then reads its stored report.
            .Configure<ClientMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout)
            .Configure<ClusterOptions>(o =>
            {
                o.ClusterId = clusterId;
                o.ServiceId = ClusterDefaults.ServiceId;
            })
            .UseAdoNetClustering(o =>
            {
                o.Invariant = GridSilo.Invariant;
                o.ConnectionString = postgres;
            }));
        builder.Services.AllowStorageExceptions();
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    public static IClusterClient Client(IHost host) => host.Services.GetRequiredService<IClusterClient>();
}
