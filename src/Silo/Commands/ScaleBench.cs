using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using GridActors.Model.Generation;
using GridActors.Model.Output;
using Spectre.Console;
using static GridActors.Silo.Commands.SummaryTables;

namespace GridActors.Silo.Commands;

/// <summary>
/// <c>bench --scale</c>: generates scenarios of each size (31 regions by default, one week hourly), shape and seed,
/// and runs each mode in its own child process, on all cores and, when asked, on fewer — `run` for the negotiated dispatch with the central
/// clearing, `run --clearing regional` with the regional one, `optimize --window-steps 24 --lookahead-steps 24
/// --cold-windows` for the rolling optimum of the same windows, `optimize` for the whole-horizon optimum —
/// so every figure is that run's alone: wall time and rounds from
/// its run.json, cost from its summary.json, peak memory from the kernel's high-water mark of its
/// resident set (read from /proc while it runs). A run over the time limit is stopped and reported so.
/// </summary>
public static class ScaleBench
{
    public static readonly int[] DefaultSizes = [1_000, 3_000, 10_000, 30_000, 100_000];

    /// <summary>The modes, in the order they run, and the command of each.</summary>
    public static readonly (string Mode, string[] Command)[] Modes =
    [
        ("negotiated", ["run", "--clearing", "central"]),
        ("regional", ["run", "--clearing", "regional"]),
        // The negotiation's default windows; cold windows, which are the faster on the generated scenarios (docs/performance.md).
        ("rolling", ["optimize", "--window-steps", "24", "--lookahead-steps", "24", "--cold-windows"]),
        ("optimal", ["optimize"]),
    ];

    /// <summary>
    /// What one mode did on one size; <see cref="CostGap"/> is its distance above the whole-horizon optimum and
    /// <see cref="RollingGap"/> above the rolling optimum of the same windows, when those were measured too, and
    /// <see cref="RollingTimeRatio"/> its wall time over the rolling optimum's; <see cref="Note"/> says why figures are missing.
    /// </summary>
    public sealed record Measurement(string Mode, double? WallSeconds, double? AssetStepsPerSecond, int? Rounds, double? Cost, double PeakMegabytes, double? CoordinatorShare, string? Note,
        double? CostGap = null, double? RollingGap = null, double? RollingTimeRatio = null, double? SpeedupOverOneCore = null);

    /// <summary>
    /// The figures of one generated scenario (its shape, seed and size) run on <see cref="Cores"/> cores; with runs on one
    /// core too, each mode's <see cref="Measurement.SpeedupOverOneCore"/> is its wall time on one core over this one.
    /// </summary>
    public sealed record SizeFigures(int Assets, int Regions, int Steps, int Seed, string Shape, int Cores, Measurement[] Runs);

    /// <summary>What <c>bench --scale</c> measures: every shape × seed × size × core count, each mode once.</summary>
    public sealed record Plan(int[] Sizes, int Regions, int Steps, string[] Modes, TimeSpan Limit, int[] Seeds, GeneratorShape[] Shapes, int[] Cores);

    public static async Task<int> ExecuteAsync(Plan plan, string? outputFile, CancellationToken cancellationToken)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"gridactors-scale-{Environment.ProcessId}");
        Directory.CreateDirectory(scratch);
        var results = new List<SizeFigures>();
        try
        {
            foreach (var shape in plan.Shapes)
            {
                foreach (var seed in plan.Seeds)
                {
                    foreach (var size in plan.Sizes)
                    {
                        var settings = new GeneratorSettings(plan.Regions, size, plan.Steps, seed, shape);
                        var file = Path.Combine(scratch, settings.Name + ".yaml");
                        await File.WriteAllTextAsync(file, ScenarioGenerator.Generate(settings), cancellationToken);
                        foreach (var cores in plan.Cores)
                        {
                            results.Add(await MeasureAsync(plan, settings, file, cores, scratch, cancellationToken));
                        }
                        File.Delete(file);
                    }
                }
            }
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
        results = WithSpeedups(results);
        Print(results);
        if (outputFile is not null)
        {
            AtomicFile.WriteAllBytes(outputFile, JsonSerializer.SerializeToUtf8Bytes(new { machine = RunInfo.Machine, limit_minutes = plan.Limit.TotalMinutes, sizes = results }, Json));
        }
        return 0;
    }

    private static async Task<SizeFigures> MeasureAsync(Plan plan, GeneratorSettings settings, string file, int cores, string scratch, CancellationToken cancellationToken)
    {
        var runs = new List<Measurement>();
        foreach (var (mode, command) in Modes.Where(m => plan.Modes.Contains(m.Mode)))
        {
            AnsiConsole.MarkupLine(Markup.Escape($"{settings.Name}, {cores} core{(cores == 1 ? "" : "s")}: {string.Join(' ', command)}"));
            runs.Add(await MeasureAsync(mode, [command[0], file, .. command[1..]], cores, scratch, plan.Limit, cancellationToken));
        }
        var optimum = runs.FirstOrDefault(r => r.Mode == "optimal")?.Cost;
        var rolling = runs.FirstOrDefault(r => r.Mode == "rolling");
        return new SizeFigures(settings.Assets, settings.Regions, settings.Steps, settings.Seed, settings.ShapeName, cores, [.. runs.Select(r => r with
        {
            CostGap = r.Mode != "optimal" ? Gap(r.Cost, optimum) : null,
            RollingGap = r.Mode is "negotiated" or "regional" ? Gap(r.Cost, rolling?.Cost) : null,
            RollingTimeRatio = r.Mode is "negotiated" or "regional" && r.WallSeconds is { } wall && rolling?.WallSeconds is { } reference && reference > 0 ? wall / reference : null,
        })]);
    }

    /// <summary>Each mode's wall time on one core over its time on more, where the same scenario ran on both.</summary>
    private static List<SizeFigures> WithSpeedups(List<SizeFigures> results) =>
        [.. results.Select(f => f.Cores == 1 ? f : f with
        {
            Runs = [.. f.Runs.Select(m =>
            {
                var single = results.FirstOrDefault(o => o.Cores == 1 && o.Assets == f.Assets && o.Seed == f.Seed && o.Shape == f.Shape)?.Runs.FirstOrDefault(o => o.Mode == m.Mode);
                return single?.WallSeconds is { } one && m.WallSeconds is { } many && many > 0 ? m with { SpeedupOverOneCore = one / many } : m;
            })],
        })];

    /// <summary>(cost - reference) / |reference|, when both are known.</summary>
    private static double? Gap(double? cost, double? reference) => cost is { } c && reference is { } o && o != 0 ? (c - o) / Math.Abs(o) : null;

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    private static async Task<Measurement> MeasureAsync(string mode, string[] command, int cores, string scratch, TimeSpan limit, CancellationToken cancellationToken)
    {
        var output = Path.Combine(scratch, $"{mode}-{Guid.NewGuid():N}");
        var start = Self(cores);
        start.ArgumentList.Add(command[0]);
        foreach (var argument in command[1..])
        {
            start.ArgumentList.Add(argument);
        }
        start.ArgumentList.Add("--out");
        start.ArgumentList.Add(output);
        using var child = Process.Start(start) ?? throw new InvalidOperationException("could not start a child process");
        // Drained so a chatty child never blocks on a full pipe; its last lines explain a failure.
        var stdout = child.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = child.StandardError.ReadToEndAsync(cancellationToken);
        var peak = 0.0;
        var watch = Stopwatch.StartNew();
        while (!child.HasExited)
        {
            peak = Math.Max(peak, HighWaterMegabytes(child.Id));
            if (watch.Elapsed > limit)
            {
                child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(cancellationToken);
                // How far it got: a negotiated run prints a progress line per window.
                var progress = (await stdout).Split('\n').LastOrDefault(l => l.Contains(" of ", StringComparison.Ordinal) && l.Contains("step", StringComparison.Ordinal))?.Trim();
                return new Measurement(mode, null, null, null, null, peak, null, $"stopped at the limit of {limit.TotalMinutes:0.#} min" + (progress is null ? "" : $" ({progress})"));
            }
            await Task.Delay(200, cancellationToken);
        }
        await child.WaitForExitAsync(cancellationToken);
        if (child.ExitCode != 0)
        {
            var said = ((await stderr) + (await stdout)).Trim().Split('\n').LastOrDefault() ?? "";
            return new Measurement(mode, null, null, null, null, peak, null, $"exit {child.ExitCode}: {said}");
        }
        using var run = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, ResultFiles.Run), cancellationToken));
        using var summary = JsonDocument.Parse(await File.ReadAllBytesAsync(Path.Combine(output, ResultFiles.Summary), cancellationToken));
        var info = run.RootElement;
        Directory.Delete(output, recursive: true);
        return new Measurement(mode,
            info.GetProperty("wall_seconds").GetDouble(),
            info.GetProperty("asset_steps_per_second").GetDouble(),
            // An optimum has no rounds (its run.json says 0).
            mode is "negotiated" or "regional" && info.TryGetProperty("negotiation_rounds", out var rounds) ? rounds.GetInt32() : null,
            summary.RootElement.GetProperty("total_cost").GetDouble(),
            peak,
            info.TryGetProperty("coordinator_share", out var share) ? share.GetDouble() : null,
            null);
    }

    /// <summary>
    /// This program again, whether it runs as an app host or through `dotnet`, on <paramref name="cores"/> of the machine's
    /// cores when that is fewer than all: pinned to them by taskset (which keeps the process id, so its memory is still
    /// read), and told so through DOTNET_PROCESSOR_COUNT, which sizes the thread pool and Orleans' schedulers.
    /// </summary>
    private static ProcessStartInfo Self(int cores)
    {
        var host = Environment.ProcessPath ?? "dotnet";
        var pinned = cores < Environment.ProcessorCount;
        var start = new ProcessStartInfo(pinned ? Taskset : host) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (pinned)
        {
            start.ArgumentList.Add("--cpu-list");
            start.ArgumentList.Add($"0-{cores - 1}");
            start.ArgumentList.Add(host);
            start.Environment["DOTNET_PROCESSOR_COUNT"] = cores.ToString(CultureInfo.InvariantCulture);
        }
        if (Path.GetFileNameWithoutExtension(host) == "dotnet")
        {
            start.ArgumentList.Add(Assembly.GetEntryAssembly()!.Location);
        }
        return start;
    }

    /// <summary>util-linux's taskset, which Debian installs with every system.</summary>
    public const string Taskset = "/usr/bin/taskset";

    /// <summary>The most memory the process has held resident so far (VmHWM), in MB; 0 where /proc is not there.</summary>
    private static double HighWaterMegabytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return double.Parse(kilobytes, CultureInfo.InvariantCulture) / 1024;
                }
            }
        }
        catch (IOException)
        {
            // The process ended between the check and the read.
        }
        return 0;
    }

    private static void Print(List<SizeFigures> results)
    {
        var table = new Table().Title("bench --scale").AddColumn("shape").AddColumn(new TableColumn("seed").RightAligned())
            .AddColumn(new TableColumn("assets").RightAligned()).AddColumn(new TableColumn("asset-steps").RightAligned())
            .AddColumn(new TableColumn("cores").RightAligned()).AddColumn("mode").AddColumn(new TableColumn("wall s").RightAligned()).AddColumn(new TableColumn("asset-steps/s").RightAligned())
            .AddColumn(new TableColumn("rounds").RightAligned()).AddColumn(new TableColumn("run grain").RightAligned())
            .AddColumn(new TableColumn("peak MB").RightAligned()).AddColumn(new TableColumn("gap to rolling").RightAligned())
            .AddColumn(new TableColumn("time / rolling").RightAligned()).AddColumn(new TableColumn("gap to optimum").RightAligned())
            .AddColumn(new TableColumn("vs 1 core").RightAligned());
        foreach (var r in results)
        {
            foreach (var m in r.Runs)
            {
                table.AddRow(r.Shape, N(r.Seed), N(r.Assets), N((double)r.Assets * r.Steps), N(r.Cores), m.Mode,
                    Seconds(m), m.AssetStepsPerSecond is { } rate ? N(rate) : "", m.Rounds is { } rounds ? N(rounds) : "",
                    m.CoordinatorShare is { } share ? N(100 * share, "N0") + " %" : "", N(m.PeakMegabytes),
                    m.RollingGap is { } rollingGap ? N(100 * rollingGap, "N4") + " %" : "",
                    m.RollingTimeRatio is { } ratio ? N(ratio, "N2") + "×" : "",
                    m.CostGap is { } gap ? N(100 * gap, "N4") + " %" : "",
                    m.SpeedupOverOneCore is { } speedup ? N(speedup, "N2") + "×" : "");
            }
        }
        AnsiConsole.Write(table);
        foreach (var note in results.SelectMany(r => r.Runs.Where(m => m.Note is not null).Select(m => $"{r.Shape} seed {r.Seed}, {r.Assets:N0} assets, {r.Cores} cores, {m.Mode}: {m.Note}")))
        {
            AnsiConsole.MarkupLine(Markup.Escape(note));
        }
        AnsiConsole.MarkupLine(Markup.Escape(RunInfo.Machine));

        static string Seconds(Measurement m) => m.WallSeconds is { } s ? N(s, "N1") : "—";
    }
}
