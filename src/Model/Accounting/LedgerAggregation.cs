using GridActors.Model.Scenario;

namespace GridActors.Model.Accounting;

/// <summary>What one asset's step adds to a total: a function of its ledger entry and of its region in that step.</summary>
public delegate double LedgerMeasure(LedgerEntry entry, RegionStepFigures region);

/// <summary>
/// Totals of ledger measures over groups of assets, the group an asset adds into given as a parameter (the whole
/// system, a carrier, a region, a sector; null: none). Each total is defined once, by its measure, however it is
/// grouped; <see cref="LedgerAggregation"/> fills every grouping of a run in one walk over each window.
/// </summary>
public sealed class LedgerGrouping(Func<AssetSpec, string?> groupOf, params LedgerMeasure[] measures)
{
    private readonly Dictionary<string, double[]> sums = new(StringComparer.Ordinal);

    /// <summary>Measure number <paramref name="measure"/> summed over <paramref name="group"/> so far; 0 for a group no asset adds into.</summary>
    public double Sum(string group, int measure) => sums.TryGetValue(group, out var s) ? s[measure] : 0;

    /// <summary>The sums an asset adds into, or null when it belongs to no group.</summary>
    internal double[]? SumsOf(AssetSpec asset)
    {
        if (groupOf(asset) is not { } group)
        {
            return null;
        }
        if (!sums.TryGetValue(group, out var s))
        {
            sums[group] = s = new double[measures.Length];
        }
        return s;
    }

    internal void Add(double[] into, LedgerEntry entry, RegionStepFigures region)
    {
        for (var m = 0; m < measures.Length; m++)
        {
            into[m] += measures[m](entry, region);
        }
    }
}

/// <summary>
/// One walk over a window's ledger, asset by asset and step by step, that adds every asset step into the group each
/// grouping puts it in. Windows come in order.
/// </summary>
public sealed class LedgerAggregation
{
    private readonly ResolvedScenario scenario;
    private readonly LedgerGrouping[] groupings;

    /// <summary>Per asset, per grouping: the sums it adds into (null: none), found once.</summary>
    private readonly double[]?[][] into;

    public LedgerAggregation(ResolvedScenario scenario, params LedgerGrouping[] groupings)
    {
        this.scenario = scenario;
        this.groupings = groupings;
        into = [.. scenario.Assets.Select(a => groupings.Select(g => g.SumsOf(a)).ToArray())];
    }

    public void Add(AccountedWindow window)
    {
        foreach (var asset in scenario.Assets)
        {
            var sums = into[asset.Index];
            for (var k = 0; k < window.Steps; k++)
            {
                var entry = window.Entry(asset, k);
                var region = window.Region(asset.Region, k);
                for (var g = 0; g < groupings.Length; g++)
                {
                    if (sums[g] is { } s)
                    {
                        groupings[g].Add(s, entry, region);
                    }
                }
            }
        }
    }
}
