using GridActors.Model.Assets;
using GridActors.Model.Market;

namespace GridActors.Model.RegionClearing;

/// <summary>
/// What a region's assets would do at given prices, each on its own and exactly: plants by their
/// ramp-aware best response, renewables produce and loads shed where the price pays for it, fixed
/// demand stays, flexible assets run the schedule they proposed at these prices. The schedule's
/// cost minus its value at the prices is the least any schedule of the region can achieve against
/// them: the region's term of the window's Lagrangian lower bound (docs/negotiation.md).
/// </summary>
public static class RegionResponse
{
    public static double At(IReadOnlyList<AssetBid> bids, IReadOnlyList<Proposal> answers, double[] pricePerMwh, double stepHours)
    {
        var steps = pricePerMwh.Length;
        var injection = new double[steps];
        var cost = 0.0;
        foreach (var bid in bids)
        {
            switch (bid)
            {
                case ThermalBid t:
                    var (output, _) = ThermalResponse.Best(t, pricePerMwh, stepHours);
                    for (var k = 0; k < steps; k++)
                    {
                        injection[k] += output[k];
                        cost += output[k] * t.PricePerMwh[k] * stepHours;
                    }
                    break;
                case RenewableBid r:
                    for (var k = 0; k < steps; k++)
                    {
                        // At a price equal to its cost a renewable is indifferent; it produces.
                        if (pricePerMwh[k] >= r.PricePerMwh)
                        {
                            injection[k] += r.AvailableMw[k];
                            cost += r.AvailableMw[k] * r.PricePerMwh * stepHours;
                        }
                    }
                    break;
                case LoadBid l:
                    for (var k = 0; k < steps; k++)
                    {
                        var shed = pricePerMwh[k] > l.CurtailmentPricePerMwh ? l.CurtailableMw[k] : 0;
                        injection[k] -= l.FixedMw[k] + l.CurtailableMw[k] - shed;
                        cost += shed * l.CurtailmentPricePerMwh * stepHours;
                    }
                    break;
                case FixedDemandBid d:
                    for (var k = 0; k < steps; k++)
                    {
                        injection[k] -= d.DemandMw[k];
                    }
                    break;
            }
        }
        foreach (var answer in answers)
        {
            for (var k = 0; k < steps; k++)
            {
                injection[k] += answer.InjectionMw[k];
            }
            cost += answer.Cost;
        }
        var value = cost;
        for (var k = 0; k < steps; k++)
        {
            value -= pricePerMwh[k] * injection[k] * stepHours;
        }
        return value;
    }
}
