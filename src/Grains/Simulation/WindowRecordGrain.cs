using GridActors.Abstractions;
using GridActors.Model.Windows;
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
