using GridActors.Model.Scenario;

namespace GridActors.Model.Results;

/// <summary>Energy held in each region's stores at the end of a step: regions.csv's storage_energy_mwh and the live snapshots'.</summary>
public sealed class StoredEnergy(ResolvedScenario scenario)
{
    private readonly StorageSpec[] stores = [.. scenario.Assets.OfType<StorageSpec>()];

    /// <summary>Fills <paramref name="byRegion"/> (one entry per region) for step <paramref name="k"/> of the window.</summary>
    public void At(WindowReport report, int k, double[] byRegion)
    {
        Array.Clear(byRegion);
        foreach (var store in stores)
        {
            byRegion[store.Region] += report.Assets[store.Index][k].EnergyMwh;
        }
    }
}
