using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>
/// A load bids its inflexible part as fixed demand and its curtailable part at its curtailment
/// cost. Its shiftable part is not bid: it proposes schedules in the negotiation (<c>Assets.ShiftResponse</c>).
/// </summary>
public static class LoadBidding
{
    /// <summary>The load's bid; with <paramref name="shift"/> (the horizon's last step and the energy it carries in), its shiftable part too.</summary>
    public static LoadBid Bid(LoadSpec spec, int firstStep, int steps, (int LastStep, DeferredEnergy[] Backlog)? shift = null)
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
        var shiftable = spec.ShiftableFraction > 0 && shift is { } state
            ? new ShiftBid([.. Enumerable.Range(firstStep, steps).Select(spec.ShiftableMw)], spec.ShiftWindowSteps, state.LastStep, state.Backlog)
            : null;
        return new LoadBid(spec.Index, spec.Region, fixedMw, curtailable, spec.CurtailmentCostPerMwh, shiftable);
    }
}
