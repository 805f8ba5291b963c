using GridActors.Abstractions;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Model.PlacementPolicies;
using GridActors.Testing;

namespace GridActors.Grains.Tests;

/// <summary>Compute placement negotiated by workload brokers against the optimum and the `local` policy, on cases solvable by hand.</summary>
[Collection(SharedCluster.Name)]
public sealed class PlacementTests(ClusterFixture fixture)
{
    private async Task<(RunHarness Run, OptimalDispatch Optimum)> BothAsync(string yaml, Placement placement)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridactors-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "campuses.yaml");
        await File.WriteAllTextAsync(path, yaml);
        var run = await RunHarness.RunAsync(fixture.Client, path, options: RunOptions.Default with { Placement = placement });
        var optimum = HorizonOptimizer.Solve(ScenarioLoader.Load(path), LpSolverKind.Glop);
        Directory.Delete(folder, recursive: true);
        return (run, optimum);
    }

    private static void AssertFeasible(RunHarness run)
    {
        var check = new FeasibilityCheck(run.Scenario, toleranceMw: 1e-6);
        run.Reports.ForEach(check.Add);
        check.Finish();
        Assert.Empty(check.Violations);
        var work = run.Summary.Workloads.Single();
        Assert.Equal(work.ArrivedMwh, work.RunAtOriginMwh + work.MovedMwh + work.UnfinishedMwh, 6);
    }

    [Fact]
    public async Task BrokersMoveWorkWestUntilTheBandwidthBindsAsTheOptimumDoes()
    {
        var (run, optimum) = await BothAsync(TestScenarios.TwoCampuses(24, 6, 60, cheap: "later"), Placement.Negotiated);
        using (run)
        {
            AssertFeasible(run);
            Assert.Equal(optimum.Objective, run.Summary.TotalCost, 1e-6 * optimum.Objective);
            Assert.True(run.Summary.Workloads[0].MovedMwh > 0, "no work moved west");
        }
    }

    [Fact]
    public async Task LocalPlacementNeverMovesWorkAndCostsMore()
    {
        var (run, optimum) = await BothAsync(TestScenarios.TwoCampuses(24, 6, 60, cheap: "later"), Placement.Local);
        using (run)
        {
            AssertFeasible(run);
            Assert.Equal(0, run.Summary.Workloads[0].MovedMwh);
            Assert.True(run.Summary.TotalCost > optimum.Objective * 1.5);
        }
    }

    [Fact]
    public async Task ADeadlineOfOneHourKeepsWorkWhereAndWhenItArrives()
    {
        // No link within reach and no later cheap power it could wait for: it runs on arrival, at the origin.
        var (run, optimum) = await BothAsync(TestScenarios.TwoCampuses(4, 1, 0, cheap: "later"), Placement.Negotiated);
        using (run)
        {
            AssertFeasible(run);
            Assert.Equal(optimum.Objective, run.Summary.TotalCost, 1e-6 * optimum.Objective);
            Assert.Equal(run.Summary.Workloads[0].ArrivedMwh, run.Summary.Workloads[0].RunAtOriginMwh, 6);
        }
    }

    [Fact]
    public async Task CarbonGreedyMovesWorkToTheCleanerCampusAtOnce()
    {
        var (run, optimum) = await BothAsync(TestScenarios.TwoCampuses(24, 6, 60, cheap: "later"), Placement.CarbonGreedy);
        using (run)
        {
            AssertFeasible(run);
            // The west runs on wind: greedy moves what the link carries as soon as the work arrives, and never waits.
            Assert.True(run.Summary.Workloads[0].MovedMwh > 0, "no work moved west");
            Assert.True(run.Summary.TotalCost >= optimum.Objective * (1 - 1e-9));
            Assert.Equal(0, run.Summary.Workloads[0].UnfinishedMwh, 6);
        }
    }

    [Theory]
    [InlineData(Placement.Negotiated)]
    [InlineData(Placement.CarbonGreedy)]
    public async Task PlacementIsDeterministic(Placement placement)
    {
        var (first, _) = await BothAsync(TestScenarios.TwoCampuses(24, 6, 60, cheap: "later"), placement);
        var (second, _) = await BothAsync(TestScenarios.TwoCampuses(24, 6, 60, cheap: "later"), placement);
        using (first)
        using (second)
        {
            foreach (var file in new[] { "summary.json", "datacenters.csv", "assets.csv", "regions.csv" })
            {
                Assert.True(File.ReadAllBytes(Path.Combine(first.Output, file)).AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(second.Output, file))), $"{file} differs between two runs");
            }
        }
    }
}
