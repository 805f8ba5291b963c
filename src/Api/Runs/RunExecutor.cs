using System.Diagnostics;
using System.Text.Json.Nodes;
using GridActors.Api.Hosting;
using GridActors.Client;
using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Optimization;
using GridActors.Model.Options;
using GridActors.Model.Output;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Api.Runs;

/// <summary>
/// Drives one run to its end in the background: the negotiated mode advances the run grain on the cluster
/// window by window; the optimal mode solves the horizon LP here and replays it. Each window's steps are
/// released to the run's feed at the requested pace, holding while the run is paused.
/// </summary>
public sealed class RunExecutor(IClusterClient cluster, ClusterStorage storage, LiveJson json, TimeProvider time, ILogger<RunExecutor> logger)
{
    /// <summary>Paced runs release about ten batches a second, so charts move smoothly without an event per step.</summary>
    private static readonly TimeSpan PacedBatchInterval = TimeSpan.FromMilliseconds(100);

    public async Task ExecuteAsync(LiveRun run, ResolvedScenario scenario)
    {
        var pacer = new Pacer(run, time);
        try
        {
            run.MarkRunning(time.GetUtcNow());
            Publish(run, "status", new { run = run.Id, status = run.Status });
            if (run.Settings.Mode == RunMode.Negotiated)
            {
                var silos = (await cluster.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
                await RunDriver.ExecuteAsync(cluster, scenario, run.Settings.Options, run.ResultsDirectory,
                    new RunHooks(run.Id, silos, (window, summary, _) => PublishWindowAsync(run, scenario, window, summary, pacer), ForgetWhenDone: !storage.Persistent, KeepPastWindows: storage.Persistent, Format: run.Settings.Format), run.Cancellation);
            }
            else
            {
                await ReplayOptimalAsync(run, scenario, pacer);
            }
            WriteReport(run);
            run.Finish(RunStatus.Completed, time.GetUtcNow());
            End(run, ReadSummary(run));
        }
        catch (OperationCanceledException) when (run.Cancellation.IsCancellationRequested)
        {
            run.Finish(RunStatus.Cancelled, time.GetUtcNow());
            End(run, null);
        }
        catch (DispatchInfeasibleException infeasible)
        {
            run.Finish(RunStatus.Failed, time.GetUtcNow(), "the scenario has no feasible dispatch: " + string.Join(" ", infeasible.Reasons));
            End(run, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            Log.RunFailed(logger, e, run.Id);
            run.Finish(RunStatus.Failed, time.GetUtcNow(), e.Message);
            End(run, null);
        }
    }

    /// <summary>
    /// Every completed run gets its report.html among its result files (GET /api/runs/{id}/results/report.html). The
    /// results are written already, so a report that fails is logged and the run still completes.
    /// </summary>
    private void WriteReport(LiveRun run)
    {
        if (run.Settings.Format == ResultFormat.Parquet)
        {
            return;
        }
        try
        {
            GridActors.Report.ReportPage.Write(run.ResultsDirectory);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or System.Text.Json.JsonException or UnauthorizedAccessException)
        {
            Log.ReportFailed(logger, e, run.Id);
        }
    }

    private async Task ReplayOptimalAsync(LiveRun run, ResolvedScenario scenario, Pacer pacer)
    {
        var watch = Stopwatch.StartNew();
        if (run.Settings.Rolling)
        {
            await SolveRollingAsync(run, scenario, pacer, watch);
            return;
        }
        // A cancel interrupts the solve (HiGHS's interrupt callback).
        var dispatch = await Task.Run(() => HorizonOptimizer.Solve(scenario, LpSolverKind.Highs, cancellation: run.Cancellation), run.Cancellation);
        var accounting = new WindowAccounting(scenario);
        var summary = new SummaryAccumulator(scenario);
        var steps = run.Settings.Options.WindowSteps;
        for (var first = 0; first < scenario.Steps; first += steps)
        {
            var window = accounting.Account(LiveSnapshots.Slice(dispatch.Report, first, Math.Min(steps, scenario.Steps - first)));
            summary.Add(window);
            await PublishWindowAsync(run, scenario, window, summary, pacer);
        }
        // Written after the replay, like a negotiated run's folder, so a cancelled run leaves none.
        OptimalResults.Write(scenario, [dispatch.Report], OptimalRunFacts.Whole(dispatch), run.ResultsDirectory, watch, run.Id, run.Settings.Format);
    }

    /// <summary>
    /// The rolling optimum: each window published as it is solved, the result folder written alongside into a staging
    /// folder that only a completed run moves into place (<see cref="ResultWriter"/>), so a cancelled run leaves none.
    /// </summary>
    private async Task SolveRollingAsync(LiveRun run, ResolvedScenario scenario, Pacer pacer, Stopwatch watch)
    {
        var options = run.Settings.Options;
        var accounting = new WindowAccounting(scenario);
        var published = new SummaryAccumulator(scenario);
        var windows = ReadAhead.Of(RollingOptimizer.Solve(scenario, LpSolverKind.Highs, options.WindowSteps, options.LookaheadSteps, cancellation: run.Cancellation), run.Cancellation);
        var facts = new OptimalRunFacts(LpSolvers.Name(LpSolverKind.Highs), options.WindowSteps, options.LookaheadSteps);
        var channel = System.Threading.Channels.Channel.CreateBounded<WindowReport>(1);
        var publishedAll = new TaskCompletionSource();
        // The solver works on a thread of its own and hands each window over; this side publishes at the client's pace.
        // The folder is completed only once every window is published, so a run cancelled before then leaves none.
        var solving = Task.Run(() =>
        {
            try
            {
                OptimalResults.Write(scenario, HandedOver(), facts, run.ResultsDirectory, watch, run.Id, run.Settings.Format);
            }
            catch (Exception e)
            {
                channel.Writer.TryComplete(e);
                throw;
            }
        }, run.Cancellation);
        try
        {
            await foreach (var report in channel.Reader.ReadAllAsync(run.Cancellation))
            {
                var window = accounting.Account(report);
                published.Add(window);
                await PublishWindowAsync(run, scenario, window, published, pacer);
            }
            publishedAll.SetResult();
        }
        catch (Exception e)
        {
            // The solver must not wait for a reader that is gone: it stops, and its folder is not completed.
            channel.Writer.TryComplete(e);
            publishedAll.TrySetException(e);
            await solving.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        await solving;

        IEnumerable<WindowReport> HandedOver()
        {
            foreach (var window in windows)
            {
                facts.Lp.Add(window.Lp);
                channel.Writer.WriteAsync(window.Report, run.Cancellation).AsTask().GetAwaiter().GetResult();
                yield return window.Report;
            }
            channel.Writer.Complete();
            publishedAll.Task.Wait(run.Cancellation);
        }
    }

    private async Task PublishWindowAsync(LiveRun run, ResolvedScenario scenario, AccountedWindow window, SummaryAccumulator summary, Pacer pacer)
    {
        var steps = LiveSnapshots.Of(scenario, window);
        var pace = run.Settings.PaceStepsPerSecond;
        var batch = pace is { } p ? Math.Max(1, (int)Math.Round(p * PacedBatchInterval.TotalSeconds)) : steps.Length;
        for (var i = 0; i < steps.Length; i += batch)
        {
            var part = steps[i..Math.Min(steps.Length, i + batch)];
            await run.WaitWhilePausedAsync();
            run.Cancellation.ThrowIfCancellationRequested();
            await pacer.WaitForAsync(part.Length);
            // The run's cost and work moved are the summary's, which counts whole windows: they move with a window's last steps.
            run.Released(part, window, pacer.RunningSeconds, i + batch >= steps.Length ? summary : null);
            Publish(run, "window", new WindowEvent(run.Id, part[0].Step, part, part[^1].Step + 1, run.TotalSteps));
        }
    }

    private void Publish<T>(LiveRun run, string type, T payload) => run.Feed.Append(type, json.Serialize(payload));

    private void End(LiveRun run, JsonNode? summary)
    {
        var view = run.View();
        run.Feed.End("end", json.Serialize(new { run = run.Id, status = view.Status, error = view.Error, steps_done = view.StepsDone, summary }));
    }

    /// <summary>summary.json of a completed run, as the API returns it.</summary>
    public static JsonNode? ReadSummary(LiveRun run)
    {
        var path = Path.Combine(run.ResultsDirectory, ResultFiles.Summary);
        return File.Exists(path) ? JsonNode.Parse(File.ReadAllText(path)) : null;
    }

    /// <summary>Spaces releases to the pace, counting only time the run was not paused; never bursts to catch up.</summary>
    private sealed class Pacer(LiveRun run, TimeProvider time)
    {
        private readonly long started = time.GetTimestamp();
        private TimeSpan due;

        public double RunningSeconds => time.GetElapsedTime(started).TotalSeconds;

        public async Task WaitForAsync(int steps)
        {
            if (run.Settings.PaceStepsPerSecond is not { } pace)
            {
                return;
            }
            var now = time.GetElapsedTime(started);
            due = (due > now ? due : now) + TimeSpan.FromSeconds(steps / pace);
            var wait = due - now;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, time, run.Cancellation);
            }
        }
    }
}

/// <summary>Whether the cluster keeps runs (PostgreSQL: `runs list`, `resume`) or holds them in memory, to be cleared when done.</summary>
public sealed record ClusterStorage(bool Persistent);

/// <summary>One batch of cleared steps, as sent to live clients.</summary>
public sealed record WindowEvent(string Run, int FirstStep, IReadOnlyList<StepSnapshot> Steps, int StepsDone, int TotalSteps);
