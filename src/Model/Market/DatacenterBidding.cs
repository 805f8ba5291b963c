using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>Data-center campuses take their interactive IT load, and the batch work placed on them, times PUE whatever the price.</summary>
public static class DatacenterBidding
{
    public static FixedDemandBid Bid(DatacenterSpec spec, int firstStep, int steps, double[]? batchItMw = null) =>
        new(spec.Index, spec.Region, [.. Enumerable.Range(firstStep, steps).Select(t => (spec.InteractiveItMw[t] + (batchItMw?[t] ?? 0)) * spec.Pue)]);
}
