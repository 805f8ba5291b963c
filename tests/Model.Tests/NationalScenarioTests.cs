using GridActors.Model.Loading;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

/// <summary>What scenarios/china-national-year.yaml promises planners: the whole country, unit by unit, a year.</summary>
public sealed class NationalScenarioTests
{
    private static readonly Lazy<ResolvedScenario> Year = new(() =>
    {
        var (scenario, errors) = ScenarioLoader.TryLoad(GridActors.Testing.RepositoryRoot.Path("scenarios/china-national-year.yaml"));
        Assert.Empty(errors);
        return scenario!;
    });

    [Fact]
    public void EveryProvinceIsThereForAWholeYearOnOneConnectedGrid()
    {
        var year = Year.Value;
        Assert.Equal(31, year.Regions.Length);
        Assert.Equal(8760, year.Steps);
        Assert.InRange(year.Assets.Length, 10_000, 15_000);

        // Every province can reach every other through the corridors and UHV lines.
        Assert.Equal(31, GridReach.RegionsReachedFromTheFirst(year));
    }

    [Fact]
    public void PlantsAreUnitsOfRealisticSizeWithOffersThatDiffer()
    {
        var thermal = Year.Value.Assets.OfType<ThermalSpec>().ToArray();
        var coal = thermal.Where(t => t.Fuel == "coal").ToArray();
        Assert.All(coal, c => Assert.InRange(c.CapacityMw, 20, 1000));
        Assert.All(thermal.Where(t => t.Fuel is "nuclear" or "gas"), t => Assert.InRange(t.CapacityMw, 20, 1090));
        // Most of the coal is in units of 300-1,000 MW, and no two coal units offer at the same price.
        Assert.True(coal.Where(c => c.CapacityMw >= 300).Sum(c => c.CapacityMw) > 0.95 * coal.Sum(c => c.CapacityMw));
        Assert.Equal(coal.Length, coal.Select(c => (c.Region, c.MarginalCostPerMwh)).Distinct().Count());
        // Every province has demand, and wind or solar farms.
        var regions = Year.Value.Regions.Select(r => r.Index).ToArray();
        Assert.All(regions, r => Assert.Contains(Year.Value.Assets, a => a is LoadSpec l && l.Region == r && l.DemandMw.Max() > 0));
        Assert.All(regions, r => Assert.Contains(Year.Value.Assets, a => a is RenewableSpec s && s.Region == r));
    }
}
