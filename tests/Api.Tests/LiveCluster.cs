using GridActors.Silo.Hosting;
using Microsoft.Extensions.Hosting;

namespace GridActors.Api.Tests;

/// <summary>An in-process silo on free ports, the cluster every API under test is a client of.</summary>
public sealed class LiveCluster : IAsyncLifetime
{
    private IHost? silo;

    public SiloEndpoints Endpoints { get; } = new(EmbeddedCluster.FreePort(), EmbeddedCluster.FreePort(), $"api-tests-{Guid.NewGuid():N}");

    public async Task InitializeAsync() => silo = await EmbeddedCluster.StartAsync(Endpoints);

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
