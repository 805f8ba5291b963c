using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Hosting;

/// <summary>
/// The embedded default: one in-process silo with localhost clustering and in-memory storage,
/// no database, no services. Ports are picked free so several runs can share a machine.
/// </summary>
public static class EmbeddedCluster
{
    public static Task<IHost> StartAsync(CancellationToken cancellationToken = default) =>
        StartAsync(new SiloEndpoints(FreePort(), FreePort(), $"embedded-{Environment.ProcessId}"), cancellationToken);

    /// <summary>
    /// How long a call may take in the embedded silo: nothing there can be lost, so a timeout only interrupts a long
    /// window (a thousand assets take more than Orleans' default 30 s) and makes the driver ask again behind it.
    /// </summary>
    public static readonly TimeSpan ResponseTimeout = TimeSpan.FromHours(1);

    /// <summary>An in-process silo with the given endpoints and store (the tests' silos, in memory or on PostgreSQL).</summary>
    public static async Task<IHost> StartAsync(SiloEndpoints endpoints, CancellationToken cancellationToken = default)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        CommandHost.Configure(builder, LogLevel.Error, cancellationToken);
        builder.UseOrleans(silo => silo.AddGridSilo(endpoints));
        if (endpoints.Postgres is null)
        {
            builder.Services.Configure<Orleans.Configuration.SiloMessagingOptions>(o => o.ResponseTimeout = ResponseTimeout);
        }
        var host = builder.Build();
        await host.StartAsync(cancellationToken);
        return host;
    }

    public static IClusterClient Client(IHost host) => host.Services.GetRequiredService<IClusterClient>();

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
