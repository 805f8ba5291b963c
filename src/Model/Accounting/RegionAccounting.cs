using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Accounting;

/// <summary>Sums a region's assets' ledger entries into its report rows: load, generation by carrier, emissions and the rest.</summary>
public static class RegionAccounting
{
    /// <summary>Rows for every step of a window; <c>assetSteps</c> is aligned with <c>assets</c>, the region's assets.</summary>
    public static RegionRow[] Rows(string[] carriers, double stepHours, EconomicsSpec economics, IReadOnlyList<AssetSpec> assets, IReadOnlyList<AssetStep[]> assetSteps, RegionStep[] regionSteps)
    {
        var carrierOf = assets.Select(a => Array.IndexOf(carriers, a.Carrier)).ToArray();
        var rows = new RegionRow[regionSteps.Length];
        for (var k = 0; k < regionSteps.Length; k++)
        {
            var generationMwh = new double[carriers.Length];
            double loadMwh = 0, chargeMwh = 0, dischargeMwh = 0, curtailedMwh = 0, shedMwh = 0, emissionsT = 0, itMwh = 0;
            for (var a = 0; a < assets.Count; a++)
            {
                var entry = AssetLedger.Entry(assets[a], assetSteps[a][k], stepHours, economics);
                emissionsT += entry.EmissionsT;
                curtailedMwh += entry.CurtailedMwh;
                shedMwh += entry.ShedMwh;
                itMwh += entry.ItMwh;
                if (assets[a] is StorageSpec)
                {
                    chargeMwh += entry.ConsumedMwh;
                    dischargeMwh += entry.ProducedMwh;
                }
                else
                {
                    loadMwh += entry.ConsumedMwh;
                    if (carrierOf[a] >= 0)
                    {
                        generationMwh[carrierOf[a]] += entry.ProducedMwh;
                    }
                }
            }
            var region = regionSteps[k];
            var generated = generationMwh.Sum();
            var intensity = generated > 0 ? emissionsT / generated * 1000 : 0;
            rows[k] = new RegionRow(loadMwh / stepHours, [.. generationMwh.Select(e => e / stepHours)], chargeMwh / stepHours, dischargeMwh / stepHours,
                region.ImportMw, region.ExportMw, region.UnservedMw, region.SpilledMw, curtailedMwh / stepHours, shedMwh / stepHours, region.PricePerMwh,
                emissionsT, intensity, itMwh / stepHours);
        }
        return rows;
    }
}
