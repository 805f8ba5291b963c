using GridActors.Model.Market;

namespace GridActors.Abstractions;

/// <summary>
/// What an asset carries from one window to the next: a plant's last output (its ramp), a store's energy,
/// a load's deferred energy. Returned at every settlement and kept in the run's checkpoint, so a run can
/// be rolled back to a window boundary and replayed exactly.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.AssetCheckpoint")]
public sealed record AssetCheckpoint(
    [property: Id(0)] double? PreviousOutputMw = null,
    [property: Id(1)] double? EnergyMwh = null,
    [property: Id(2)] DeferredEnergy[]? Backlog = null)
{
    public static AssetCheckpoint None { get; } = new();
}
