using GridActors.Model.CentralClearing;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

/// <summary>Small scenarios built in code and a window market cleared from hand-made bids.</summary>
internal static class MarketFixtures
{
    public static readonly EconomicsSpec Economics = new("CNY", 0, 30000, CyclicStorage: false);

    public static ResolvedScenario Build(int steps, int regions, LinkSpec[] links, params AssetSpec[] assets) =>
        new("t", 0, DateTimeOffset.UnixEpoch, steps, 60, Economics,
            [.. Enumerable.Range(0, regions).Select(r => new RegionSpec(r, ((char)('A' + r)).ToString(), ((char)('A' + r)).ToString()))], links, assets, ComputeSpec.Empty);

    public static double[] Repeat(double value, int steps) => Enumerable.Repeat(value, steps).ToArray();

    /// <summary>A plant bid with no ramp limit at one price.</summary>
    public static ThermalBid Plant(int asset, int region, double capacityMw, double price, int steps = 1, double floorMw = 0) =>
        new(asset, region, Repeat(floorMw, steps), Repeat(capacityMw, steps), Repeat(price, steps), double.PositiveInfinity, null);

    public static FixedDemandBid Demand(int asset, int region, params double[] mw) => new(asset, region, mw);

    /// <summary>Clears the bids over their steps with no flexible assets.</summary>
    public static WindowOutcome Clear(ResolvedScenario scenario, params AssetBid[] bids)
    {
        using var market = new WindowMarket(scenario, LpSolverKind.Glop, 0, scenario.Steps, bids);
        market.Solve();
        return market.Outcome(scenario.Steps);
    }

    /// <summary>Placeholder specs, so outcomes have a row per asset; only their region matters to the market.</summary>
    public static AssetSpec[] Placeholders(params int[] regions) =>
        [.. regions.Select((r, i) => (AssetSpec)new DatacenterSpec(i, $"a{i}", r, null, null, 1e9, 1, []))];
}
