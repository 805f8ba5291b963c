using System.Diagnostics;
using GridActors.Grains.Abstractions;
using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Simulation;

/// <summary>What a caller of <see cref="RunDriver"/> adds to a run: its id, the silo count for run.json, and a step after each window.</summary>
/// <param name="RunId">The run grain's key; a fresh one when null.</param>
/// <param name="Silos">How many silos the run spans, for run.json.</param>
/// <param name="AfterWindowAsync">Awaited after each window is written and summed; the live API paces, pauses and publishes here.</param>
public sealed record RunHooks(string? RunId, int Silos, Func<WindowReport, SummaryAccumulator, CancellationToken, Task>? AfterWindowAsync = null);

/// <summary>
/// Client side of a run: starts the orchestrator grain, advances it window by window, feeds each
/// window to the result writer and the summary, and finishes the result folder.
/// </summary>
public static class RunDriver
{
    /// <summary>Runs to the end; returns the summary and the run facts written to run.json.</summary>
    public static Task<(SummaryAccumulator Summary, RunInfo Info)> ExecuteAsync(
        IGrainFactory grains, ResolvedScenario scenario, RunOptions options, string outputDirectory, int silos,
        Action<WindowReport>? onWindow = null, CancellationToken cancellationToken = default) =>
        ExecuteAsync(grains, scenario, options, outputDirectory, new RunHooks(null, silos, onWindow is null ? null : (report, _, _) =>
        {
            onWindow(report);
            return Task.CompletedTask;
        }), cancellationToken);

    /// <summary>Runs to the end with the caller's hooks; a cancelled run leaves no result folder.</summary>
    public static async Task<(SummaryAccumulator Summary, RunInfo Info)> ExecuteAsync(
        IGrainFactory grains, ResolvedScenario scenario, RunOptions options, string outputDirectory, RunHooks hooks, CancellationToken cancellationToken = default)
    {
        var runId = hooks.RunId ?? $"{scenario.Name}-{Guid.NewGuid():N}";
        var watch = Stopwatch.StartNew();
        var summary = new SummaryAccumulator(scenario);
        using var writer = new ResultWriter(scenario, outputDirectory);
        var run = grains.GetGrain<IRunGrain>(runId);
        try
        {
            await run.StartAsync(scenario, options);
            while (await run.AdvanceAsync() is { } report)
            {
                cancellationToken.ThrowIfCancellationRequested();
                writer.Append(report);
                summary.Add(report);
                if (hooks.AfterWindowAsync is { } after)
                {
                    await after(report, summary, cancellationToken);
                }
            }
        }
        finally
        {
            await ReleaseAsync(run);
        }
        var version = typeof(RunDriver).Assembly.GetName().Version?.ToString() ?? "0";
        var info = new RunInfo(runId, "negotiated", watch.Elapsed.TotalSeconds, hooks.Silos, options.WindowSteps, version);
        writer.Complete(summary, "negotiated", info);
        return (summary, info);
    }

    /// <summary>Best effort: a run that failed because the cluster went away cannot be released, and must not hide why it failed.</summary>
    private static async Task ReleaseAsync(IRunGrain run)
    {
        try
        {
            await run.ReleaseAsync();
        }
        catch (Exception e) when (e is OrleansException or TimeoutException)
        {
            // The grains are collected when idle anyway.
        }
    }
}
