using GridActors.Abstractions;
using GridActors.Model.Results;
using Microsoft.Extensions.Logging;

namespace GridActors.Grains.Simulation;

/// <summary>A committed window's report in grain storage, one row per window so a checkpoint never rewrites the past.</summary>
public sealed class WindowRecordGrain([PersistentState("window")] IPersistentState<WindowRecord> record, ILogger<WindowRecordGrain> logger) : Grain, IWindowRecordGrain
{
    public async Task SaveAsync(WindowReport report)
    {
        record.State.Report = report;
        await Durably.WriteAsync(record.WriteStateAsync, $"window {this.GetPrimaryKeyString()}", logger);
    }

    public Task<WindowReport?> LoadAsync() => Task.FromResult(record.State.Report);

    public async Task ForgetAsync()
    {
        if (record.RecordExists)
        {
            await record.ClearStateAsync();
        }
        this.DeactivateOnIdle();
    }
}

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

/// <summary>The run ids in storage, oldest first.</summary>
[GenerateSerializer, Alias("GridActors.RunCatalog")]
public sealed class RunCatalog
{
    [Id(0)] public List<string> RunIds { get; set; } = [];
}
