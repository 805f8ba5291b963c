using System.CommandLine;
using System.Diagnostics;
using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Optimization;
using GridActors.Model.Options;
using GridActors.Model.Output;
using GridActors.Model.PlacementPolicies;
using Spectre.Console;
using static GridActors.Silo.Commands.SummaryTables;

namespace GridActors.Silo.Commands;

/// <summary>
/// <c>compare SCENARIO</c>: runs the negotiated dispatch, the rolling optimum with the same windows and, when the
/// scenario fits in one LP here, the whole-horizon optimum; writes their result folders and compare.json beside them,
/// and prints the table with the gaps.
/// </summary>
public static class CompareCommand
{
    public static Command Create()
    {
        var scenario = CommandLine.ScenarioArgument();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Folder for compare.json and the result folders of each mode and placement policy (default: out/<name>-compare-<UTC time>). Must not exist or be empty." };
        var solver = OptimizeCommand.SolverOption();
        solver.AcceptOnlyFromAmong([.. LpSolvers.Names]);
        var settings = new NegotiationSettings();
        var outputs = new OutputOptions();
        var command = new Command("compare", "Run a scenario negotiated and at the central optimum (rolling with the same windows, and over the whole horizon when it fits) and report the gaps.") { scenario, output, solver };
        outputs.AddTo(command);
        settings.AddTo(command);
        command.SetAction((parse, cancellationToken) => outputs.Problem(parse) is { } problem
            ? Task.FromResult(ErrorReport.Print(problem))
            : ExecuteAsync(parse.GetValue(scenario)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(solver)!, settings, outputs.Format(parse), outputs.Report(parse), parse, cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(string path, string? outputDirectory, string solverName, NegotiationSettings settings, ResultFormat format, bool report, ParseResult parse, CancellationToken cancellationToken)
    {
        var (resolved, output, exitCode) = CommandInput.Prepare(path, outputDirectory, "compare");
        if (resolved is null)
        {
            return exitCode;
        }
        outputDirectory = output;
        var solver = LpSolvers.Parse(solverName);
        var optimalFolder = Path.Combine(outputDirectory, ResultFiles.OptimalFolder);
        var rollingFolder = Path.Combine(outputDirectory, ResultFiles.RollingOptimalFolder);
        var negotiatedFolder = Path.Combine(outputDirectory, ResultFiles.NegotiatedFolder);
        try
        {
            // One clearing for every negotiated run of the comparison, whatever their placement.
            var asked = settings.Read(parse);
            var options = asked with { Clearing = ClearingChoice.Resolve(asked.Clearing, resolved, asked.Placement) };
            var watch = Stopwatch.StartNew();
            // The whole horizon when it fits in one LP here; a national year does not, and is compared with the rolling optimum only.
            var tooBig = OptimumMemory.WholeHorizonProblem(resolved);
            (SummaryAccumulator Summary, RunInfo Info)? optimal = null;
            if (tooBig is null)
            {
                var (summary, info, _) = Modes.Optimal(resolved, solver, null, optimalFolder, format);
                optimal = (summary, info);
            }
            else
            {
                AnsiConsole.MarkupLine($"[grey]no whole-horizon optimum: {Markup.Escape(tooBig)}[/]");
            }
            var optimalCommand = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var rolling = Modes.Rolling(resolved, solver, options.WindowSteps, options.LookaheadSteps, rollingFolder, format: format, cancellationToken: cancellationToken);
            var rollingCommand = watch.Elapsed.TotalSeconds;
            watch.Restart();
            var (negotiated, negotiatedInfo) = await Modes.NegotiatedAsync(resolved, options, negotiatedFolder, null, cancellationToken, format: format);
            var negotiatedCommand = watch.Elapsed.TotalSeconds;
            var comparison = new Comparison(resolved, negotiated, optimal?.Summary, rolling.Summary);
            var folders = optimal is null ? "compare.json, negotiated/, rolling-optimal/" : "compare.json, negotiated/, rolling-optimal/, optimal/";
            if (resolved.Compute.Workloads.Length > 0)
            {
                // With compute work, every placement policy runs too, each into a folder of its own.
                var runs = new List<(string Policy, SummaryAccumulator Summary)> { (OptionNames.Placement.Name(options.Placement), negotiated) };
                // Carbon-greedy needs the central market's first clearing, so a regional comparison leaves it out.
                var policies = options.Clearing == Clearing.Regional ? new[] { Placement.Negotiated, Placement.Local } : [Placement.Negotiated, Placement.CarbonGreedy, Placement.Local];
                foreach (var policy in policies.Where(p => p != options.Placement))
                {
                    var name = OptionNames.Placement.Name(policy);
                    var (summary, _) = await Modes.NegotiatedAsync(resolved, options with { Placement = policy }, Path.Combine(outputDirectory, name), null, cancellationToken, format: format);
                    runs.Add((name, summary));
                    folders += $", {name}/";
                }
                comparison.Placements = PlacementComparison.Rows((optimal?.Summary ?? rolling.Summary).TotalCost, [.. runs.OrderBy(r => r.Policy, StringComparer.Ordinal)]);
            }
            AtomicFile.WriteAllBytes(Path.Combine(outputDirectory, ResultFiles.Compare), comparison.ToJson());
            Print(comparison, [("negotiated", negotiatedInfo.WallSeconds, negotiatedCommand), ("rolling optimum", rolling.Info.WallSeconds, rollingCommand),
                .. optimal is { } o ? [("optimal", o.Info.WallSeconds, optimalCommand)] : Array.Empty<(string, double, double)>()]);
            AnsiConsole.MarkupLine($"results in [blue]{Markup.Escape(outputDirectory)}[/] ({folders})");
            return report ? ReportCommand.Write(outputDirectory) : 0;
        }
        catch (DispatchInfeasibleException infeasible)
        {
            return ErrorReport.Infeasible(path, infeasible);
        }
    }

    private static string Gap(double? gap) => gap is { } g ? N(100 * g, "N4") + " %" : "-";

    private static void Print(Comparison comparison, (string Mode, double Run, double Command)[] times)
    {
        var whole = comparison.Optimal is not null;
        var table = new Table().Title($"{Markup.Escape(comparison.Scenario.Name)}: negotiated vs the central optimum")
            .AddColumn("measure").AddColumn("unit")
            .AddColumn(new TableColumn("negotiated").RightAligned()).AddColumn(new TableColumn("rolling optimum").RightAligned()).AddColumn(new TableColumn("gap").RightAligned());
        if (whole)
        {
            table.AddColumn(new TableColumn("optimal").RightAligned()).AddColumn(new TableColumn("gap").RightAligned());
        }
        foreach (var row in comparison.Rows)
        {
            var format = row.Unit.EndsWith("/MWh", StringComparison.Ordinal) ? "N2" : "N0";
            var cells = new List<string> { row.Measure, Markup.Escape(row.Unit), N(row.Negotiated, format), N(row.RollingOptimal ?? 0, format), Gap(row.RollingGap) };
            if (whole)
            {
                cells.AddRange([N(row.Optimal ?? 0, format), Gap(row.RelativeGap)]);
            }
            table.AddRow([.. cells]);
        }
        AnsiConsole.Write(table);
        var windows = comparison.Negotiated.Windows;
        var gaps = $"negotiation costs [bold]{Gap(comparison.RollingCostGap)}[/] over the rolling optimum of the same windows"
            + (comparison.CostGap is { } gap ? $"; cost gap to the whole-horizon optimum [bold]{N(100 * gap, "N4")} %[/] (the windows' own share {Gap(comparison.ForesightCost)})" : "");
        AnsiConsole.MarkupLine(gaps);
        AnsiConsole.MarkupLine($"negotiation: {Numbers.Count(windows.Sum(w => w.Rounds), "round")} over {Numbers.Count(windows.Count, "window")} ({windows.Count(w => w.Converged)} converged, at most {(windows.Count > 0 ? windows.Max(w => w.Rounds) : 0)} in one)");
        AnsiConsole.MarkupLine("wall time: " + string.Join(", ", times.Select(t => $"{t.Mode} {N(t.Run, "N2")} s ({N(t.Command, "N2")} s with start-up)")));
        if (comparison.Placements.Count > 0)
        {
            var currency = comparison.Scenario.Economics.Currency;
            var placements = new Table().Title("compute placement policies").AddColumn("policy")
                .AddColumn(new TableColumn($"total cost {Markup.Escape(currency)}").RightAligned()).AddColumn(new TableColumn("gap to optimum").RightAligned())
                .AddColumn(new TableColumn("emissions t").RightAligned()).AddColumn(new TableColumn("work moved MWh").RightAligned())
                .AddColumn(new TableColumn("unfinished MWh").RightAligned()).AddColumn(new TableColumn($"saved vs local {Markup.Escape(currency)}").RightAligned())
                .AddColumn(new TableColumn("CO2 saved vs local t").RightAligned());
            foreach (var p in comparison.Placements)
            {
                placements.AddRow(p.Policy, N(p.TotalCost), N(100 * p.CostGap, "N4") + " %", N(p.EmissionsT), N(p.MovedMwh), N(p.UnfinishedMwh), N(p.CostSavedVsLocal), N(p.CarbonSavedVsLocalT));
            }
            AnsiConsole.Write(placements);
        }
    }
}
