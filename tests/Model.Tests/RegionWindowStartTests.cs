using GridActors.Model.Coupling;
using GridActors.Model.Generation;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.RegionClearing;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

/// <summary>
/// A region's market is the previous window's a day on: its first clearing, started from the basis the previous
/// window's first clearing ended with, reaches the same least cost as one from nothing, with fewer simplex iterations.
/// </summary>
public sealed class RegionWindowStartTests
{
    [Theory]
    [InlineData(GeneratorShape.Default, 11)]
    [InlineData(GeneratorShape.Storage, 12)]
    [InlineData(GeneratorShape.Ramps, 13)]
    public void TheNextWindowStartedFromThePreviousOnesBasisClearsAtTheSameCostInFewerIterations(GeneratorShape shape, int seed)
    {
        using var folder = new TempScenario();
        var path = folder.Write("generated.yaml", ScenarioGenerator.Generate(new GeneratorSettings(4, 400, 72, seed, shape)));
        var scenario = ScenarioLoader.Load(path);
        long coldIterations = 0, warmIterations = 0;
        foreach (var region in scenario.Regions)
        {
            AssetSpec[] members = [.. scenario.Assets.Where(a => a.Region == region.Index)];
            using var today = Window(scenario, members, 0, null);
            today.Round(new RegionRound(0, null, null, 0, -1), []);
            Assert.NotNull(today.FirstBasis);

            using var cold = Window(scenario, members, 24, null);
            using var warm = Window(scenario, members, 24, today.FirstBasis);
            var fromNothing = cold.Round(new RegionRound(0, null, null, 0, -1), []);
            var fromYesterday = warm.Round(new RegionRound(0, null, null, 0, -1), []);
            Assert.Equal(fromNothing.ClearedCost, fromYesterday.ClearedCost, 1e-7 * Math.Max(1, Math.Abs(fromNothing.ClearedCost)));
            coldIterations += cold.Work.Iterations;
            warmIterations += warm.Work.Iterations;
        }
        Assert.True(warmIterations < coldIterations, $"{warmIterations} iterations from the previous window's basis, {coldIterations} from nothing");
    }

    /// <summary>A region's market over 48 steps from <paramref name="first"/>, every plant's ramp from nothing before it, so that both windows are built alike.</summary>
    private static RegionWindow Window(ResolvedScenario scenario, AssetSpec[] members, int first, PackedBasis? start) =>
        new([.. members.Select(a => a.Index)], RegionalHarness.Bids(scenario, members, first, 48), first, 48, 24, scenario.StepHours,
            scenario.Economics.ValueOfLostLoadPerMwh, LpSolverKind.Highs, start);
}
