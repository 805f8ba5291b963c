using GridActors.Model.Accounting;
using GridActors.Model.Options;

namespace GridActors.Client;

/// <summary>What a caller of <see cref="RunDriver"/> adds to a run: its id, the silo count for run.json, and a step after each window.</summary>
/// <param name="RunId">The run grain's key; a fresh one when null.</param>
/// <param name="Silos">How many silos the run spans, for run.json.</param>
/// <param name="AfterWindowAsync">Awaited after each window is written and summed; the live API paces, pauses and publishes here.</param>
/// <param name="Resume">The run is stored already (<c>resume</c>): its committed windows are read back, then it goes on.</param>
/// <param name="OnRecovering">Told when a call failed for a reason that passes (a lost silo) and the driver tries again.</param>
/// <param name="ForgetWhenDone">Clear the run's stored state at the end: for in-memory storage on a long-lived silo.</param>
/// <param name="KeepPastWindows">
/// Keep every committed window's report in storage, for <c>resume</c>. False where nothing can resume the run
/// (in-memory storage): each window is dropped once the driver has the next, so memory does not grow with the horizon.
/// </param>
/// <param name="Format">Which files the result folder gets: CSV, Parquet or both.</param>
public sealed record RunHooks(
    string? RunId,
    int Silos,
    Func<AccountedWindow, SummaryAccumulator, CancellationToken, Task>? AfterWindowAsync = null,
    bool Resume = false,
    Action<Exception>? OnRecovering = null,
    bool ForgetWhenDone = false,
    bool KeepPastWindows = true,
    ResultFormat Format = ResultFormat.Csv);
