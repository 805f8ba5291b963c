using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>Renewables offer all they have at their marginal cost; the market curtails only what nothing absorbs.</summary>
public static class RenewableBidding
{
    public static RenewableBid Bid(RenewableSpec spec, int firstStep, int steps) =>
        new(spec.Index, spec.Region, [.. spec.Availability[firstStep..(firstStep + steps)].Select(a => a * spec.CapacityMw)], spec.MarginalCostPerMwh);
}
