namespace GridActors.Model.Market;

/// <summary>The storage energy rule of the format, shared by the clearing, the grains and the checks.</summary>
public static class StorageMath
{
    /// <summary>e(t) = e(t-1) + (charge x eta_c - discharge / eta_d) x dt, kept within [0, capacity] against round-off.</summary>
    public static double NextEnergy(double energy, double chargeMw, double dischargeMw, double chargeEfficiency, double dischargeEfficiency, double stepHours, double capacityMwh) =>
        Math.Clamp(energy + (chargeMw * chargeEfficiency - dischargeMw / dischargeEfficiency) * stepHours, 0, capacityMwh);

    /// <summary>
    /// The least energy storage must hold after step t so that, charging at full power for the
    /// steps left, it can still end the horizon with its initial energy (the cyclic rule).
    /// </summary>
    public static double CyclicFloor(double initialMwh, double powerMw, double chargeEfficiency, double stepHours, int step, int lastStep) =>
        Math.Max(0, initialMwh - (lastStep - step) * powerMw * chargeEfficiency * stepHours);
}
