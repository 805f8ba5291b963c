using GridActors.Model.Accounting;
using GridActors.Model.Scenario;

namespace GridActors.Model.Results;

/// <summary>
/// One region in one step as live clients and metrics see it. Powers in MW, energy in MWh, emissions in t; the average
/// and marginal emission factors of what the region consumes as regions.csv has them (docs/carbon.md).
/// </summary>
public sealed record RegionSnapshot(
    string Region,
    double LoadMw,
    IReadOnlyDictionary<string, double> GenerationMw,
    double PricePerMwh,
    double ImportsMw,
    double ExportsMw,
    double StorageEnergyMwh,
    double StorageNetMw,
    double CurtailedMw,
    double UnservedMw,
    double EmissionsT,
    double CarbonIntensityGPerKwh,
    double DatacenterItMw,
    double AverageFactorGPerKwh,
    double MarginalFactorGPerKwh,
    string MarginalUnit);

/// <summary>All regions in one step.</summary>
public sealed record StepSnapshot(int Step, DateTimeOffset Time, IReadOnlyList<RegionSnapshot> Regions);

/// <summary>Turns a cleared window into the per-step region snapshots that live clients receive.</summary>
public static class LiveSnapshots
{
    public static StepSnapshot[] Of(ResolvedScenario scenario, WindowReport report, WindowFactors factors)
    {
        var carriers = scenario.Carriers();
        var stored = new StoredEnergy(scenario);
        var storedMwh = new double[scenario.Regions.Length];
        var steps = new StepSnapshot[report.Steps];
        for (var k = 0; k < report.Steps; k++)
        {
            var regions = new RegionSnapshot[scenario.Regions.Length];
            stored.At(report, k, storedMwh);
            foreach (var region in scenario.Regions)
            {
                var row = report.Regions[region.Index][k];
                var generation = new Dictionary<string, double>(carriers.Length, StringComparer.Ordinal);
                for (var c = 0; c < carriers.Length; c++)
                {
                    generation[carriers[c]] = row.GenerationByCarrierMw[c];
                }
                regions[region.Index] = new RegionSnapshot(region.Id, row.LoadMw, generation, row.PricePerMwh, row.ImportMw, row.ExportMw, // the vocabulary of regions.csv: imports_mw, exports_mw
                    storedMwh[region.Index], row.StorageDischargeMw - row.StorageChargeMw, row.CurtailedMw, row.UnservedMw, row.EmissionsT, row.CarbonIntensityGPerKwh, row.DatacenterItMw,
                    factors.AverageGPerKwh[region.Index][k], factors.MarginalGPerKwh[region.Index][k], factors.MarginalUnit[region.Index][k]);
            }
            var step = report.FirstStep + k;
            steps[k] = new StepSnapshot(step, scenario.TimeOf(step), regions);
        }
        return steps;
    }

    /// <summary>Steps <paramref name="first"/> to <paramref name="first"/> + <paramref name="count"/> of a whole-horizon report, as a window of their own.</summary>
    public static WindowReport Slice(WindowReport report, int first, int count)
    {
        var offset = first - report.FirstStep;
        return new WindowReport(first, count,
            [.. report.Regions.Select(r => r[offset..(offset + count)])],
            [.. report.Assets.Select(a => a[offset..(offset + count)])],
            [.. report.Links.Select(l => l[offset..(offset + count)])],
            null,
            report.Compute?.Slice(offset, count));
    }
}
