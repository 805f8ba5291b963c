using GridActors.Grains.Simulation;

namespace GridActors.Grains.Tests;

[Collection(SharedCluster.Name)]
public sealed class RunLifetimeTests(ClusterFixture fixture)
{
    [Fact]
    public async Task FinishedRunLeavesNoGrainsActiveOnTheSilos()
    {
        using var run = await RunHarness.RunAsync(fixture.Client, "scenarios/two-region-toy.yaml");
        var management = fixture.Client.GetGrain<IManagementGrain>(0);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        int active;
        do
        {
            await Task.Delay(100);
            var statistics = await management.GetSimpleGrainStatistics();
            active = statistics.Where(s => s.GrainType.Contains(typeof(RegionGrain).Name, StringComparison.Ordinal)
                    || s.GrainType.Contains(typeof(RunGrain).Name, StringComparison.Ordinal)
                    || s.GrainType.Contains("PlantGrain", StringComparison.Ordinal))
                .Sum(s => s.ActivationCount);
        }
        while (active > 0 && DateTime.UtcNow < deadline);
        Assert.Equal(0, active);
    }
}
