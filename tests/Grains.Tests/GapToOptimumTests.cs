using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Optimization;
using GridActors.Model.Output;

namespace GridActors.Grains.Tests;

/// <summary>The negotiated dispatch against the horizon optimum of the same scenario.</summary>
[Collection(SharedCluster.Name)]
public sealed class GapToOptimumTests(ClusterFixture fixture)
{
    [Theory]
    [InlineData("scenarios/two-region-toy.yaml", 0.005)]
    [InlineData("scenarios/china-provinces-week.yaml", 0.005)]
    [InlineData("scenarios/storage-heavy.yaml", 0.01)]
    [InlineData("scenarios/china-east-data-west-compute.yaml", 0.01)]
    public async Task NegotiatedCostIsWithinItsTargetOfTheOptimumAndNeverBelowIt(string scenarioFile, double target)
    {
        using var run = await RunHarness.RunAsync(fixture.Client, scenarioFile);
        var optimum = HorizonOptimizer.Solve(run.Scenario, LpSolverKind.Glop);
        var optimal = SummaryAccumulator.Of(run.Scenario, [optimum.Report]);

        // The accounting of the optimal result files adds up to the LP's own objective...
        Assert.Equal(optimum.Objective, optimal.TotalCost, 1e-9 * optimum.Objective);
        // ...and no feasible dispatch can beat it: a negotiated cost below it would mean a wrong LP or wrong accounting.
        Assert.True(run.Summary.TotalCost >= optimum.Objective * (1 - 1e-9), $"negotiated {run.Summary.TotalCost} below the optimum {optimum.Objective}");
        var gap = new Comparison(run.Scenario, run.Summary, optimal).CostGap!.Value;
        Assert.InRange(gap, 0, target);
    }
}
