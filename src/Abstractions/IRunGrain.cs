using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Abstractions;

/// <summary>
/// The orchestrator of one run, keyed by run id: advances time window by window and checkpoints each
/// committed window, so the run survives the loss of a silo and can be resumed after a full stop.
/// </summary>
[Alias("GridActors.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Stores the run's definition, activates the region and asset grains and hands each its spec.</summary>
    [Alias("Start")]
    Task StartAsync(ResolvedScenario scenario, RunOptions options);

    /// <summary>
    /// The report of the window that starts at <paramref name="firstStep"/>: stored if that window was already
    /// committed, else negotiated, cleared and checkpointed now. Null past the end of the horizon. After a
    /// failure the run rolls back to its last checkpoint first, so calling again with the same step is safe.
    /// </summary>
    [Alias("Advance")]
    Task<WindowReport?> AdvanceAsync(int firstStep);

    /// <summary>
    /// Drops the stored report of the committed window that starts at <paramref name="firstStep"/>, unless it is
    /// the last one committed (a driver whose reply was lost asks for that one again). For runs nothing can
    /// resume, so that storage does not grow with the horizon.
    /// </summary>
    [Alias("ForgetWindow")]
    Task ForgetWindowAsync(int firstStep);

    /// <summary>The stored run: scenario and options, or null when no run has this id.</summary>
    [Alias("Definition")]
    Task<RunDefinition?> DefinitionAsync();

    /// <summary>How far the stored run has come.</summary>
    [Alias("Status")]
    Task<StoredRun?> StatusAsync();

    /// <summary>The silo the run grain lives on now (its runtime identity), for operators and failure tests.</summary>
    [Alias("Host")]
    Task<string> HostAsync();

    /// <summary>
    /// The run is over (completed, cancelled or failed): every grain of the run deactivates once idle. With
    /// <paramref name="forget"/> its stored definition, checkpoint and window reports are cleared too (a
    /// long-lived silo on in-memory storage would otherwise keep every run it ever hosted).
    /// </summary>
    [Alias("Release")]
    Task ReleaseAsync(bool forget = false);
}

/// <summary>One committed window's report, keyed "runId/window/N".</summary>
[Alias("GridActors.IWindowRecordGrain")]
public interface IWindowRecordGrain : IGrainWithStringKey
{
    [Alias("Save")]
    Task SaveAsync(WindowReport report);

    [Alias("Load")]
    Task<WindowReport?> LoadAsync();

    /// <summary>Clears the stored report and deactivates.</summary>
    [Alias("Forget")]
    Task ForgetAsync();
}

/// <summary>The ids of the runs stored in this cluster's storage, keyed "runs".</summary>
[Alias("GridActors.IRunCatalogGrain")]
public interface IRunCatalogGrain : IGrainWithStringKey
{
    [Alias("Add")]
    Task AddAsync(string runId);

    [Alias("List")]
    Task<string[]> ListAsync();
}
