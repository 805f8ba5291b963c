using GridActors.Model.PlacementPolicies;
using GridActors.Model.Scenario;

namespace GridActors.Model.Options;

/// <summary>Where a negotiated run's window market is cleared (docs/negotiation.md).</summary>
public enum Clearing
{
    /// <summary>The run grain clears every asset's bids in one market (its work grows with the run's assets).</summary>
    Central,

    /// <summary>
    /// Every region grain clears its own assets; the run grain couples only what crosses regions (regions × steps,
    /// links and workload brokers), so its work does not grow with the run's assets and regions clear in parallel.
    /// </summary>
    Regional,

    /// <summary>Regional for a scenario of several regions and at least <see cref="ClearingChoice.RegionalFromAssets"/> assets, central otherwise (<see cref="ClearingChoice"/>).</summary>
    Auto,
}

/// <summary>
/// Which clearing <see cref="Clearing.Auto"/> (the default of <c>run</c>, <c>compare</c> and the API) takes for a
/// scenario. The central market re-solves one LP of every asset each round: on the reference scenarios (up to 174
/// assets) it is 1.1-3.6× faster than the regional one and closer to the optimum; from a few hundred assets the
/// regional one is 2.6-3.7× faster but, at 500, stops its windows at the round limit further from the optimum
/// (0.61 % against 0.15 %); from a thousand the central market does not finish a week in 20 minutes
/// (docs/performance.md, "Which clearing by default"). Carbon-greedy placement needs the central market.
/// </summary>
public static class ClearingChoice
{
    /// <summary>The smallest scenario, in assets, that <see cref="Clearing.Auto"/> clears regionally.</summary>
    public const int RegionalFromAssets = 1_000;

    public static Clearing Resolve(Clearing asked, ResolvedScenario scenario, Placement placement) =>
        asked != Clearing.Auto ? asked
        : placement != Placement.CarbonGreedy && scenario.Regions.Length > 1 && scenario.Assets.Length >= RegionalFromAssets ? Clearing.Regional
        : Clearing.Central;
}
