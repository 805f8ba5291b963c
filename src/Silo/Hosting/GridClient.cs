using GridActors.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridActors.Silo.Hosting;

/// <summary>No silo of the cluster could be reached (none running, or PostgreSQL unreachable); the message says where it looked.</summary>
public sealed class ClusterUnavailableException(string message, Exception inner) : Exception(message, inner);

/// <summary>A client of a cluster on PostgreSQL, for the commands that drive runs on `serve --postgres` silos.</summary>
public static class GridClient
{
    /// <summary>How long the client looks for a silo before it gives up.</summary>
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(30);

    public static async Task<IHost> StartAsync(string postgres, string clusterId, CancellationToken cancellationToken)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        CommandHost.Configure(builder, LogLevel.None, cancellationToken);
        builder.UseOrleansClient(client => client.UseGridCluster(postgres, clusterId));
        builder.Services.AllowStorageExceptions();
        builder.Services.AddSingleton<IClientConnectionRetryFilter, RetryFor>();
        var host = builder.Build();
        try
        {
            await host.StartAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            host.Dispose();
            throw new ClusterUnavailableException(
                $"no silo of cluster '{clusterId}' answered within {ConnectTimeout.TotalSeconds:0} s (PostgreSQL {DatabaseSchema.Describe(postgres)}): {e.Message.Split('\n')[0]}; "
                + "start silos with `gridactors serve --postgres ...` (and `gridactors db init` once)", e);
        }
        return host;
    }

    public static IClusterClient Client(IHost host) => host.Services.GetRequiredService<IClusterClient>();

    /// <summary>Keeps looking for a gateway for <see cref="ConnectTimeout"/>, so a driver started with its silos waits for them.</summary>
    private sealed class RetryFor : IClientConnectionRetryFilter
    {
        private readonly DateTime deadline = DateTime.UtcNow + ConnectTimeout;

        public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(TimeSpan.FromSeconds(1), cancellationToken);
            return true;
        }
    }
}
