using GridActors.Model.Accounting;
using GridActors.Model.Output;

namespace GridActors.Api.Runs;

/// <summary>Where a run is in its life.</summary>
public enum RunStatus
{
    Starting,
    Running,
    Paused,
    Completed,
    Cancelled,
    Failed,
}

/// <summary>
/// One run hosted by this API: its settings, status, progress, latest region snapshots, running totals
/// and event feed. The executor writes; requests and the metrics read copies taken under a lock.
/// </summary>
public sealed class LiveRun(string id, string scenarioName, string currency, int totalSteps, double stepHours, IReadOnlyList<string> regionIds, IReadOnlyList<string> carriers, RunSettings settings, string resultsDirectory, DateTimeOffset createdAt, long maxEventBytes = RunFeed.DefaultMaxBytes) : IDisposable
{
    private readonly Lock gate = new();
    private readonly CancellationTokenSource cancellation = new();
    private TaskCompletionSource? pauseGate;
    private RunStatus status = RunStatus.Starting;
    private int stepsDone;
    private DateTimeOffset? startedAt;
    private DateTimeOffset? finishedAt;
    private string? error;
    private double wallSecondsRunning;
    private StepSnapshot? latest;
    private readonly RegionTotals[] regionTotals = [.. regionIds.Select(_ => new RegionTotals(carriers.Count))];
    private double cost;
    private double workMovedMwh;

    public string Id { get; } = id;
    public string ScenarioName { get; } = scenarioName;

    /// <summary>The scenario's currency: prices and costs of this run are in it.</summary>
    public string Currency { get; } = currency;
    public int TotalSteps { get; } = totalSteps;
    public double StepHours { get; } = stepHours;
    public RunSettings Settings { get; } = settings;
    public string ResultsDirectory { get; } = resultsDirectory;
    public DateTimeOffset CreatedAt { get; } = createdAt;
    public RunFeed Feed { get; } = new(maxEventBytes);
    public CancellationToken Cancellation => cancellation.Token;

    public bool IsActive => Status is RunStatus.Starting or RunStatus.Running or RunStatus.Paused;

    public RunStatus Status
    {
        get
        {
            lock (gate)
            {
                return status;
            }
        }
    }

    /// <summary>A consistent copy of the changing parts.</summary>
    public RunView View()
    {
        lock (gate)
        {
            return new RunView(status, stepsDone, startedAt, finishedAt, error, wallSecondsRunning, latest,
                new RunSoFar(regionIds, carriers, [.. regionTotals.Select(r => r.Copy())], cost, workMovedMwh));
        }
    }

    public void MarkRunning(DateTimeOffset now)
    {
        lock (gate)
        {
            startedAt ??= now;
            if (status == RunStatus.Starting)
            {
                status = pauseGate is null ? RunStatus.Running : RunStatus.Paused;
            }
        }
    }

    /// <summary>
    /// Records released steps of <paramref name="window"/>: the latest snapshot, the regions' totals and the progress;
    /// with the window's last steps, the run's cost and compute work moved up to its end (<paramref name="summary"/>).
    /// </summary>
    public void Released(IReadOnlyList<StepSnapshot> steps, AccountedWindow window, double wallSeconds, SummaryAccumulator? summary = null)
    {
        lock (gate)
        {
            foreach (var step in steps)
            {
                for (var r = 0; r < regionTotals.Length; r++)
                {
                    regionTotals[r].Add(window.Region(r, step.Step - window.FirstStep), StepHours);
                }
            }
            if (summary is not null)
            {
                cost = summary.TotalCost;
                workMovedMwh = summary.Workloads.Sum(w => w.MovedMwh);
            }
            latest = steps[^1];
            stepsDone = steps[^1].Step + 1;
            wallSecondsRunning = wallSeconds;
        }
    }

    public void Finish(RunStatus final, DateTimeOffset now, string? failure = null)
    {
        lock (gate)
        {
            status = final;
            finishedAt = now;
            error = failure;
            pauseGate?.TrySetResult();
            pauseGate = null;
        }
    }

    /// <summary>Holds the run at its next step boundary; false when it has already ended.</summary>
    public bool Pause()
    {
        lock (gate)
        {
            if (!IsActiveLocked())
            {
                return false;
            }
            pauseGate ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            if (status == RunStatus.Running)
            {
                status = RunStatus.Paused;
            }
            return true;
        }
    }

    public bool Resume()
    {
        TaskCompletionSource? released;
        lock (gate)
        {
            if (!IsActiveLocked())
            {
                return false;
            }
            released = pauseGate;
            pauseGate = null;
            if (status == RunStatus.Paused)
            {
                status = RunStatus.Running;
            }
        }
        released?.TrySetResult();
        return true;
    }

    public bool Cancel()
    {
        lock (gate)
        {
            if (!IsActiveLocked())
            {
                return false;
            }
        }
        cancellation.Cancel();
        return true;
    }

    /// <summary>Waits while the run is paused; throws when it is cancelled.</summary>
    public Task WaitWhilePausedAsync()
    {
        Task? wait;
        lock (gate)
        {
            wait = pauseGate?.Task;
        }
        return wait is null ? Task.CompletedTask : wait.WaitAsync(cancellation.Token);
    }

    public void Dispose() => cancellation.Dispose();

    private bool IsActiveLocked() => status is RunStatus.Starting or RunStatus.Running or RunStatus.Paused;
}

/// <summary>The changing parts of a run at one moment.</summary>
public sealed record RunView(
    RunStatus Status, int StepsDone, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Error, double WallSecondsRunning, StepSnapshot? Latest, RunSoFar Totals)
{
    /// <summary>Simulated steps per wall second so far.</summary>
    public double StepsPerSecond => WallSecondsRunning > 0 ? StepsDone / WallSecondsRunning : 0;
}
