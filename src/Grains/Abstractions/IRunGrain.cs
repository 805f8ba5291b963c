using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Abstractions;

/// <summary>The orchestrator of one run, keyed by run id: advances time window by window.</summary>
[Alias("GridActors.IRunGrain")]
public interface IRunGrain : IGrainWithStringKey
{
    /// <summary>Activates the region and asset grains and hands each its spec.</summary>
    [Alias("Start")]
    Task StartAsync(ResolvedScenario scenario, RunOptions options);

    /// <summary>Negotiates and clears the next window; null when the horizon is done.</summary>
    [Alias("Advance")]
    Task<WindowReport?> AdvanceAsync();

    /// <summary>The run is over (completed, cancelled or failed): every grain of the run deactivates once idle.</summary>
    [Alias("Release")]
    Task ReleaseAsync();
}
