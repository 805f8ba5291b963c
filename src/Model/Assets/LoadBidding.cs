using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// A load bids its inflexible part as fixed demand and its curtailable part at its curtailment
/// cost. Its shiftable part is not bid: it proposes schedules in the negotiation (<see cref="ShiftResponse"/>).
/// </summary>
public static class LoadBidding
{
    public static LoadBid Bid(LoadSpec spec, int firstStep, int steps)
    {
        var fixedMw = new double[steps];
        var curtailable = new double[steps];
        var inflexible = Math.Max(0, 1 - spec.CurtailableFraction - spec.ShiftableFraction);
        for (var k = 0; k < steps; k++)
        {
            var demand = spec.DemandMw[firstStep + k];
            fixedMw[k] = demand * inflexible;
            curtailable[k] = demand * spec.CurtailableFraction;
        }
        return new LoadBid(spec.Index, spec.Region, fixedMw, curtailable, spec.CurtailmentCostPerMwh);
    }
}
