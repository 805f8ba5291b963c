using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>Adds the batch work a placement ran on each campus to the campus's consumption (IT x PUE).</summary>
public static class DatacenterLoad
{
    public static void AddBatch(ResolvedScenario scenario, ComputeNetwork network, ComputeOutcome compute, AssetStep[][] assets)
    {
        var steps = assets.Length > 0 ? assets.Max(a => a.Length) : 0;
        var batch = compute.BatchItMw(network, scenario.Assets.Length, steps);
        foreach (var campus in scenario.Assets.OfType<DatacenterSpec>())
        {
            for (var k = 0; k < assets[campus.Index].Length; k++)
            {
                var step = assets[campus.Index][k];
                assets[campus.Index][k] = step with { ConsumedMw = step.ConsumedMw + batch[campus.Index][k] * campus.Pue };
            }
        }
    }
}
