using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;
using GridActors.Testing;

namespace GridActors.Model.Tests;

/// <summary>The summary's totals by group (one walk over the ledger) against the same quantities summed another way.</summary>
public sealed class LedgerAggregationTests
{
    [Theory]
    [InlineData("scenarios/china-east-data-west-compute.yaml")]
    [InlineData("scenarios/storage-heavy.yaml")]
    public void TotalsByGroupAgreeWithTheRegionRowsAndTheAssetSteps(string file)
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path(file));
        var rolling = RollingOptimizer.Solve(scenario, LpSolverKind.Highs, 24, 24).Select(w => w.Report).ToList();
        var summary = SummaryAccumulator.Of(scenario, rolling);
        var carriers = scenario.Carriers();

        // By carrier and over the system, against the region rows the clearing reported (RegionAccounting).
        for (var c = 0; c < carriers.Length; c++)
        {
            Close(summary.Regions.Sum(r => r.GenerationByCarrierMwh[c]), summary.EnergyByCarrierMwh[carriers[c]]);
        }
        Close(summary.Regions.Sum(r => r.EmissionsT), summary.EmissionsT);
        Close(summary.Regions.Sum(r => r.CurtailedMwh), summary.CurtailedRenewableMwh);

        // By region's renewables, by sector and over the campuses, against the asset steps themselves.
        double Steps(Func<AssetSpec, bool> which, Func<Market.AssetStep, AssetSpec, double> mw) =>
            scenario.Assets.Where(which).Sum(a => rolling.Sum(w => w.Assets[a.Index].Sum(s => mw(s, a)))) * scenario.StepHours;
        foreach (var region in scenario.Regions)
        {
            Close(Steps(a => a.Region == region.Index && AssetLedger.IsRenewable(a), (s, _) => s.ProducedMw), summary.Regions[region.Index].RenewableMwh);
        }
        foreach (var sector in summary.Enterprises.Sectors)
        {
            var members = scenario.Assets.Where(a => a is LoadSpec l ? l.Sector == sector.Id : a is DatacenterSpec && sector.Id == EnterpriseAccounts.DatacenterSector);
            Close(Steps(members.Contains, (s, _) => s.ConsumedMw), sector.ConsumptionMwh);
        }
        Close(Steps(a => a is DatacenterSpec, (s, _) => s.ConsumedMw), summary.DatacenterFacilityMwh);
        Close(Steps(a => a is DatacenterSpec, (s, a) => s.ConsumedMw / ((DatacenterSpec)a).Pue), summary.DatacenterItMwh);
        Assert.True(summary.DatacenterItMwh > 0 || !scenario.Assets.OfType<DatacenterSpec>().Any());
    }

    /// <summary>Equal but for the order of the additions (a relative 1e-9).</summary>
    private static void Close(double expected, double actual) => Assert.InRange(actual, expected - 1e-9 * Math.Max(1, Math.Abs(expected)), expected + 1e-9 * Math.Max(1, Math.Abs(expected)));
}
