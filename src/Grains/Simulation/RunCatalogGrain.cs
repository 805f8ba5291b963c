using GridActors.Abstractions;
using Microsoft.Extensions.Logging;

namespace GridActors.Grains.Simulation;

/// <summary>The list of run ids in storage, for `runs list`.</summary>
public sealed class RunCatalogGrain([PersistentState("catalog")] IPersistentState<RunCatalog> catalog, ILogger<RunCatalogGrain> logger) : Grain, IRunCatalogGrain
{
    public async Task AddAsync(string runId)
    {
        if (!catalog.State.RunIds.Contains(runId))
        {
            catalog.State.RunIds.Add(runId);
            await Durably.WriteAsync(catalog.WriteStateAsync, "the run catalog", logger);
        }
    }

    public Task<string[]> ListAsync() => Task.FromResult(catalog.State.RunIds.ToArray());
}
