using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>Adds the batch work a placement ran on each campus to the campus's consumption (IT x PUE).</summary>
public static class DatacenterLoad
{
    public static void AddBatch(ResolvedScenario scenario, ComputeNetwork network, ComputeOutcome compute, AssetStep[][] assets)
    {
        var steps = assets.Length > 0 ? assets.Max(a => a.Length) : 0;
        foreach (var (campus, itMw) in compute.CampusItMw(network, steps))
        {
            AddBatch((DatacenterSpec)scenario.Assets[campus], assets[campus], itMw);
        }
    }

    /// <summary>One campus: <paramref name="itMw"/> of batch IT per step added to its schedule, times its PUE.</summary>
    public static void AddBatch(DatacenterSpec campus, AssetStep[] schedule, double[] itMw)
    {
        for (var k = 0; k < schedule.Length; k++)
        {
            schedule[k] = schedule[k] with { ConsumedMw = schedule[k].ConsumedMw + itMw[k] * campus.Pue };
        }
    }
}
