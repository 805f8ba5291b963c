using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Accounting;

/// <summary>
/// A committed window and what every reader of it needs, derived once: each asset's ledger entries, the regions'
/// emission factors and the energy held in their stores. The summary, the enterprise and sector accounts, the result
/// files and the live snapshots all read this object instead of working these out again.
/// </summary>
public sealed class AccountedWindow
{
    internal AccountedWindow(ResolvedScenario scenario, WindowReport report, WindowFactors factors)
    {
        Report = report;
        Factors = factors;
        Ledger = new LedgerEntry[scenario.Assets.Length][];
        StoredMwh = new double[scenario.Regions.Length][];
        foreach (var region in scenario.Regions)
        {
            StoredMwh[region.Index] = new double[report.Steps];
        }
        foreach (var asset in scenario.Assets)
        {
            var steps = report.Assets[asset.Index];
            var entries = Ledger[asset.Index] = new LedgerEntry[report.Steps];
            for (var k = 0; k < report.Steps; k++)
            {
                entries[k] = AssetLedger.Entry(asset, steps[k], scenario.StepHours, scenario.Economics);
                if (asset is StorageSpec)
                {
                    StoredMwh[asset.Region][k] += steps[k].EnergyMwh;
                }
            }
        }
    }

    public WindowReport Report { get; }

    public int FirstStep => Report.FirstStep;

    public int Steps => Report.Steps;

    /// <summary>The regions' average and marginal emission factors in each step.</summary>
    public WindowFactors Factors { get; }

    /// <summary>What each asset did in each step, in energy, emissions and money: [asset][step of the window].</summary>
    public LedgerEntry[][] Ledger { get; }

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
