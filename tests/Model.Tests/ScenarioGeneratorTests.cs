using GridActors.Model.Generation;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

/// <summary>`gridactors generate`: valid scenarios of any size, the same bytes from the same seed, a connected grid, every kind of asset.</summary>
public sealed class ScenarioGeneratorTests
{
    private static ResolvedScenario Load(GeneratorSettings settings)
    {
        var (scenario, errors) = ScenarioLoader.TryLoadText(ScenarioGenerator.Generate(settings), "generated.yaml", Path.GetTempPath());
        Assert.True(scenario is not null, string.Join("\n", errors.Take(5)));
        return scenario;
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 3)]
    [InlineData(5, 200)]
    [InlineData(31, 1000)]
    public void GeneratedScenariosAreValidAndHaveTheAskedSizes(int regions, int assets)
    {
        var scenario = Load(new GeneratorSettings(regions, assets));
        Assert.Equal(regions, scenario.Regions.Length);
        Assert.Equal(assets, scenario.Assets.Length);
        Assert.Equal(168, scenario.Steps);
    }

    [Fact]
    public void TheSameSeedGivesTheSameBytesAndAnotherSeedAnotherScenario()
    {
        var settings = new GeneratorSettings(7, 300, Seed: 4);
        Assert.Equal(ScenarioGenerator.Generate(settings), ScenarioGenerator.Generate(settings));
        Assert.NotEqual(ScenarioGenerator.Generate(settings), ScenarioGenerator.Generate(settings with { Seed = 5 }));
    }

    [Fact]
    public void TheGridIsConnectedAndMeshedAndEveryKindOfAssetIsThere()
    {
        var scenario = Load(new GeneratorSettings(31, 1000));
        Assert.Equal(31, GridReach.RegionsReachedFromTheFirst(scenario));
        Assert.True(scenario.Links.Length > 31, "a ring only: no chords");
        Assert.Contains(scenario.Assets, a => a is ThermalSpec { Fuel: "coal" });
        Assert.Contains(scenario.Assets, a => a is ThermalSpec { Fuel: "gas" });
        Assert.Contains(scenario.Assets, a => a is RenewableSpec { Type: "wind" });
        Assert.Contains(scenario.Assets, a => a is RenewableSpec { Type: "solar" });
        Assert.Contains(scenario.Assets, a => a is StorageSpec);
        Assert.Contains(scenario.Assets, a => a is LoadSpec { ShiftableFraction: > 0 });
        Assert.Contains(scenario.Assets, a => a is LoadSpec { CurtailableFraction: > 0 });
        Assert.Contains(scenario.Assets, a => a is DatacenterSpec);
        Assert.NotEmpty(scenario.Compute.Workloads);
        var costs = scenario.Assets.OfType<ThermalSpec>().Select(t => t.MarginalCostPerMwh).ToList();
        Assert.Equal(costs.Count, costs.Distinct().Count());
    }

    [Theory]
    [InlineData(31, 160)]
    [InlineData(31, 1000)]
    [InlineData(5, 40)]
    public void MustRunFloorsStayBelowPeakDemandAtAnySize(int regions, int assets)
    {
        // At 31 regions and 160 assets the floors once exceeded the peak, and every renewable MWh was curtailed.
        var scenario = Load(new GeneratorSettings(regions, assets));
        var floors = scenario.Assets.OfType<ThermalSpec>().Sum(t => t.MinOutputMw);
        var peak = Enumerable.Range(0, scenario.Steps).Max(k => scenario.Assets.OfType<LoadSpec>().Sum(l => l.DemandMw[k]));
        Assert.True(floors < 0.8 * peak, $"must-run floors {floors:F0} MW against a peak demand of {peak:F0} MW");
    }

    [Fact]
    public void TheStorageShapeHasThreeTimesTheStoresAndTheRampsShapeHalfTheRamps()
    {
        var plain = Load(new GeneratorSettings(31, 3000));
        var storage = Load(new GeneratorSettings(31, 3000, Shape: GeneratorShape.Storage));
        var ramps = Load(new GeneratorSettings(31, 3000, Shape: GeneratorShape.Ramps));
        double Share(ResolvedScenario s) => s.Assets.Count(a => a is StorageSpec) / (double)s.Assets.Length;
        Assert.InRange(Share(plain), 0.08, 0.12);
        Assert.InRange(Share(storage), 0.27, 0.33);
        Assert.InRange(storage.Assets.Count(a => a is RenewableSpec) / (double)storage.Assets.Length, 0.12, 0.18);
        // The same draws with every ramp halved (to the MW the file rounds to).
        var plainRamps = plain.Assets.OfType<ThermalSpec>().Select(t => t.RampMwPerH).ToArray();
        var halved = ramps.Assets.OfType<ThermalSpec>().Select(t => t.RampMwPerH).ToArray();
        Assert.Equal(plainRamps.Length, halved.Length);
        Assert.All(plainRamps.Zip(halved), pair => Assert.InRange(pair.Second, pair.First / 2 - 1, pair.First / 2 + 1));
        Assert.Equal("generated-r31-a3000-s1-storage", storage.Name);
        Assert.Equal("generated-r31-a3000-s1", plain.Name);
        foreach (var scenario in new[] { storage, ramps })
        {
            Assert.Equal(31, GridReach.RegionsReachedFromTheFirst(scenario));
            var floors = scenario.Assets.OfType<ThermalSpec>().Sum(t => t.MinOutputMw);
            var peak = Enumerable.Range(0, scenario.Steps).Max(k => scenario.Assets.OfType<LoadSpec>().Sum(l => l.DemandMw[k]));
            Assert.True(floors < 0.8 * peak);
        }
    }

    [Theory]
    [InlineData("storage", true)]
    [InlineData("Ramps", true)]
    [InlineData("default", true)]
    [InlineData("batteries", false)]
    [InlineData("1", false)]
    public void ShapesAreNamedOnTheCommandLine(string name, bool known) =>
        Assert.Equal(known, GeneratorSettings.TryParseShape(name, out _));

    [Fact]
    public void ASmallGeneratedScenarioHasAnOptimum()
    {
        var dispatch = HorizonOptimizer.Solve(Load(new GeneratorSettings(3, 60, Steps: 24)), LpSolverKind.Glop);
        Assert.True(dispatch.Report.Regions.Length == 3);
    }
}
