using GridActors.Model.Loading;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

public sealed class ScenarioLoaderTests : IDisposable
{
    private readonly TempScenario files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void InlineProfileRepeatsFromItsStart()
    {
        var path = files.Write("s.yaml", TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { values: [1, 0.5, 0.25], scale: 2 }", StringComparison.Ordinal));
        var load = (LoadSpec)ScenarioLoader.Load(path).Assets[1];
        Assert.Equal([100, 50, 25, 100], load.DemandMw);
    }

    [Fact]
    public void AssetsNamingOneProfileShareItsValuesAndEachScalesThemByItsOwnFactor()
    {
        // 200 loads on one 8,760-step profile hold one copy of it (14 MB as copies), each times its own peak.
        var loads = string.Join("", Enumerable.Range(0, 200).Select(i => $"  - {{ id: L{i}, type: load, region: A, peak_mw: {100 + i}, profile: shape }}\n"));
        var thermal = "  - { id: G, type: thermal, region: A, fuel: gas, capacity_mw: 50000, marginal_cost_per_mwh: 300, emissions_t_per_mwh: 0.4 }\n";
        var yaml = "format: 1\nname: shared\nhorizon: { start: 2023-01-01T00:00:00Z, steps: 8760, step_minutes: 60 }\nregions: [ { id: A } ]\n"
            + "profiles:\n  shape: { values: [0.5, 0.75, 1, 0.8] }\nassets:\n" + thermal + loads;
        var (scenario, errors) = ScenarioLoader.TryLoadText(yaml, "shared.yaml", Path.GetTempPath());
        Assert.True(scenario is not null, string.Join("\n", errors));
        var demand = scenario.Assets.OfType<LoadSpec>().Select(l => l.DemandMw).ToArray();
        Assert.Equal(200, demand.Length);
        Assert.All(demand, d => Assert.Same(demand[0].Shape, d.Shape));
        Assert.Equal(8760, demand[7].Length);
        Assert.Equal([53.5, 80.25, 107, 107 * 0.8], demand[7].Slice(0, 4));
        Assert.Equal(107 * 0.8, demand[7][8759]);
        // No availability profile: the factor alone, in every step and no further.
        var availability = ((ThermalSpec)scenario.Assets[0]).Availability;
        Assert.Null(availability.Shape);
        Assert.Equal(8760, availability.Count(a => a == 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => availability[8760]);
        Assert.Equal([1.0, 1.0], availability[8758..]);
    }

    [Fact]
    public void CsvProfileReadsColumnFromOffsetAndNormalizesByPeak()
    {
        files.Write("demand.csv", "hour,A,B\n1,10,1\n2,20,2\n3,40,3\n4,30,4\n5,20,5\n6,10,6\n");
        var path = files.Write("s.yaml", TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { csv: demand.csv, column: A, offset: 1, normalize: peak }", StringComparison.Ordinal));
        var load = (LoadSpec)ScenarioLoader.Load(path).Assets[1];
        Assert.Equal([25, 50, 37.5, 25], load.DemandMw);
    }

    [Fact]
    public void SyntheticSolarIsZeroAtNightDeterministicAndMeetsItsCapacityFactorOverAYear()
    {
        var yaml = TempScenario.Minimal
            .Replace("steps: 4", "steps: 8760", StringComparison.Ordinal)
            .Replace("flat: { values: [1] }", "flat: { synthetic: solar, latitude: 38.5, longitude: 106.2, capacity_factor: 0.16 }", StringComparison.Ordinal)
            .Replace("2024-01-01T00:00:00+08:00", "2023-01-01T00:00:00Z", StringComparison.Ordinal);
        var first = (LoadSpec)ScenarioLoader.Load(files.Write("a.yaml", yaml)).Assets[1];
        var second = (LoadSpec)ScenarioLoader.Load(files.Write("b.yaml", yaml)).Assets[1];
        Assert.Equal(first.DemandMw, second.DemandMw);
        var perUnit = first.DemandMw.Select(v => v / 50).ToArray();
        Assert.InRange(perUnit.Average(), 0.155, 0.1601);
        // 18:00 UTC is 01:40 solar time at 106 E: night.
        Assert.Equal(0, perUnit[18]);
        Assert.True(perUnit[5] > 0.2, "06:00 UTC is about 13:00 solar time");
        Assert.All(perUnit, v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void SyntheticWindMeetsItsCapacityFactorAndChangesWithTheSeed()
    {
        var yaml = TempScenario.Minimal
            .Replace("steps: 4", "steps: 8760", StringComparison.Ordinal)
            .Replace("flat: { values: [1] }", "flat: { synthetic: wind, capacity_factor: 0.25 }", StringComparison.Ordinal);
        var one = ((LoadSpec)ScenarioLoader.Load(files.Write("a.yaml", yaml)).Assets[1]).DemandMw;
        var other = ((LoadSpec)ScenarioLoader.Load(files.Write("b.yaml", yaml.Replace("name: minimal", "name: minimal\nseed: 7", StringComparison.Ordinal))).Assets[1]).DemandMw;
        Assert.InRange(one.Average() / 50, 0.2499, 0.2501);
        Assert.NotEqual(one, other);
    }

    [Fact]
    public void IncludeMergesListsByIdAndMapsKeyByKey()
    {
        files.Write("base.yaml", TempScenario.Minimal + "\neconomics: { carbon_price_per_t: 50, value_of_lost_load_per_mwh: 9000 }\n");
        var path = files.Write("variant.yaml", """
            include: [base.yaml]
            name: variant
            economics: { carbon_price_per_t: 80 }
            assets:
              - { id: coal, capacity_mw: 150 }
              - { id: wind, type: wind, region: A, capacity_mw: 30, profile: flat }
            """);
        var scenario = ScenarioLoader.Load(path);
        Assert.Equal("variant", scenario.Name);
        Assert.Equal(80, scenario.Economics.CarbonPricePerT);
        Assert.Equal(9000, scenario.Economics.ValueOfLostLoadPerMwh);
        Assert.Equal(["coal", "town", "wind"], scenario.Assets.Select(a => a.Id));
        var coal = (ThermalSpec)scenario.Assets[0];
        Assert.Equal(150, coal.CapacityMw);
        Assert.Equal(10, coal.MarginalCostPerMwh);
    }

    [Fact]
    public void IncludeCycleIsReportedAtTheIncludeLine()
    {
        files.Write("a.yaml", "include: [b.yaml]\n" + TempScenario.Minimal);
        files.Write("b.yaml", "include: [a.yaml]\n");
        var (_, errors) = ScenarioLoader.TryLoad(Path.Combine(files.Folder, "a.yaml"));
        var error = Assert.Single(errors);
        Assert.Contains("include cycle", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Location.Line);
        Assert.EndsWith("b.yaml", error.Location.File, StringComparison.Ordinal);
    }

    public static IEnumerable<object[]> ReferenceScenarios() =>
        Directory.GetFiles(GridActors.Testing.RepositoryRoot.Path("scenarios"), "*.yaml").Order(StringComparer.Ordinal).Select(f => new object[] { Path.GetFileName(f) });

    [Theory]
    [MemberData(nameof(ReferenceScenarios))]
    public void EveryReferenceScenarioLoads(string file)
    {
        var (scenario, errors) = ScenarioLoader.TryLoad(GridActors.Testing.RepositoryRoot.Path(Path.Combine("scenarios", file)));
        Assert.Empty(errors);
        Assert.NotNull(scenario);
    }
}
