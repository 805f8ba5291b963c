using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// A simple price-forecast strategy for storage: over the window's forecast, buy in the n cheapest
/// steps and sell in the n dearest, where n is the number of steps it takes to fill the store at
/// full power, and only when the round trip pays for its losses and wear. Without a forecast it
/// stays out of the market (apart from what the cyclic end condition forces).
/// </summary>
public static class StorageStrategy
{
    public static StorageBid Bid(StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int steps, int lastStep, double energyMwh, double[]? forecastPricePerMwh)
    {
        var buy = new double[steps];
        var sell = new double[steps];
        var (buyPrice, sellPrice) = Thresholds(spec, economics, stepHours, forecastPricePerMwh);
        Array.Fill(buy, buyPrice);
        Array.Fill(sell, sellPrice);
        var minimum = new double[steps];
        for (var k = 0; k < steps; k++)
        {
            minimum[k] = economics.CyclicStorage
                ? StorageMath.CyclicFloor(spec.InitialEnergyMwh, spec.PowerMw, spec.ChargeEfficiency, stepHours, firstStep + k, lastStep)
                : 0;
        }
        return new StorageBid(spec.Index, spec.Region, buy, sell, spec.PowerMw, spec.EnergyMwh, spec.ChargeEfficiency, spec.DischargeEfficiency, energyMwh, minimum);
    }

    /// <summary>Prices beyond the value of lost load, which no clearing reaches: the store does not trade.</summary>
    public static (double Buy, double Sell) Idle(EconomicsSpec economics) =>
        (-2 * economics.ValueOfLostLoadPerMwh, 2 * economics.ValueOfLostLoadPerMwh);

    private static (double Buy, double Sell) Thresholds(StorageSpec spec, EconomicsSpec economics, double stepHours, double[]? forecast)
    {
        if (forecast is null || forecast.Length < 2 || spec.PowerMw <= 0 || spec.EnergyMwh <= 0)
        {
            return Idle(economics);
        }
        var sorted = forecast.Order().ToArray();
        var fillSteps = (int)Math.Ceiling(spec.EnergyMwh / (spec.PowerMw * spec.ChargeEfficiency * stepHours) - 1e-9);
        var n = Math.Clamp(fillSteps, 1, sorted.Length / 2);
        var low = sorted[n - 1];
        var high = sorted[^n];
        var roundTrip = spec.ChargeEfficiency * spec.DischargeEfficiency;
        var breakEven = high * roundTrip - spec.CostPerMwh;
        if (breakEven <= low)
        {
            return Idle(economics);
        }
        // A small margin inside the spread makes the store win ties against plants at the same price.
        var margin = Math.Max(0.01, 0.001 * (high - low));
        var buy = Math.Min(low + margin, breakEven);
        var sell = Math.Max(high - margin, (low + spec.CostPerMwh * roundTrip) / roundTrip);
        return (buy, sell);
    }
}
