using GridActors.Abstractions;
using GridActors.Grains.Simulation;
using GridActors.Model.Loading;
using GridActors.Model.Options;
using GridActors.Testing;

namespace GridActors.Grains.Tests;

/// <summary>Asset grains are called only by their region grain, so they are activated on its silo and those calls stay in process.</summary>
[Collection(SharedCluster.Name)]
public sealed class AssetPlacementTests(ClusterFixture fixture)
{
    [Fact]
    public async Task EveryAssetGrainLivesOnItsRegionGrainsSilo()
    {
        // 164 assets in 14 regions: were assets placed without regard to their region, some would land elsewhere.
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/china-provinces-week.yaml"));
        var runId = $"placement-{Guid.NewGuid():N}";
        var run = fixture.Client.GetGrain<IRunGrain>(runId);
        await run.StartAsync(scenario, RunOptions.Default with { Clearing = Clearing.Regional });
        try
        {
            var statistics = await fixture.Client.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
            var siloOf = statistics
                .Where(s => s.GrainId.Key.ToString()!.StartsWith(runId + "/", StringComparison.Ordinal))
                .ToDictionary(s => s.GrainId.Key.ToString()!, s => s.SiloAddress);
            foreach (var asset in scenario.Assets)
            {
                var region = scenario.Regions[asset.Region].Id;
                Assert.True(siloOf.TryGetValue(AssetGrains.Key(runId, asset.Id), out var assetSilo), $"asset {asset.Id} has no activation");
                Assert.Equal(siloOf[AssetGrains.Key(runId, region)], assetSilo);
            }
        }
        finally
        {
            await run.ReleaseAsync(true);
        }
    }
}
