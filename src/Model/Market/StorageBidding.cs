using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>A store's bid for a window: its limits as the format defines them, from the energy it holds now.</summary>
public static class StorageBidding
{
    public static StorageBid Bid(StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int steps, int lastStep, double energyNowMwh) =>
        new(spec.Index, spec.Region, spec.PowerMw, spec.EnergyMwh, spec.ChargeEfficiency, spec.DischargeEfficiency, energyNowMwh, spec.CostPerMwh,
            [.. Enumerable.Range(firstStep, steps).Select(step => StorageMath.EnergyFloor(spec, economics, stepHours, step, lastStep))]);
}
