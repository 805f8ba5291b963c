using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;
using GridActors.Testing;

namespace GridActors.Model.Tests;

/// <summary>Emission factors and enterprise accounts on cases solved by hand (docs/carbon.md).</summary>
public sealed class CarbonAccountingTests
{
    private static (ResolvedScenario Scenario, WindowReport Report, WindowFactors Factors, SummaryAccumulator Summary) Solve(string yaml)
    {
        using var folder = new TempScenario();
        var scenario = ScenarioLoader.Load(folder.Write("s.yaml", yaml));
        var report = HorizonOptimizer.Solve(scenario, LpSolverKind.Glop).Report;
        var window = new WindowAccounting(scenario).Account(report);
        var summary = new SummaryAccumulator(scenario);
        summary.Add(window);
        return (scenario, report, window.Factors, summary);
    }

    private const string Head = """
        format: 1
        name: carbon
        horizon: { start: 2024-01-01T00:00:00+08:00, steps: 1 }
        economics: { carbon_price_per_t: 0, cyclic_storage: false }
        profiles:
          flat: { values: [1] }
        """;

    [Fact]
    public void OnePartlyLoadedPlantIsTheMarginalUnit()
    {
        var (_, _, factors, _) = Solve(Head + """

            regions: [{ id: A }]
            assets:
              - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 100, marginal_cost_per_mwh: 10, emissions_t_per_mwh: 1.0 }
              - { id: gas, type: thermal, region: A, fuel: gas, capacity_mw: 100, marginal_cost_per_mwh: 50, emissions_t_per_mwh: 0.4 }
              - { id: town, type: load, region: A, peak_mw: 150, profile: flat }
            """);
        // Coal runs at 100, gas at 50 and sets the price: one more MWh comes from gas.
        Assert.Equal(400, factors.MarginalGPerKwh[0][0], 6);
        Assert.Equal("gas", factors.MarginalUnit[0][0]);
        Assert.Equal((100 * 1.0 + 50 * 0.4) / 150 * 1000, factors.AverageGPerKwh[0][0], 6);
    }

    [Fact]
    public void ACongestedLinkSplitsTheMarginalUnits()
    {
        var (_, _, factors, _) = Solve(Head + """

            regions: [{ id: A }, { id: B }]
            links: [{ id: AB, from: A, to: B, capacity_mw: 100 }]
            assets:
              - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 1000, marginal_cost_per_mwh: 10, emissions_t_per_mwh: 1.0 }
              - { id: townA, type: load, region: A, peak_mw: 100, profile: flat }
              - { id: gas, type: thermal, region: B, fuel: gas, capacity_mw: 500, marginal_cost_per_mwh: 50, emissions_t_per_mwh: 0.4 }
              - { id: townB, type: load, region: B, peak_mw: 300, profile: flat }
            """);
        Assert.Equal(("coal", 1000.0), (factors.MarginalUnit[0][0], Math.Round(factors.MarginalGPerKwh[0][0], 6)));
        Assert.Equal(("gas", 400.0), (factors.MarginalUnit[1][0], Math.Round(factors.MarginalGPerKwh[1][0], 6)));
        // B consumes 100 MW of A's coal (1 t/MWh) and 200 MW of its own gas.
        Assert.Equal(1000, factors.AverageGPerKwh[0][0], 6);
        Assert.Equal((100 * 1.0 + 200 * 0.4) / 300 * 1000, factors.AverageGPerKwh[1][0], 6);
    }

    [Fact]
    public void AnImportingRegionCarriesItsImportsLosses()
    {
        var (_, report, factors, _) = Solve(Head + """

            regions: [{ id: A }, { id: B }]
            links: [{ id: AB, from: A, to: B, capacity_mw: 500, loss_fraction: 0.1 }]
            assets:
              - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 1000, marginal_cost_per_mwh: 10, emissions_t_per_mwh: 1.0 }
              - { id: townB, type: load, region: B, peak_mw: 90, profile: flat }
            """);
        Assert.Equal(100, report.Links[0][0].ForwardMw, 6);
        // 100 MWh burnt in A for 90 delivered in B: both factors are 1/0.9 t per MWh consumed in B.
        Assert.Equal(1000 / 0.9, factors.MarginalGPerKwh[1][0], 6);
        Assert.Equal("coal", factors.MarginalUnit[1][0]);
        Assert.Equal(1000 / 0.9, factors.AverageGPerKwh[1][0], 6);
        Assert.Equal(1000, factors.AverageGPerKwh[0][0], 6);
    }

    [Fact]
    public void UnservedDemandSetsAMarginalFactorOfZero()
    {
        var (_, _, factors, _) = Solve(Head + """

            regions: [{ id: A }]
            assets:
              - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 100, marginal_cost_per_mwh: 10, emissions_t_per_mwh: 1.0 }
              - { id: town, type: load, region: A, peak_mw: 150, profile: flat }
            """);
        Assert.Equal(("unserved", 0.0), (factors.MarginalUnit[0][0], factors.MarginalGPerKwh[0][0]));
        Assert.Equal(1000, factors.AverageGPerKwh[0][0], 6);
    }

    [Fact]
    public void AStoreGivesBackTheCarbonItCharged()
    {
        var (_, report, factors, summary) = Solve("""
            format: 1
            name: carbon
            horizon: { start: 2024-01-01T00:00:00+08:00, steps: 2 }
            economics: { carbon_price_per_t: 0, cyclic_storage: false }
            profiles:
              demand: { values: [50, 150] }
            regions: [{ id: A }]
            assets:
              - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 100, marginal_cost_per_mwh: 10, emissions_t_per_mwh: 1.0 }
              - { id: gas, type: thermal, region: A, fuel: gas, capacity_mw: 200, marginal_cost_per_mwh: 50, emissions_t_per_mwh: 0.5 }
              - { id: battery, type: storage, region: A, power_mw: 50, energy_mwh: 100, charge_efficiency: 1, discharge_efficiency: 1, initial_soc: 0 }
              - { id: town, type: load, region: A, peak_mw: 1, profile: demand }
            """);
        // Coal charges the battery with 50 MWh in hour 0, which serves the evening with gas idle.
        Assert.Equal(50, report.Assets[2][0].ConsumedMw, 6);
        Assert.Equal(50, report.Assets[2][1].ProducedMw, 6);
        Assert.Equal(1000, factors.AverageGPerKwh[0][1], 6);
        // What the town consumed carries exactly what the coal plant emitted.
        Assert.Equal(summary.EmissionsT, summary.Regions[0].ConsumptionEmissionsT, 6);
        Assert.Equal(200, summary.Regions[0].ConsumptionEmissionsT, 6);
    }

    [Fact]
    public void AnEnterpriseIsAccountedFromItsAssets()
    {
        var (_, _, factors, summary) = Solve("""
            format: 1
            name: carbon
            horizon: { start: 2024-01-01T00:00:00+08:00, steps: 2 }
            economics: { carbon_price_per_t: 0, cyclic_storage: false }
            profiles:
              flat: { values: [1] }
              sun: { values: [1, 0] }
            regions: [{ id: A }]
            assets:
              - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 1000, marginal_cost_per_mwh: 10, emissions_t_per_mwh: 1.0 }
              - { id: mill, type: load, region: A, owner: "Steel Co", sector: steel, peak_mw: 100, profile: flat }
              - { id: roof, type: solar, region: A, owner: "Steel Co", capacity_mw: 150, profile: sun }
              - { id: town, type: load, region: A, peak_mw: 200, profile: flat }
            """);
        var steel = Assert.Single(summary.Enterprises.Enterprises);
        Assert.Equal(("Steel Co", "steel"), (steel.Id, steel.Sector));
        Assert.Equal(200, steel.ConsumptionMwh, 6);
        Assert.Equal(150, steel.OwnGenerationMwh, 6);
        // Hour 0: the roof covers the mill and sells 50; hour 1: the mill buys 100.
        Assert.Equal(100, steel.PurchasedMwh, 6);
        Assert.Equal(50, steel.SoldMwh, 6);
        var hour0 = factors.AverageGPerKwh[0][0] / 1000;
        var hour1 = factors.AverageGPerKwh[0][1] / 1000;
        Assert.Equal(150 / 300.0, hour0, 6);
        Assert.Equal(1, hour1, 6);
        Assert.Equal(100 * hour0 + 100 * hour1, steel.LocationBasedT, 6);
        Assert.Equal(100 * hour1, steel.MarketBasedT, 6);
        // Coal is marginal in both hours: the 50 MWh sold in hour 0 displace 50 t of coal, the 100 bought add 100 t.
        Assert.Equal(-50 + 100, steel.MarginalT, 6);
        Assert.Equal((-50 + 100) * 10, steel.EnergyBill, 6);
        Assert.Equal(0, steel.DirectEmissionsT, 6);
        // Sectors hold every load, owned or not; their location-based total is the region's consumption emissions.
        Assert.Equal(summary.Regions[0].ConsumptionEmissionsT, summary.Enterprises.Sectors.Sum(s => s.LocationBasedT), 6);
    }

    [Theory]
    [InlineData("scenarios/china-provinces-week.yaml")]
    [InlineData("scenarios/storage-heavy.yaml")]
    [InlineData("scenarios/china-east-data-west-compute.yaml")]
    public void ConsumersCarryExactlyWhatThePlantsEmitted(string file)
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path(file));
        var report = HorizonOptimizer.Solve(scenario, LpSolverKind.Glop).Report;
        var tracer = new EmissionFactorTracer(scenario);
        var factors = tracer.Trace(report);
        double consumed = 0, emitted = 0;
        for (var r = 0; r < scenario.Regions.Length; r++)
        {
            for (var k = 0; k < report.Steps; k++)
            {
                var row = report.Regions[r][k];
                emitted += row.EmissionsT;
                // Spilled energy carries its carbon away too; what stores hold at the end is counted below.
                consumed += (row.LoadMw - row.UnservedMw + row.SpilledMw) * scenario.StepHours * factors.AverageGPerKwh[r][k] / 1000;
                Assert.InRange(factors.AverageGPerKwh[r][k], 0, 1500);
                Assert.InRange(factors.MarginalGPerKwh[r][k], 0, 1500);
            }
        }
        Assert.Equal(emitted, consumed + tracer.StoredCarbonT - tracer.CarbonAtStartT, 3);
    }
}
