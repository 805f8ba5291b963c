using System.Collections.Concurrent;
using GridActors.Api.Hosting;
using GridActors.Model.Scenario;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Runs;

/// <summary>The runs this API hosts, and the limit on how many may be active at once.</summary>
public sealed class RunRegistry(RunExecutor executor, IOptions<ApiOptions> options, TimeProvider time) : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, LiveRun> runs = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Task> executions = new(StringComparer.Ordinal);
    private readonly Lock startGate = new();

    /// <summary>Every run, oldest first.</summary>
    public IReadOnlyList<LiveRun> All => [.. runs.Values.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id, StringComparer.Ordinal)];

    public LiveRun? Find(string id) => runs.GetValueOrDefault(id);

    public int ActiveCount => runs.Values.Count(r => r.IsActive);

    /// <summary>Active runs not being cancelled: one that was told to stop no longer holds a place (it did for about 100 ms).</summary>
    private int HoldingPlaces => runs.Values.Count(r => r.IsActive && !r.Cancellation.IsCancellationRequested);

    /// <summary>Starts a run in the background; null when <see cref="ApiOptions.MaxConcurrentRuns"/> are already active.</summary>
    public LiveRun? TryStart(ResolvedScenario scenario, RunSettings settings)
    {
        LiveRun run;
        lock (startGate)
        {
            if (HoldingPlaces >= options.Value.MaxConcurrentRuns)
            {
                return null;
            }
            var id = Guid.NewGuid().ToString("N")[..12];
            run = new LiveRun(id, scenario.Name, scenario.Economics.Currency, scenario.Steps, scenario.StepHours,
                [.. scenario.Regions.Select(r => r.Id)], scenario.Carriers(), settings,
                Path.GetFullPath(Path.Combine(options.Value.ResultsDirectory, id)), time.GetUtcNow(), options.Value.MaxEventBytesPerRun);
            runs[id] = run;
            ForgetOldRuns();
        }
        executions[run.Id] = Task.Run(() => executor.ExecuteAsync(run, scenario));
        return run;
    }

    private void ForgetOldRuns()
    {
        var surplus = runs.Count - Math.Max(1, options.Value.MaxRetainedRuns);
        foreach (var old in runs.Values.Where(r => !r.IsActive).OrderBy(r => r.CreatedAt).Take(Math.Max(0, surplus)).ToList())
        {
            runs.TryRemove(old.Id, out _);
            executions.TryRemove(old.Id, out _);
            old.Dispose();
        }
    }

    /// <summary>On shutdown every active run is cancelled, so none leaves a half-written result folder.</summary>
    public async ValueTask DisposeAsync()
    {
        foreach (var run in runs.Values)
        {
            run.Cancel();
        }
        await Task.WhenAll(executions.Values).WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        foreach (var run in runs.Values)
        {
            run.Dispose();
        }
    }
}
