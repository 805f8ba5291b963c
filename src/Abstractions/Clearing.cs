using GridActors.Model.PlacementPolicies;
using GridActors.Model.Scenario;

namespace GridActors.Abstractions;

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
/// scenario. The central market re-solves one LP of every asset each round and is the faster and closer to the
/// optimum on small scenarios (china-provinces-week, 164 assets: 4 s against 11-15 s); from a few hundred assets
/// the regional one is faster by far, and at a thousand the central market does not finish a week
/// (docs/performance.md, "Which clearing by default"). Carbon-greedy placement needs the central market.
/// </summary>
public static class ClearingChoice
{
    /// <summary>The smallest scenario, in assets, that <see cref="Clearing.Auto"/> clears regionally.</summary>
    public const int RegionalFromAssets = 250;

    public static Clearing Resolve(Clearing asked, ResolvedScenario scenario, Placement placement) =>
        asked != Clearing.Auto ? asked
        : placement != Placement.CarbonGreedy && scenario.Regions.Length > 1 && scenario.Assets.Length >= RegionalFromAssets ? Clearing.Regional
        : Clearing.Central;

    /// <summary>The clearing's name in options, run.json and the API.</summary>
    public static string Name(Clearing clearing) => clearing.ToString().ToLowerInvariant();
}
