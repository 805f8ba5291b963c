using GridActors.Abstractions;
using GridActors.Model.Loading;
using GridActors.Model.Windows;
using GridActors.Testing;

namespace GridActors.Grains.Tests;

[Collection(SharedCluster.Name)]
public sealed class CheckpointTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("scenarios/storage-heavy.yaml")]
    [InlineData("scenarios/china-east-data-west-compute.yaml")]
    public async Task RunWhoseGrainsAreAllCollectedMidwayGoesOnFromItsCheckpointWithIdenticalWindows(string file)
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path(file));
        var options = RunOptions.Default with { Negotiation = RunOptions.Default.Negotiation with { MaxRounds = 8 } };
        var straight = await AdvanceAllAsync(scenario, options, interruptAfterWindow: null);
        var interrupted = await AdvanceAllAsync(scenario, options, interruptAfterWindow: 2);

        Assert.Equal(straight.Count, interrupted.Count);
        Assert.Equal(Serialize(straight), Serialize(interrupted));
    }

    [Fact]
    public async Task AskingForACommittedWindowAgainReturnsTheStoredReport()
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/two-region-toy.yaml"));
        var run = fixture.Client.GetGrain<IRunGrain>($"replay-{Guid.NewGuid():N}");
        await run.StartAsync(scenario, RunOptions.Default);
        var first = await run.AdvanceAsync(0);
        var second = await run.AdvanceAsync(24);
        Assert.Equal(Serialize([first!]), Serialize([(await run.AdvanceAsync(0))!]));
        Assert.Null(await run.AdvanceAsync(48));
        Assert.Equal(48, (await run.StatusAsync())!.StepsDone);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => run.AdvanceAsync(12));
        Assert.NotNull(second);
        await run.ReleaseAsync();
    }

    [Fact]
    public async Task ForgottenRunLeavesNothingInStorage()
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/two-region-toy.yaml"));
        var id = $"forget-{Guid.NewGuid():N}";
        var run = fixture.Client.GetGrain<IRunGrain>(id);
        await run.StartAsync(scenario, RunOptions.Default);
        await run.AdvanceAsync(0);
        await run.AdvanceAsync(24);
        await run.ReleaseAsync(forget: true);
        await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);

        Assert.Null(await run.StatusAsync());
        Assert.Null(await fixture.Client.GetGrain<IWindowRecordGrain>($"{id}/window/1").LoadAsync());
    }

    private async Task<List<WindowReport>> AdvanceAllAsync(Model.Scenario.ResolvedScenario scenario, RunOptions options, int? interruptAfterWindow)
    {
        var run = fixture.Client.GetGrain<IRunGrain>($"checkpoint-{Guid.NewGuid():N}");
        await run.StartAsync(scenario, options);
        var reports = new List<WindowReport>();
        var first = 0;
        while (await run.AdvanceAsync(first) is { } report)
        {
            reports.Add(report);
            first += report.Steps;
            if (reports.Count == interruptAfterWindow)
            {
                // Every idle activation in the cluster goes: the run, its regions, assets and brokers lose what they held in memory.
                await fixture.Client.GetGrain<IManagementGrain>(0).ForceActivationCollection(TimeSpan.Zero);
            }
        }
        await run.ReleaseAsync();
        return reports;
    }

    private static string Serialize(IEnumerable<WindowReport> reports) =>
        System.Text.Json.JsonSerializer.Serialize(reports.Select(r => new { r.FirstStep, r.Steps, r.Regions, r.Assets, r.Links, Rounds = r.Negotiation?.Rounds, Gap = r.Negotiation?.Gap }));
}
