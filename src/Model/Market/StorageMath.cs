using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>Storage arithmetic of the format that more than one place needs.</summary>
public static class StorageMath
{
    /// <summary>
    /// The least energy storage must hold after step t so that, charging at full power for the
    /// steps left, it can still end the horizon with its initial energy (the cyclic rule).
    /// </summary>
    public static double CyclicFloor(double initialMwh, double powerMw, double chargeEfficiency, double stepHours, int step, int lastStep) =>
        Math.Max(0, initialMwh - (lastStep - step) * powerMw * chargeEfficiency * stepHours);

    /// <summary>The least energy a store may hold after <paramref name="step"/>: the cyclic floor when the rule applies, else nothing.</summary>
    public static double EnergyFloor(StorageSpec spec, EconomicsSpec economics, double stepHours, int step, int lastStep) =>
        economics.CyclicStorage
            ? Math.Min(spec.EnergyMwh, CyclicFloor(spec.InitialEnergyMwh, spec.PowerMw, spec.ChargeEfficiency, stepHours, step, lastStep))
            : 0;
}
