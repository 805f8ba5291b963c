
namespace GridActors.Grains.Tests;

[Collection(SharedCluster.Name)]
public sealed class RunInvariantTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("scenarios/two-region-toy.yaml", 24)]
    [InlineData("scenarios/two-region-toy.yaml", 5)]
    [InlineData("scenarios/china-provinces-week.yaml", 24)]
    [InlineData("scenarios/storage-heavy.yaml", 24)]
    [InlineData("scenarios/china-east-data-west-compute.yaml", 24)]
    public async Task EveryStepBalancesAndNoLimitIsViolated(string scenarioFile, int windowSteps)
    {
        using var run = await RunHarness.RunAsync(fixture.Client, scenarioFile, windowSteps);
        Assert.Empty(run.Violations());
        Assert.Equal(run.Scenario.Steps, run.Reports.Sum(r => r.Steps));
    }

    [Fact]
    public async Task SameSeedGivesByteIdenticalResultFiles()
    {
        using var first = await RunHarness.RunAsync(fixture.Client, "scenarios/china-provinces-week.yaml");
        using var second = await RunHarness.RunAsync(fixture.Client, "scenarios/china-provinces-week.yaml");
        var files = Directory.GetFiles(first.Output).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["assets.csv", "datacenters.csv", "enterprises.csv", "links.csv", "regions.csv", "run.json", "summary.json"], files);
        foreach (var file in files.Where(f => f != "run.json"))
        {
            Assert.True(File.ReadAllBytes(Path.Combine(first.Output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Output, file))), $"{file} differs between two runs");
        }
    }
}
