using GridActors.Abstractions;
using GridActors.Client;
using GridActors.Grains.Simulation;
using GridActors.Model.Loading;
using GridActors.Testing;

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

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task PastWindowsAreKeptForResumeOrDroppedWhereNothingCanResume(bool keep)
    {
        // The toy's 48 steps in windows of 12: four windows.
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/two-region-toy.yaml"));
        var output = Path.Combine(Path.GetTempPath(), "gridactors-tests", Guid.NewGuid().ToString("N"));
        var runId = $"keep-{keep}-{Guid.NewGuid():N}";
        try
        {
            await RunDriver.ExecuteAsync(fixture.Client, scenario, RunOptions.Default with { WindowSteps = 12, LookaheadSteps = 12 }, output,
                new RunHooks(runId, 2, KeepPastWindows: keep));
            var stored = await Task.WhenAll(Enumerable.Range(0, 4).Select(w => fixture.Client.GetGrain<IWindowRecordGrain>($"{runId}/window/{w}").LoadAsync()));
            // The last window is always kept: a driver whose reply was lost asks for it again.
            Assert.Equal([keep, keep, keep, true], stored.Select(r => r is not null));
            Assert.Equal(36, stored[3]!.FirstStep);
            // What was written does not depend on it.
            Assert.True(File.Exists(Path.Combine(output, "assets.csv")));
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
