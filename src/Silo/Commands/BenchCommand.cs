using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using GridActors.Abstractions;
using GridActors.Client;
using GridActors.Model.Accounting;
using GridActors.Model.Generation;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Model.Output;
using GridActors.Model.Scenario;
using GridActors.Silo.Hosting;
using Spectre.Console;
using static GridActors.Silo.Commands.SummaryTables;

namespace GridActors.Silo.Commands;

/// <summary>
/// <c>bench [SCENARIO...]</c>: runs each scenario negotiated and optimal several times on one
/// embedded silo (started once, so start-up is not measured) and reports median wall times,
/// asset-steps per second, negotiation rounds, the cost gap and memory. The figures of
/// docs/performance.md come from here.
/// </summary>
public static class BenchCommand
{
    private static readonly string[] ReferenceScenarios =
        ["scenarios/two-region-toy.yaml", "scenarios/china-provinces-week.yaml", "scenarios/storage-heavy.yaml"];

    public static Command Create()
    {
        var scenarios = new Argument<FileInfo[]>("SCENARIO") { Description = "Scenario files (default: the three reference scenarios under scenarios/).", Arity = ArgumentArity.ZeroOrMore };
        var repeat = new Option<int>("--repeat") { Description = "Runs of each mode per scenario; medians are reported.", DefaultValueFactory = _ => 3 };
        repeat.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--repeat must be at least 1");
            }
        });
        var output = new Option<FileInfo?>("--out") { Description = "Also write the figures as JSON to this file." };
        var scale = new Option<bool>("--scale") { Description = "Instead: generated scenarios of each --sizes (31 regions, 168 hourly steps), each mode once in its own process, with its peak memory." };
        var sizes = new Option<string>("--sizes") { Description = "With --scale: asset counts, comma-separated.", DefaultValueFactory = _ => string.Join(',', ScaleBench.DefaultSizes) };
        var regions = new Option<int>("--regions") { Description = "With --scale: regions of the generated scenarios.", DefaultValueFactory = _ => 31 };
        var steps = new Option<int>("--steps") { Description = "With --scale: hourly steps of the generated scenarios.", DefaultValueFactory = _ => 168 };
        var modes = new Option<string>("--modes") { Description = "With --scale: negotiated (central clearing), regional (regional clearing), rolling (the rolling optimum of the same windows) and optimal (the whole horizon), comma-separated.", DefaultValueFactory = _ => "negotiated,regional,rolling,optimal" };
        var seeds = new Option<string>("--seeds") { Description = "With --scale: generator seeds, comma-separated.", DefaultValueFactory = _ => "1" };
        var shapes = new Option<string>("--shapes") { Description = "With --scale: generator shapes (default, storage, ramps), comma-separated.", DefaultValueFactory = _ => "default" };
        var cores = new Option<string>("--cores") { Description = "With --scale: run each mode on this many cores, comma-separated (1,2 adds a one-core row and the speed-up).", DefaultValueFactory = _ => Environment.ProcessorCount.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var limit = new Option<double>("--limit-minutes") { Description = "With --scale: a run taking longer is stopped and reported so.", DefaultValueFactory = _ => 60 };
        sizes.Validators.Add(result =>
        {
            if (ParseSizes(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--sizes must be positive whole numbers separated by commas, such as 1000,3000,10000");
            }
        });
        seeds.Validators.Add(result =>
        {
            if (ParseSizes(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError("--seeds must be positive whole numbers separated by commas, such as 1,2,3");
            }
        });
        shapes.Validators.Add(result =>
        {
            if (ParseShapes(result.GetValueOrDefault<string>()) is null)
            {
                result.AddError($"--shapes must be one or more of {string.Join(", ", GeneratorSettings.ShapeNames)}, comma-separated");
            }
        });
        cores.Validators.Add(result =>
        {
            var given = ParseSizes(result.GetValueOrDefault<string>());
            if (given is null || given.Any(c => c > Environment.ProcessorCount))
            {
                result.AddError($"--cores must be whole numbers from 1 to this machine's {Environment.ProcessorCount}, comma-separated");
            }
            else if (given.Any(c => c < Environment.ProcessorCount) && !File.Exists(ScaleBench.Taskset))
            {
                result.AddError($"--cores below {Environment.ProcessorCount} pins runs with {ScaleBench.Taskset}, which this machine does not have (Debian: apt-get install util-linux)");
            }
        });
        modes.Validators.Add(result =>
        {
            var given = result.GetValueOrDefault<string>().Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (given.Length == 0 || given.Any(m => !ScaleBench.Modes.Any(x => x.Mode == m)))
            {
                result.AddError("--modes must be one or more of negotiated, regional, rolling and optimal, comma-separated (negotiated,regional,rolling,optimal)");
            }
        });
        foreach (var positive in new[] { regions, steps })
        {
            positive.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<int>() < 1)
                {
                    result.AddError($"{positive.Name} must be at least 1");
                }
            });
        }
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<double>() is not (> 0 and < 1e6))
            {
                result.AddError("--limit-minutes must be more than 0");
            }
        });
        var command = new Command("bench", "Measure run (negotiated) and optimize on scenarios: wall time, asset-steps per second, rounds, gap, memory.")
        {
            scenarios, repeat, output, scale, sizes, regions, steps, modes, seeds, shapes, cores, limit,
        };
        command.SetAction((parse, cancellationToken) => parse.GetValue(scale)
            ? ScaleBench.ExecuteAsync(new ScaleBench.Plan(ParseSizes(parse.GetValue(sizes)!)!, parse.GetValue(regions), parse.GetValue(steps),
                parse.GetValue(modes)!.Split(',', StringSplitOptions.TrimEntries), TimeSpan.FromMinutes(parse.GetValue(limit)),
                ParseSizes(parse.GetValue(seeds))!, ParseShapes(parse.GetValue(shapes))!, ParseSizes(parse.GetValue(cores))!), parse.GetValue(output)?.FullName, cancellationToken)
            : ExecuteAsync(
                parse.GetValue(scenarios) is { Length: > 0 } given ? [.. given.Select(f => f.FullName)] : [.. ReferenceScenarios.Select(Path.GetFullPath)],
                parse.GetValue(repeat), parse.GetValue(output)?.FullName, cancellationToken));
        return command;
    }

    /// <summary>Positive whole numbers separated by commas (sizes, seeds, core counts), or null.</summary>
    private static int[]? ParseSizes(string? text) => ParseList(text, (string part, out int size) =>
        int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out size) && size > 0);

    /// <summary>The generator's shapes by name, separated by commas, or null.</summary>
    private static GeneratorShape[]? ParseShapes(string? text) => ParseList<GeneratorShape>(text, GeneratorSettings.TryParseShape) is { } shapes ? [.. shapes.Distinct()] : null;

    private delegate bool TryParse<T>(string text, out T value);

    /// <summary>Items separated by commas, each parsed by <paramref name="parse"/>; null when one fails or there is none.</summary>
    private static T[]? ParseList<T>(string? text, TryParse<T> parse)
    {
        var items = new List<T>();
        foreach (var part in (text ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (!parse(part, out var item))
            {
                return null;
            }
            items.Add(item);
        }
        return items.Count > 0 ? [.. items] : null;
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private sealed record Figures(string Scenario, int Assets, int Steps, double NegotiatedSeconds, double OptimalSeconds, double AssetStepsPerSecond, int Rounds, double CostGap, double AllocatedMegabytesPerRun);

    private static async Task<int> ExecuteAsync(string[] paths, int repeat, string? outputFile, CancellationToken cancellationToken)
    {
        var scenarios = new List<ResolvedScenario>();
        foreach (var path in paths)
        {
            var (resolved, errors) = ScenarioLoader.TryLoad(path, ScenarioLimits.FromEnvironment());
            if (resolved is null)
            {
                return ErrorReport.Print(errors);
            }
            scenarios.Add(resolved);
        }
        var scratch = Path.Combine(Path.GetTempPath(), $"gridactors-bench-{Environment.ProcessId}");
        using var host = await EmbeddedCluster.StartAsync(cancellationToken);
        var results = new List<Figures>();
        try
        {
            foreach (var scenario in scenarios)
            {
                AnsiConsole.MarkupLine($"[grey]{Markup.Escape(scenario.Name)}: {repeat} × negotiated, {repeat} × optimal[/]");
                results.Add(await MeasureAsync(EmbeddedCluster.Client(host), scenario, repeat, scratch, cancellationToken));
            }
        }
        catch (DispatchInfeasibleException infeasible)
        {
            return ErrorReport.Infeasible(string.Join(", ", paths), infeasible);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
            if (Directory.Exists(scratch))
            {
                Directory.Delete(scratch, recursive: true);
            }
        }
        Print(results, repeat);
        if (outputFile is not null)
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(new { machine = RunInfo.Machine, repeat, peak_working_set_mb = Process.GetCurrentProcess().PeakWorkingSet64 / 1e6, scenarios = results }, JsonOptions);
            AtomicFile.WriteAllBytes(outputFile, json);
        }
        return 0;
    }

    private static async Task<Figures> MeasureAsync(IGrainFactory grains, ResolvedScenario scenario, int repeat, string scratch, CancellationToken cancellationToken)
    {
        var negotiated = new List<double>();
        var optimal = new List<double>();
        var allocated = new List<double>();
        SummaryAccumulator? summary = null;
        double optimum = 0;
        for (var i = 0; i < repeat; i++)
        {
            var before = GC.GetTotalAllocatedBytes();
            var (s, info) = await RunDriver.ExecuteAsync(grains, scenario, RunOptions.Default, Path.Combine(scratch, Guid.NewGuid().ToString("N")), silos: 1, cancellationToken: cancellationToken);
            allocated.Add((GC.GetTotalAllocatedBytes() - before) / 1e6);
            negotiated.Add(info.WallSeconds);
            summary = s;

            var watch = Stopwatch.StartNew();
            optimum = HorizonOptimizer.Solve(scenario, LpSolverKind.Highs, cancellation: cancellationToken).Objective;
            optimal.Add(watch.Elapsed.TotalSeconds);
        }
        var median = Median(negotiated);
        return new Figures(scenario.Name, scenario.Assets.Length, scenario.Steps, median, Median(optimal),
            (double)scenario.Assets.Length * scenario.Steps / median, summary!.Windows.Sum(w => w.Rounds),
            optimum != 0 ? (summary.TotalCost - optimum) / Math.Abs(optimum) : 0, Median(allocated));
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }

    private static void Print(List<Figures> results, int repeat)
    {
        var table = new Table().Title($"bench: medians of {repeat} runs").AddColumn("scenario").AddColumn(new TableColumn("asset-steps").RightAligned())
            .AddColumn(new TableColumn("run s").RightAligned()).AddColumn(new TableColumn("asset-steps/s").RightAligned())
            .AddColumn(new TableColumn("rounds").RightAligned()).AddColumn(new TableColumn("optimize s").RightAligned())
            .AddColumn(new TableColumn("cost gap").RightAligned()).AddColumn(new TableColumn("allocated MB/run").RightAligned());
        foreach (var r in results)
        {
            table.AddRow(Markup.Escape(r.Scenario), N((double)r.Assets * r.Steps), N(r.NegotiatedSeconds, "N2"), N(r.AssetStepsPerSecond),
                N(r.Rounds), N(r.OptimalSeconds, "N2"), N(100 * r.CostGap, "N4") + " %", N(r.AllocatedMegabytesPerRun));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"peak working set {N(Process.GetCurrentProcess().PeakWorkingSet64 / 1e6)} MB; {Markup.Escape(RunInfo.Machine)}");
    }
}
