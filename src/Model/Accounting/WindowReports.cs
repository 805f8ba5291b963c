using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Accounting;

/// <summary>Assembles a window report from a cleared dispatch: region rows from the assets of each region.</summary>
public static class WindowReports
{
    public static WindowReport Build(ResolvedScenario scenario, int firstStep, int steps, AssetStep[][] assets, RegionStep[][] regions, LinkStep[][] links, NegotiationRecord? negotiation, ComputeOutcome? compute = null)
    {
        var carriers = scenario.Carriers();
        var rows = new RegionRow[scenario.Regions.Length][];
        foreach (var region in scenario.Regions)
        {
            var members = scenario.Assets.Where(a => a.Region == region.Index).ToArray();
            rows[region.Index] = RegionAccounting.Rows(carriers, scenario.StepHours, scenario.Economics, members, [.. members.Select(a => assets[a.Index])], regions[region.Index]);
        }
        return new WindowReport(firstStep, steps, rows, assets, links, negotiation, compute);
    }
}
