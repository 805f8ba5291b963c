using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Results;

/// <summary>Sums a region's assets into its report rows: load, generation by carrier, emissions and the rest.</summary>
public static class RegionAccounting
{
    /// <summary>Rows for every step of a window; <c>assetSteps</c> is aligned with <c>assets</c>, the region's assets.</summary>
    public static RegionRow[] Rows(string[] carriers, double stepHours, IReadOnlyList<AssetSpec> assets, IReadOnlyList<AssetStep[]> assetSteps, RegionStep[] regionSteps)
    {
        var rows = new RegionRow[regionSteps.Length];
        for (var k = 0; k < regionSteps.Length; k++)
        {
            var generation = new double[carriers.Length];
            double load = 0, charge = 0, discharge = 0, curtailed = 0, shed = 0, emissionsT = 0, itMw = 0;
            for (var a = 0; a < assets.Count; a++)
            {
                var step = assetSteps[a][k];
                switch (assets[a])
                {
                    case ThermalSpec thermal:
                        generation[Array.IndexOf(carriers, thermal.Carrier)] += step.ProducedMw;
                        emissionsT += step.ProducedMw * thermal.EmissionsTPerMwh * stepHours;
                        break;
                    case RenewableSpec renewable:
                        generation[Array.IndexOf(carriers, renewable.Carrier)] += step.ProducedMw;
                        curtailed += step.CurtailedMw;
                        break;
                    case StorageSpec:
                        charge += step.ConsumedMw;
                        discharge += step.ProducedMw;
                        break;
                    case LoadSpec:
                        load += step.ConsumedMw;
                        shed += step.ShedMw;
                        break;
                    case DatacenterSpec datacenter:
                        load += step.ConsumedMw;
                        itMw += step.ConsumedMw / datacenter.Pue;
                        break;
                }
            }
            var region = regionSteps[k];
            var generated = generation.Sum();
            var intensity = generated > 0 ? emissionsT / (generated * stepHours) * 1000 : 0;
            rows[k] = new RegionRow(load, generation, charge, discharge, region.ImportMw, region.ExportMw, region.UnservedMw, region.SpilledMw,
                curtailed, shed, region.PricePerMwh, emissionsT, intensity, itMw);
        }
        return rows;
    }
}
