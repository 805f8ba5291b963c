using System.Diagnostics;
using GridActors.Abstractions;
using GridActors.Model.Accounting;
using GridActors.Model.Options;
using GridActors.Model.Output;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Client;

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
        ExecuteAsync(grains, scenario, options, outputDirectory, new RunHooks(null, silos, onWindow is null ? null : (window, _, _) =>
        {
            onWindow(window.Report);
            return Task.CompletedTask;
        }), cancellationToken);

    /// <summary>Runs to the end with the caller's hooks; a cancelled run leaves no result folder.</summary>
    public static async Task<(SummaryAccumulator Summary, RunInfo Info)> ExecuteAsync(
        IGrainFactory grains, ResolvedScenario scenario, RunOptions options, string outputDirectory, RunHooks hooks, CancellationToken cancellationToken = default)
    {
        var runId = hooks.RunId ?? $"{scenario.Name}-{Guid.NewGuid():N}";
        options = options with { Clearing = ClearingChoice.Resolve(options.Clearing, scenario, options.Placement) };
        var watch = Stopwatch.StartNew();
        var accounting = new WindowAccounting(scenario);
        var summary = new SummaryAccumulator(scenario);
        using var writer = new ResultWriter(scenario, outputDirectory, hooks.Format);
        var run = grains.GetGrain<IRunGrain>(runId);
        try
        {
            if (!hooks.Resume)
            {
                await WithRecoveryAsync(grains, runId, () => run.StartAsync(scenario, options), hooks, cancellationToken);
            }
            var first = 0;
            int? previous = null;
            while (!cancellationToken.IsCancellationRequested && await WithRecoveryAsync(grains, runId, () => run.AdvanceAsync(first), hooks, cancellationToken) is { } report)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var window = accounting.Account(report);
                summary.Add(window);
                writer.Append(window);
                if (!hooks.KeepPastWindows && previous is { } written)
                {
                    await WithRecoveryAsync(grains, runId, () => run.ForgetWindowAsync(written), hooks, cancellationToken);
                }
                previous = report.FirstStep;
                first = report.FirstStep + report.Steps;
                if (hooks.AfterWindowAsync is { } after)
                {
                    await after(window, summary, cancellationToken);
                }
            }
        }
        finally
        {
            if (cancellationToken.IsCancellationRequested)
            {
                // The run grain may still be clearing the window the driver stopped waiting for: it is released after
                // that, without the caller waiting on it.
                _ = ReleaseAsync(run, hooks.ForgetWhenDone);
            }
            else
            {
                await ReleaseAsync(run, hooks.ForgetWhenDone);
            }
        }
        cancellationToken.ThrowIfCancellationRequested();
        var version = typeof(RunDriver).Assembly.GetName().Version?.ToString() ?? "0";
        var mode = OptionNames.Mode.Name(RunMode.Negotiated);
        var info = new RunInfo(runId, mode, watch.Elapsed.TotalSeconds, hooks.Silos, options.WindowSteps, version, LookaheadSteps: options.LookaheadSteps,
            Clearing: OptionNames.Clearing.Name(options.Clearing), Lp: GridActors.Model.LinearProgramming.LpWork.ByRole(summary.Windows.SelectMany(w => w.Lp ?? [])));
        writer.Complete(summary, mode, info);
        return (summary, info);
    }

    /// <summary>
    /// How long the driver goes on trying while no silo of the cluster answers at all; then the run is given up with
    /// a sentence. A cluster that answers (a silo was lost and another takes over, a long window, storage away for
    /// less than its own patience) is waited for however long that takes.
    /// </summary>
    public static TimeSpan RecoveryPatience { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Calls the run grain, and calls again while the cluster recovers from a lost silo: the run grain (on
    /// whichever silo now hosts it) rolls back to its checkpoint, and advancing from the same step is safe.
    /// </summary>
    private static async Task WithRecoveryAsync(IGrainFactory grains, string runId, Func<Task> call, RunHooks hooks, CancellationToken cancellationToken) =>
        await WithRecoveryAsync(grains, runId, async () =>
        {
            await call();
            return true;
        }, hooks, cancellationToken);

    private static async Task<T> WithRecoveryAsync<T>(IGrainFactory grains, string runId, Func<Task<T>> call, RunHooks hooks, CancellationToken cancellationToken)
    {
        var lastAnswer = DateTime.UtcNow;
        var pause = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                // A cancelled caller stops waiting at once; a window can take minutes.
                return await call().WaitAsync(cancellationToken);
            }
            catch (Exception e) when (IsPassing(e) && !cancellationToken.IsCancellationRequested)
            {
                if (await ClusterAnswersAsync(grains))
                {
                    lastAnswer = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - lastAnswer > RecoveryPatience)
                {
                    throw new ClusterGoneException(
                        $"no silo of the cluster has answered for {RecoveryPatience.TotalSeconds:0} s ({GridActors.Model.Loading.ErrorText.FirstLine(e.Message)}); a run stored in PostgreSQL goes on "
                        + $"after `gridactors serve --postgres …` is started again and `gridactors resume {runId}` is run; a run in a silo's memory is lost with it and must be started again", e);
                }
                hooks.OnRecovering?.Invoke(e);
                await Task.Delay(pause, cancellationToken);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(2).Ticks));
            }
        }
    }

    /// <summary>Whether any silo answers a cheap question within a few seconds: the cluster is there, if busy or recovering.</summary>
    private static async Task<bool> ClusterAnswersAsync(IGrainFactory grains)
    {
        try
        {
            var hosts = await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(TimeSpan.FromSeconds(3));
            return hosts.Count > 0;
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or System.Net.Sockets.SocketException or InvalidOperationException)
        {
            return false;
        }
    }


    /// <summary>
    /// Failures a cluster recovers from: a silo gone, a message lost with it, a grain that came back empty on
    /// another silo, a call that timed out meanwhile, storage unreachable for a moment (a grain could not read its
    /// state). Storage away for good ends the run.
    /// </summary>
    private static bool IsPassing(Exception e) =>
        e is not StorageUnavailableException
        && (e is OrleansException or GrainStateLostException or TimeoutException or System.Net.Sockets.SocketException or System.Data.Common.DbException
            || e.InnerException is { } inner && IsPassing(inner));

    /// <summary>Best effort: a run that failed because the cluster went away cannot be released, and must not hide why it failed.</summary>
    private static async Task ReleaseAsync(IRunGrain run, bool forget)
    {
        try
        {
            // A short wait: when the whole cluster is gone, a release is not worth the full response timeout.
            await run.ReleaseAsync(forget).WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is OrleansException or TimeoutException or ObjectDisposedException)
        {
            // The grains are collected when idle anyway.
        }
    }
}
