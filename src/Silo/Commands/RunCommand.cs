using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GridActors.Grains.Abstractions;
using GridActors.Grains.Simulation;
using GridActors.Model.Loading;
using GridActors.Model.Results;
using GridActors.Model.Scenario;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary><c>run SCENARIO</c>: negotiated dispatch on the embedded silo, results to a folder, a summary on screen.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenario = CommandLine.ScenarioArgument();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Result folder (default: out/<name>-negotiated-<UTC time>). Must not exist or be empty." };
        var windowSteps = new Option<int>("--window-steps") { Description = "Steps cleared per window (bids are sent once per window).", DefaultValueFactory = _ => 24 };
        var command = new Command("run", "Run a scenario as negotiating grains on the embedded silo and write its result folder.") { scenario, output, windowSteps };
        windowSteps.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--window-steps must be at least 1");
            }
        });
        command.SetAction((parse, cancellationToken) => ExecuteAsync(parse.GetValue(scenario)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(windowSteps), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(string path, string? outputDirectory, int windowSteps, CancellationToken cancellationToken)
    {
        var (resolved, errors) = ScenarioLoader.TryLoad(path);
        if (resolved is null)
        {
            return ErrorReport.Print(errors);
        }
        outputDirectory ??= Path.Combine("out", $"{resolved.Name}-negotiated-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}");
        // Checked before the silo starts, so a user's mistake costs nothing and prints no stack trace.
        if (ResultWriter.OutputProblem(outputDirectory) is { } problem)
        {
            return ErrorReport.Print(problem);
        }
        if (resolved.Compute.Workloads.Length > 0)
        {
            AnsiConsole.MarkupLine("[yellow]note[/] compute workloads are validated but batch placement is not simulated yet; their energy is reported as unfinished work.");
        }

        var watch = Stopwatch.StartNew();
        using var host = await EmbeddedCluster.StartAsync(cancellationToken);
        (SummaryAccumulator Summary, RunInfo Info)? outcome = null;
        try
        {
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"{Markup.Escape(resolved.Name)} ({resolved.Assets.Length} assets, {resolved.Steps} steps)", maxValue: resolved.Steps);
                    outcome = await RunDriver.ExecuteAsync(EmbeddedCluster.Client(host), resolved, new RunOptions(windowSteps), outputDirectory, silos: 1,
                        report => task.Increment(report.Steps), cancellationToken);
                });
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
        PrintSummary(resolved, outcome!.Value.Summary, outcome.Value.Info, outputDirectory, watch.Elapsed.TotalSeconds);
        return 0;
    }

    private static void PrintSummary(ResolvedScenario scenario, SummaryAccumulator summary, RunInfo info, string outputDirectory, double commandSeconds)
    {
        string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);
        var currency = scenario.Economics.Currency;
        var totals = new Table().Title("Run summary").AddColumn("measure").AddColumn(new TableColumn("value").RightAligned());
        totals.AddRow("total cost", $"{N(summary.TotalCost)} {currency}");
        totals.AddRow("emissions", $"{N(summary.EmissionsT)} t CO2");
        totals.AddRow("unserved energy", $"{N(summary.UnservedMwh, "N1")} MWh");
        totals.AddRow("spilled energy", $"{N(summary.SpilledMwh, "N1")} MWh");
        var curtailment = summary.RenewableAvailableMwh > 0 ? 100 * summary.CurtailedRenewableMwh / summary.RenewableAvailableMwh : 0;
        totals.AddRow("renewable curtailment", $"{N(curtailment, "N2")} %");
        // The run's own figures, as in run.json; the command also spends time starting the silo.
        totals.AddRow("wall time (run)", $"{N(info.WallSeconds, "N2")} s");
        totals.AddRow("wall time (incl. silo start-up)", $"{N(commandSeconds, "N2")} s");
        var assetSteps = (double)scenario.Assets.Length * scenario.Steps;
        totals.AddRow("asset-steps per second", N(assetSteps / info.WallSeconds));
        AnsiConsole.Write(totals);

        var prices = new Table().Title($"Mean price per region ({currency}/MWh)").AddColumn("region").AddColumn(new TableColumn("mean price").RightAligned())
            .AddColumn(new TableColumn("load GWh").RightAligned()).AddColumn(new TableColumn("net import GWh").RightAligned());
        foreach (var region in scenario.Regions)
        {
            var r = summary.Regions[region.Index];
            prices.AddRow(region.Id, N(r.MeanPricePerMwh, "N1"), N(r.LoadMwh / 1000, "N1"), N((r.ImportMwh - r.ExportMwh) / 1000, "N1"));
        }
        AnsiConsole.Write(prices);
        AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(outputDirectory)}[/]");
    }
}
