using GridActors.Model.Accounting;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Output;

/// <summary>Turns a cleared window into the per-step region snapshots that live clients receive.</summary>
public static class LiveSnapshots
{
    public static StepSnapshot[] Of(ResolvedScenario scenario, AccountedWindow window)
    {
        var carriers = scenario.Carriers();
        var steps = new StepSnapshot[window.Steps];
        for (var k = 0; k < window.Steps; k++)
        {
            var regions = new RegionSnapshot[scenario.Regions.Length];
            foreach (var region in scenario.Regions)
            {
                var figures = window.Region(region.Index, k);
                var row = figures.Row;
                var generation = new Dictionary<string, double>(carriers.Length, StringComparer.Ordinal);
                for (var c = 0; c < carriers.Length; c++)
                {
                    generation[carriers[c]] = row.GenerationByCarrierMw[c];
                }
                regions[region.Index] = new RegionSnapshot(region.Id, row.LoadMw, generation, row.PricePerMwh, row.ImportMw, row.ExportMw, // the vocabulary of regions.csv: imports_mw, exports_mw
                    figures.StoredMwh, figures.StorageNetMw, row.CurtailedMw, row.UnservedMw, row.EmissionsT, row.CarbonIntensityGPerKwh, row.DatacenterItMw,
                    figures.AverageFactorGPerKwh, figures.MarginalFactorGPerKwh, figures.MarginalUnit);
            }
            var step = window.FirstStep + k;
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
