using System.Globalization;
using GridActors.Model.Accounting;
using GridActors.Model.Output;
using GridActors.Model.Scenario;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary>The summary a run or optimisation prints on screen: totals, then mean prices per region.</summary>
public static class SummaryTables
{
    public static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static void Print(ResolvedScenario scenario, SummaryAccumulator summary, RunInfo info, string outputDirectory, double commandSeconds)
    {
        var currency = scenario.Economics.Currency;
        var totals = new Table().Title($"{info.Mode} dispatch").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        totals.AddRow("total cost", $"{N(summary.TotalCost)} {currency}");
        totals.AddRow("emissions", $"{N(summary.EmissionsT)} t CO2");
        totals.AddRow("unserved energy", $"{N(summary.UnservedMwh, "N1")} MWh");
        totals.AddRow("spilled energy", $"{N(summary.SpilledMwh, "N1")} MWh");
        var curtailment = summary.RenewableAvailableMwh > 0 ? 100 * summary.CurtailedRenewableMwh / summary.RenewableAvailableMwh : 0;
        totals.AddRow("renewable curtailment", $"{N(curtailment, "N2")} %");
        if (summary.Windows.Count > 0)
        {
            totals.AddRow("negotiation rounds (windows converged)", $"{summary.Windows.Sum(w => w.Rounds)} ({summary.Windows.Count(w => w.Converged)} of {summary.Windows.Count})");
        }
        if (info.Solver is not null)
        {
            totals.AddRow("solver", info.Solver);
        }
        // The run's own figures, as in run.json; the command also spends time loading and starting up.
        totals.AddRow($"wall time ({info.Mode})", $"{N(info.WallSeconds, "N2")} s");
        totals.AddRow("wall time (whole command)", $"{N(commandSeconds, "N2")} s");
        var assetSteps = (double)scenario.Assets.Length * scenario.Steps;
        totals.AddRow("asset-steps per second", N(assetSteps / info.WallSeconds));
        AnsiConsole.Write(totals);

        var prices = new Table().Title($"Mean price per region ({currency}/MWh)").AddColumn("region").AddColumn(new TableColumn("mean price").RightAligned())
            .AddColumn(new TableColumn("load GWh").RightAligned()).AddColumn(new TableColumn("net import GWh").RightAligned())
            .AddColumn(new TableColumn("average g/kWh").RightAligned()).AddColumn(new TableColumn("marginal g/kWh").RightAligned());
        foreach (var region in scenario.Regions)
        {
            var r = summary.Regions[region.Index];
            prices.AddRow(region.Id, N(r.MeanPricePerMwh, "N1"), N(r.LoadMwh / 1000, "N1"), N((r.ImportMwh - r.ExportMwh) / 1000, "N1"),
                N(r.AverageFactorGPerKwh), N(r.MarginalFactorGPerKwh));
        }
        AnsiConsole.Write(prices);
        PrintEnterprises(scenario, summary);
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(outputDirectory)}[/]");
    }

    /// <summary>How many enterprises the screen shows, the largest emitters first; enterprises.csv has them all.</summary>
    private const int EnterprisesShown = 20;

    private static void PrintEnterprises(ResolvedScenario scenario, SummaryAccumulator summary)
    {
        var grades = summary.Grades();
        if (grades.Count == 0)
        {
            return;
        }
        var table = new Table().Title($"Enterprises (largest emitters first; all {grades.Count} in enterprises.csv)")
            .AddColumn("enterprise").AddColumn("sector").AddColumn(new TableColumn("t CO2 graded").RightAligned())
            .AddColumn(new TableColumn("t per 10k value added").RightAligned()).AddColumn("level").AddColumn(new TableColumn("efficiency value").RightAligned())
            .AddColumn(new TableColumn("grade").RightAligned());
        foreach (var g in grades.OrderByDescending(g => g.CarbonT).ThenBy(g => g.Enterprise, StringComparer.Ordinal).Take(EnterprisesShown))
        {
            table.AddRow(Markup.Escape(g.Name), g.Sector, N(g.CarbonT), g.IntensityTPer10k is { } i ? N(i, "N3") : "-", g.Level ?? "-",
                g.EfficiencyValue is { } v ? N(v, "N2") : "-", g.Grade?.ToString(CultureInfo.InvariantCulture) ?? "-");
        }
        AnsiConsole.Write(table);
    }
}
