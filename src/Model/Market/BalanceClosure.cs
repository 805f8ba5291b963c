using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>
/// Turns a solved dispatch into region steps: imports and exports from the link flows, and
/// unserved or spilled energy as whatever closes each region's balance, so the reported books
/// balance exactly whatever the solver's round-off. Unserved energy is attributed to the region's
/// loads and data centers in proportion to what they consume. A region is closed from its own
/// assets and its exchanges alone, so a region grain can close itself.
/// </summary>
public static class BalanceClosure
{
    /// <summary>Below this a balance gap is solver round-off, not unserved or spilled energy (MW).</summary>
    private const double RoundOffMw = 1e-7;

    public static RegionStep[][] Close(ResolvedScenario scenario, AssetStep[][] assets, LinkStep[][] links, double[][] prices, int steps)
    {
        var (imports, exports) = Exchanges(scenario.Links, links, scenario.Regions.Length, steps);
        var members = scenario.Assets.ToLookup(a => a.Region);
        return [.. scenario.Regions.Select(r =>
        {
            var own = members[r.Index].ToArray();
            return CloseRegion(own, [.. own.Select(a => assets[a.Index])], imports[r.Index], exports[r.Index], prices[r.Index], steps);
        })];
    }

    /// <summary>
    /// Per region and step, the power it receives over its links (after losses) and the power it sends (before
    /// losses) in the first <paramref name="steps"/> steps of <paramref name="flows"/>.
    /// </summary>
    public static (double[][] Imports, double[][] Exports) Exchanges(IReadOnlyList<LinkSpec> links, LinkStep[][] flows, int regions, int steps)
    {
        var imports = new double[regions][];
        var exports = new double[regions][];
        for (var r = 0; r < regions; r++)
        {
            imports[r] = new double[steps];
            exports[r] = new double[steps];
        }
        for (var k = 0; k < steps; k++)
        {
            foreach (var link in links)
            {
                var flow = flows[link.Index][k];
                exports[link.From][k] += flow.ForwardMw;
                imports[link.To][k] += flow.ForwardMw * (1 - link.LossFraction);
                exports[link.To][k] += flow.ReverseMw;
                imports[link.From][k] += flow.ReverseMw * (1 - link.LossFraction);
            }
        }
        return (imports, exports);
    }

    /// <summary>
    /// One region's steps from its assets' schedules (<paramref name="schedules"/>, aligned with <paramref name="members"/>;
    /// the unserved share of its loads and data centers is written into them) and its exchanges.
    /// </summary>
    public static RegionStep[] CloseRegion(IReadOnlyList<AssetSpec> members, AssetStep[][] schedules, double[] imports, double[] exports, double[] prices, int steps)
    {
        var region = new RegionStep[steps];
        for (var k = 0; k < steps; k++)
        {
            var net = 0.0;
            var consumers = 0.0;
            for (var i = 0; i < members.Count; i++)
            {
                var step = schedules[i][k];
                net += step.ProducedMw - step.ConsumedMw;
                if (members[i] is LoadSpec or DatacenterSpec)
                {
                    consumers += step.ConsumedMw;
                }
            }
            var surplus = net + imports[k] - exports[k];
            region[k] = new RegionStep(prices[k], surplus < -RoundOffMw ? -surplus : 0, surplus > RoundOffMw ? surplus : 0, imports[k], exports[k]);
            var unserved = region[k].UnservedMw;
            if (unserved > 0 && consumers > 0)
            {
                for (var i = 0; i < members.Count; i++)
                {
                    if (members[i] is LoadSpec or DatacenterSpec)
                    {
                        var step = schedules[i][k];
                        schedules[i][k] = step with { UnservedMw = unserved * step.ConsumedMw / consumers };
                    }
                }
            }
        }
        return region;
    }
}
