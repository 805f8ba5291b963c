using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>A thermal plant offers its available capacity at its marginal cost plus carbon, above its must-run floor.</summary>
public static class ThermalBidding
{
    /// <summary>
    /// Floors and ceilings of steps [<paramref name="firstStep"/>, <paramref name="firstStep"/> + <paramref name="steps"/>),
    /// tightened backwards so that a plant can always follow them within its ramp (it starts ramping down before its
    /// availability drops). The values are those of a backward pass from the horizon's end: a step further ahead than
    /// a swing from zero to full capacity cannot tighten these steps, so the pass starts there, and a plant holds no
    /// whole-horizon copy (the national year's 3,153 plants held 460 MB of them).
    /// </summary>
    public static (double[] Floor, double[] Ceiling) Envelope(ThermalSpec spec, double stepHours, int firstStep, int steps)
    {
        var ramp = spec.RampMwPerH * stepHours;
        var horizon = spec.Availability.Length;
        var reach = ramp > 0 && double.IsFinite(ramp) ? (int)Math.Min(horizon, Math.Ceiling(spec.CapacityMw / ramp) + 1) : ramp > 0 ? 0 : horizon;
        var end = (int)Math.Min(horizon, (long)firstStep + steps + reach);
        var ceiling = new double[end - firstStep];
        var floor = new double[end - firstStep];
        for (var k = 0; k < ceiling.Length; k++)
        {
            ceiling[k] = spec.CapacityMw * spec.Availability[firstStep + k];
            floor[k] = Math.Min(spec.MinOutputMw, ceiling[k]);
        }
        for (var k = ceiling.Length - 2; k >= 0; k--)
        {
            ceiling[k] = Math.Min(ceiling[k], ceiling[k + 1] + ramp);
            floor[k] = Math.Min(Math.Max(floor[k], floor[k + 1] - ramp), ceiling[k]);
        }
        return (floor[..steps], ceiling[..steps]);
    }

    public static double OfferPrice(ThermalSpec spec, EconomicsSpec economics) =>
        spec.MarginalCostPerMwh + economics.CarbonPricePerT * spec.EmissionsTPerMwh;

    /// <summary>
    /// The plant's exact limits over the whole horizon, as the format states them (no tightening):
    /// what the horizon optimum uses, so that an impossible ramp shows as an infeasible model.
    /// </summary>
    public static ThermalBid ExactBid(ThermalSpec spec, EconomicsSpec economics, double stepHours)
    {
        var ceiling = spec.Availability.Select(a => a * spec.CapacityMw).ToArray();
        var floor = ceiling.Select(c => Math.Min(spec.MinOutputMw, c)).ToArray();
        return new(spec.Index, spec.Region, floor, ceiling, Enumerable.Repeat(OfferPrice(spec, economics), ceiling.Length).ToArray(), spec.RampMwPerH * stepHours, null);
    }

    /// <summary>The plant's offer for steps [<paramref name="firstStep"/>, <paramref name="firstStep"/> + <paramref name="steps"/>) within its <see cref="Envelope"/>.</summary>
    public static ThermalBid Bid(ThermalSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int steps, double? previousOutputMw)
    {
        var (floor, ceiling) = Envelope(spec, stepHours, firstStep, steps);
        return new(spec.Index, spec.Region, floor, ceiling, Enumerable.Repeat(OfferPrice(spec, economics), steps).ToArray(), spec.RampMwPerH * stepHours, previousOutputMw);
    }
}
