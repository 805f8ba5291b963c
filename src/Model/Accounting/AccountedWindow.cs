using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Accounting;

/// <summary>
/// A committed window and what every reader of it needs: each asset's ledger entries, the regions' emission factors
/// and the energy held in their stores. The summary, the enterprise and sector accounts, the result files and the
/// live snapshots all read this object instead of working these out each on its own. The factors and stored energy
/// are derived once; a ledger entry is computed where it is read (<see cref="Entry"/>), which costs less than holding
/// every asset's entries (filling the national week's 13,810 assets × 24 steps took about 50 ms a window; computing them, a few).
/// </summary>
public sealed class AccountedWindow
{
    private readonly double stepHours;
    private readonly EconomicsSpec economics;

    internal AccountedWindow(ResolvedScenario scenario, WindowReport report, WindowFactors factors)
    {
        Report = report;
        Factors = factors;
        stepHours = scenario.StepHours;
        economics = scenario.Economics;
        StoredMwh = new double[scenario.Regions.Length][];
        foreach (var region in scenario.Regions)
        {
            StoredMwh[region.Index] = new double[report.Steps];
        }
        foreach (var store in scenario.Assets.OfType<StorageSpec>())
        {
            var steps = report.Assets[store.Index];
            for (var k = 0; k < report.Steps; k++)
            {
                StoredMwh[store.Region][k] += steps[k].EnergyMwh;
            }
        }
    }

    public WindowReport Report { get; }

    public int FirstStep => Report.FirstStep;

    public int Steps => Report.Steps;

    /// <summary>The regions' average and marginal emission factors in each step.</summary>
    public WindowFactors Factors { get; }

    /// <summary>What <paramref name="asset"/> did in step <paramref name="k"/> of the window, in energy, emissions and money (<see cref="AssetLedger.Entry"/>).</summary>
    public LedgerEntry Entry(AssetSpec asset, int k) => AssetLedger.Entry(asset, Report.Assets[asset.Index][k], stepHours, economics);

    /// <summary>Energy held in each region's stores at the end of each step (MWh): [region][step of the window].</summary>
    public double[][] StoredMwh { get; }

    /// <summary>Region <paramref name="region"/> in step <paramref name="k"/> of the window, as regions.csv and live clients show it.</summary>
    public RegionStepFigures Region(int region, int k) => new(Report.Regions[region][k], Factors.AverageGPerKwh[region][k], Factors.MarginalGPerKwh[region][k],
        Factors.MarginalUnit[region][k], StoredMwh[region][k]);
}

/// <summary>
/// One region in one step: its report row with the figures accounting adds, the emission factors of what it consumes
/// (g/kWh), the unit that sets its marginal factor, and the energy held in its stores at the step's end (MWh).
/// </summary>
public readonly record struct RegionStepFigures(RegionRow Row, double AverageFactorGPerKwh, double MarginalFactorGPerKwh, string MarginalUnit, double StoredMwh)
{
    /// <summary>What the region's stores gave to the grid, net of what they took (MW).</summary>
    public double StorageNetMw => Row.StorageDischargeMw - Row.StorageChargeMw;
}

/// <summary>
/// Turns committed windows, in order, into <see cref="AccountedWindow"/>s: the emission factors carry the carbon held
/// in stores from one window to the next, so windows must come in order.
/// </summary>
public sealed class WindowAccounting(ResolvedScenario scenario)
{
    private readonly EmissionFactorTracer tracer = new(scenario);

    public AccountedWindow Account(WindowReport report) => new(scenario, report, tracer.Trace(report));
}
