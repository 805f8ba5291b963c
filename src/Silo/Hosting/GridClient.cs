using GridActors.Grains.Abstractions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace GridActors.Silo.Hosting;

/// <summary>A client of a cluster on PostgreSQL, for the commands that drive runs on `serve --postgres` silos.</summary>
public static class GridClient
{
    public static async Task<IHost> StartAsync(string postgres, string clusterId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true);
        builder.Logging.AddFilter("Orleans", LogLevel.Error).AddFilter("Microsoft", LogLevel.Error);
        builder.UseOrleansClient(client => client
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
