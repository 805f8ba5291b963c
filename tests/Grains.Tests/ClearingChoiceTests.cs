using GridActors.Model.Generation;
using GridActors.Model.Loading;
using GridActors.Model.Options;
using GridActors.Model.PlacementPolicies;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Tests;

/// <summary>Which clearing the default, auto, takes: regional from a thousand assets in several regions, central otherwise or when asked.</summary>
public sealed class ClearingChoiceTests
{
    [Theory]
    [InlineData(8, 1000, Placement.Negotiated, Clearing.Regional)]
    [InlineData(31, 3000, Placement.Local, Clearing.Regional)]
    [InlineData(8, 999, Placement.Negotiated, Clearing.Central)]
    [InlineData(1, 1000, Placement.Negotiated, Clearing.Central)]
    [InlineData(8, 1000, Placement.CarbonGreedy, Clearing.Central)]
    public void AutoClearsRegionallyFromAThousandAssetsInSeveralRegions(int regions, int assets, Placement placement, Clearing expected) =>
        Assert.Equal(expected, ClearingChoice.Resolve(Clearing.Auto, Generated(regions, assets), placement));

    [Theory]
    [InlineData(Clearing.Central)]
    [InlineData(Clearing.Regional)]
    public void AClearingAskedForIsKept(Clearing asked)
    {
        Assert.Equal(asked, ClearingChoice.Resolve(asked, Generated(8, 1000), Placement.Negotiated));
        Assert.Equal(asked, ClearingChoice.Resolve(asked, Generated(2, 10), Placement.Negotiated));
    }

    private static ResolvedScenario Generated(int regions, int assets)
    {
        var (scenario, errors) = ScenarioLoader.TryLoadText(ScenarioGenerator.Generate(new GeneratorSettings(regions, assets, Steps: 4)), "generated.yaml", Path.GetTempPath());
        Assert.Empty(errors);
        Assert.Equal(assets, scenario!.Assets.Length);
        return scenario;
    }
}
