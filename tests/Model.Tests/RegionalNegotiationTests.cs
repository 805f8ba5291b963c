using System.Diagnostics;
using GridActors.Model.Coupling;
using GridActors.Model.Generation;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Testing;
using Xunit.Abstractions;

namespace GridActors.Model.Tests;

/// <summary>The negotiation between regions on its own: one window over the whole horizon against the LP optimum of the same problem.</summary>
public sealed class RegionalNegotiationTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("scenarios/two-region-toy.yaml", 48)]
    [InlineData("scenarios/storage-heavy.yaml", 24)]
    [InlineData("scenarios/china-provinces-week.yaml", 48)]
    public async Task ReferenceScenariosConvergeToTheWindowOptimumWithinTheirProvenBound(string file, int steps)
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path(file)) with { Steps = steps };
        var record = (await Check(scenario, new NegotiationOptions(MaxRounds: 60, RelativeGap: 1e-4))).Record;
        Assert.True(record.Converged, $"not converged after {record.Rounds} rounds, bound {record.RelativeGap}");
    }

    /// <summary>Generated scenarios with ramps, floors, stores of 2-8 hours and flexible loads, 5-10 regions; many stores (30 % of the assets) and slow ramps too.</summary>
    [Theory]
    [InlineData(5, 200, 1, GeneratorShape.Default)]
    [InlineData(8, 400, 2, GeneratorShape.Default)]
    [InlineData(6, 200, 3, GeneratorShape.Storage)]
    [InlineData(10, 300, 4, GeneratorShape.Storage)]
    [InlineData(7, 250, 5, GeneratorShape.Ramps)]
    public async Task GeneratedScenariosConvergeWithinTheirProvenBound(int regions, int assets, int seed, GeneratorShape shape)
    {
        var record = (await Check(Generated(regions, assets, seed, shape), new NegotiationOptions(MaxRounds: 80, RelativeGap: 1e-4))).Record;
        Assert.True(record.Converged, $"not converged after {record.Rounds} rounds, bound {record.RelativeGap}");
    }

    /// <summary>
    /// A window that starts with the ramp rows of the groups whose ramps bound before (as the next window does) clears
    /// to the same optimum within its proven bound, and says again which ramps bind: on a slow-ramp scenario, where
    /// many do.
    /// </summary>
    [Fact]
    public async Task RampRowsCarriedFromTheLastWindowKeepTheOptimum()
    {
        var scenario = Generated(6, 200, 7, GeneratorShape.Ramps);
        var options = new NegotiationOptions(MaxRounds: 80, RelativeGap: 1e-4);
        var first = await Check(scenario, options);
        Assert.NotEmpty(first.BindingRamps);
        var carried = (await Check(scenario, options, first.BindingRamps)).Record;
        Assert.True(carried.Converged, $"not converged after {carried.Rounds} rounds, bound {carried.RelativeGap}");
        Assert.Equal(first.Record.Objective, carried.Objective, 1e-4 * Math.Abs(first.Record.Objective));
    }

    /// <summary>National size: 31 regions and 1,000 assets in one 48-step window (about 2 minutes).</summary>
    [Fact]
    [Trait("Category", "Long")]
    public async Task ThirtyOneRegionsStayWithinATenthOfAPercentOfTheOptimum()
    {
        var scenario = Generated(31, 1000, 3);
        var record = (await Check(scenario, new NegotiationOptions(MaxRounds: 60, RelativeGap: 1e-4))).Record;
        Assert.InRange(record.Objective, 0, (1 + 1e-3) * HorizonOptimizer.Solve(scenario, LpSolverKind.Glop).Objective);
    }

    private static Scenario.ResolvedScenario Generated(int regions, int assets, int seed, GeneratorShape shape = GeneratorShape.Default)
    {
        using var folder = new TempScenario();
        var resolved = ScenarioLoader.Load(folder.Write("generated.yaml", ScenarioGenerator.Generate(new GeneratorSettings(regions, assets, 48, seed, shape))));
        // Compute work is placed by brokers in the grains; this harness negotiates power only.
        return resolved with { Compute = Scenario.ComputeSpec.Empty };
    }

    private async Task<CoupledWindow> Check(Scenario.ResolvedScenario scenario, NegotiationOptions options, int[]? bindingRamps = null)
    {
        var watch = Stopwatch.StartNew();
        var (window, _) = await RegionalHarness.RunAsync(scenario, options, bindingRamps: bindingRamps);
        var negotiated = watch.Elapsed.TotalSeconds;
        watch.Restart();
        var optimum = HorizonOptimizer.Solve(scenario, LpSolverKind.Glop).Objective;
        var record = window.Record;
        output.WriteLine($"{scenario.Name}: {record.Rounds} rounds, converged {record.Converged}, bound {record.RelativeGap:E2}, cost {record.Objective:F0} vs optimum {optimum:F0} ({(record.Objective - optimum) / optimum:E2}); {negotiated:F2} s against {watch.Elapsed.TotalSeconds:F2} s; {string.Join("; ", record.Lp ?? [])}");
        // The bound is proven: the clearing is never further from the optimum than it says, nor below it.
        Assert.InRange(record.Objective - optimum, -1e-6 * Math.Abs(optimum), record.Gap + 1e-6 * Math.Abs(optimum));
        return window;
    }
}
