using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// A load bids its inflexible part as fixed demand, its curtailable part at its curtailment cost,
/// and its shiftable part at the cheapest forecast price it could still reach later within its
/// shift window: if the forecast says waiting is cheaper, it waits.
/// </summary>
public static class LoadBidding
{
    public static LoadBid Bid(LoadSpec spec, EconomicsSpec economics, int firstStep, int steps, DeferredEnergy[] backlog, double[]? forecastPricePerMwh)
    {
        var fixedMw = new double[steps];
        var curtailable = new double[steps];
        var shiftable = new double[steps];
        var shiftPrice = new double[steps];
        var inflexible = 1 - spec.CurtailableFraction - spec.ShiftableFraction;
        for (var k = 0; k < steps; k++)
        {
            var demand = spec.DemandMw[firstStep + k];
            fixedMw[k] = demand * Math.Max(0, inflexible);
            curtailable[k] = demand * spec.CurtailableFraction;
            shiftable[k] = demand * spec.ShiftableFraction;
            shiftPrice[k] = ShiftPrice(forecastPricePerMwh, k, spec.ShiftWindowSteps, economics.ValueOfLostLoadPerMwh);
        }
        return new LoadBid(spec.Index, spec.Region, fixedMw, curtailable, spec.CurtailmentCostPerMwh, shiftable, shiftPrice, spec.ShiftWindowSteps, backlog);
    }

    private static double ShiftPrice(double[]? forecast, int k, int windowSteps, double valueOfLostLoad)
    {
        if (forecast is null || windowSteps == 0 || k + 1 >= forecast.Length)
        {
            return valueOfLostLoad;
        }
        var cheapestLater = double.PositiveInfinity;
        for (var u = k + 1; u <= Math.Min(k + windowSteps, forecast.Length - 1); u++)
        {
            cheapestLater = Math.Min(cheapestLater, forecast[u]);
        }
        // Serve now unless a later step is expected to be cheaper by more than a small margin.
        var margin = Math.Max(0.01, 0.001 * Math.Abs(cheapestLater));
        return Math.Min(cheapestLater + margin, valueOfLostLoad);
    }
}
