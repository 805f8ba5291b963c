using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>
/// Turns a solved dispatch into region steps: imports and exports from the link flows, and
/// unserved or spilled energy as whatever closes each region's balance, so the reported books
/// balance exactly whatever the solver's round-off. Unserved energy is attributed to the region's
/// loads and data centers in proportion to what they consume.
/// </summary>
public static class BalanceClosure
{
    /// <summary>Below this a balance gap is solver round-off, not unserved or spilled energy (MW).</summary>
    private const double RoundOffMw = 1e-7;

    public static RegionStep[][] Close(ResolvedScenario scenario, AssetStep[][] assets, LinkStep[][] links, double[][] prices, int steps)
    {
        var regions = new RegionStep[scenario.Regions.Length][];
        for (var r = 0; r < regions.Length; r++)
        {
            regions[r] = new RegionStep[steps];
        }
        var net = new double[regions.Length];
        var consumers = new double[regions.Length];
        for (var k = 0; k < steps; k++)
        {
            Array.Clear(net);
            Array.Clear(consumers);
            var imports = new double[regions.Length];
            var exports = new double[regions.Length];
            foreach (var link in scenario.Links)
            {
                var flow = links[link.Index][k];
                exports[link.From] += flow.ForwardMw;
                imports[link.To] += flow.ForwardMw * (1 - link.LossFraction);
                exports[link.To] += flow.ReverseMw;
                imports[link.From] += flow.ReverseMw * (1 - link.LossFraction);
            }
            foreach (var asset in scenario.Assets)
            {
                var step = assets[asset.Index][k];
                net[asset.Region] += step.ProducedMw - step.ConsumedMw;
                if (asset is LoadSpec or DatacenterSpec)
                {
                    consumers[asset.Region] += step.ConsumedMw;
                }
            }
            for (var r = 0; r < regions.Length; r++)
            {
                var surplus = net[r] + imports[r] - exports[r];
                regions[r][k] = new RegionStep(prices[r][k], surplus < -RoundOffMw ? -surplus : 0, surplus > RoundOffMw ? surplus : 0, imports[r], exports[r]);
            }
            foreach (var asset in scenario.Assets)
            {
                var unserved = regions[asset.Region][k].UnservedMw;
                if (unserved > 0 && asset is LoadSpec or DatacenterSpec && consumers[asset.Region] > 0)
                {
                    var step = assets[asset.Index][k];
                    assets[asset.Index][k] = step with { UnservedMw = unserved * step.ConsumedMw / consumers[asset.Region] };
                }
            }
        }
        return regions;
    }
}
