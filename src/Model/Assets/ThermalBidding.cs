using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>A thermal plant offers its available capacity at its marginal cost plus carbon, above its must-run floor.</summary>
public static class ThermalBidding
{
    /// <summary>
    /// Floors and ceilings for the whole horizon, tightened backwards so that a plant can always
    /// follow them within its ramp (it starts ramping down before its availability drops).
    /// </summary>
    public static (double[] Floor, double[] Ceiling) Envelope(ThermalSpec spec, double stepHours)
    {
        var steps = spec.Availability.Length;
        var ramp = spec.RampMwPerH * stepHours;
        var ceiling = new double[steps];
        var floor = new double[steps];
        for (var t = 0; t < steps; t++)
        {
            ceiling[t] = spec.CapacityMw * spec.Availability[t];
            floor[t] = Math.Min(spec.MinOutputMw, ceiling[t]);
        }
        for (var t = steps - 2; t >= 0; t--)
        {
            ceiling[t] = Math.Min(ceiling[t], ceiling[t + 1] + ramp);
            floor[t] = Math.Min(Math.Max(floor[t], floor[t + 1] - ramp), ceiling[t]);
        }
        return (floor, ceiling);
    }

    /// <summary>
    /// <see cref="Envelope(ThermalSpec, double)"/> for steps [<paramref name="firstStep"/>, <paramref name="firstStep"/> +
    /// <paramref name="steps"/>) only, with the same values: a step further ahead than a swing from zero to full
    /// capacity cannot tighten these steps, so the backward pass starts there instead of at the horizon's end.
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

    public static ThermalBid Bid(ThermalSpec spec, EconomicsSpec economics, double stepHours, (double[] Floor, double[] Ceiling) envelope, int firstStep, int steps, double? previousOutputMw) =>
        new(spec.Index, spec.Region,
            envelope.Floor[firstStep..(firstStep + steps)],
            envelope.Ceiling[firstStep..(firstStep + steps)],
            Enumerable.Repeat(OfferPrice(spec, economics), steps).ToArray(),
            spec.RampMwPerH * stepHours,
            previousOutputMw);
}

/// <summary>Renewables offer all they have at their marginal cost; the market curtails only what nothing absorbs.</summary>
public static class RenewableBidding
{
    public static RenewableBid Bid(RenewableSpec spec, int firstStep, int steps) =>
        new(spec.Index, spec.Region, [.. spec.Availability[firstStep..(firstStep + steps)].Select(a => a * spec.CapacityMw)], spec.MarginalCostPerMwh);
}

/// <summary>Data-center campuses take their interactive IT load, and the batch work placed on them, times PUE whatever the price.</summary>
public static class DatacenterBidding
{
    public static FixedDemandBid Bid(DatacenterSpec spec, int firstStep, int steps, double[]? batchItMw = null) =>
        new(spec.Index, spec.Region, [.. Enumerable.Range(firstStep, steps).Select(t => (spec.InteractiveItMw[t] + (batchItMw?[t] ?? 0)) * spec.Pue)]);
}
