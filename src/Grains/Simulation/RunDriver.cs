using System.Diagnostics;
using GridActors.Grains.Abstractions;
using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Simulation;

/// <summary>
/// Client side of a run: starts the orchestrator grain, advances it window by window, feeds each
/// window to the result writer and the summary, and finishes the result folder.
/// </summary>
public static class RunDriver
{
    /// <summary>Runs to the end; returns the summary and the run facts written to run.json.</summary>
    public static async Task<(SummaryAccumulator Summary, RunInfo Info)> ExecuteAsync(
        IGrainFactory grains, ResolvedScenario scenario, RunOptions options, string outputDirectory, int silos,
        Action<WindowReport>? onWindow = null, CancellationToken cancellationToken = default)
    {
        var runId = $"{scenario.Name}-{Guid.NewGuid():N}";
        var watch = Stopwatch.StartNew();
        var summary = new SummaryAccumulator(scenario);
        using var writer = new ResultWriter(scenario, outputDirectory);
        var run = grains.GetGrain<IRunGrain>(runId);
        await run.StartAsync(scenario, options);
        while (await run.AdvanceAsync() is { } report)
        {
            cancellationToken.ThrowIfCancellationRequested();
            writer.Append(report);
            summary.Add(report);
            onWindow?.Invoke(report);
        }
        var version = typeof(RunDriver).Assembly.GetName().Version?.ToString() ?? "0";
        var info = new RunInfo(runId, "negotiated", watch.Elapsed.TotalSeconds, silos, options.WindowSteps, version);
        writer.Complete(summary, "negotiated", info);
        return (summary, info);
    }
}
