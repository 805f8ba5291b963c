using GridActors.Silo;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace GridActors.Api.Tests;

/// <summary>An in-process silo on free ports, the cluster every API under test is a client of.</summary>
public sealed class LiveCluster : IAsyncLifetime
{
    private IHost? silo;

    public SiloEndpoints Endpoints { get; } = new(EmbeddedCluster.FreePort(), EmbeddedCluster.FreePort(), $"api-tests-{Guid.NewGuid():N}");

    public async Task InitializeAsync()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleans(s => s.AddGridSilo(Endpoints));
        silo = builder.Build();
        await silo.StartAsync();
    }

    public async Task DisposeAsync()
    {
        if (silo is not null)
        {
            await silo.StopAsync();
            silo.Dispose();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SharedLiveCluster : ICollectionFixture<LiveCluster>
{
    public const string Name = "live cluster";
}
