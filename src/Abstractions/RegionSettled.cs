using GridActors.Model.Market;

namespace GridActors.Abstractions;

/// <summary>A region's report rows for a settled window, and its assets' states after it, in asset order (with their schedules when the region cleared them itself).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionSettled")]
public sealed record RegionSettled(
    [property: Id(0)] GridActors.Model.Windows.RegionRow[] Rows,
    [property: Id(1)] AssetCheckpoint[] States,
    [property: Id(2)] AssetStep[][]? AssetSteps = null,
    [property: Id(3)] GridActors.Model.LinearProgramming.LpWork? Lp = null);
