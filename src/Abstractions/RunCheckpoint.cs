using GridActors.Model.Market;

namespace GridActors.Abstractions;

/// <summary>
/// Where a run stands at a window boundary, stored after every committed window: the next step, the
/// prices the last window found for its look-ahead, and the state every asset and broker carries on.
/// Together with the stored window reports it is everything needed to go on as if nothing had happened.
/// </summary>
[GenerateSerializer, Alias("GridActors.RunCheckpoint")]
public sealed class RunCheckpoint
{
    [Id(0)] public int NextStep { get; set; }
    [Id(1)] public int Windows { get; set; }
    [Id(2)] public double[][]? LookaheadPrices { get; set; }
    [Id(3)] public AssetCheckpoint[] Assets { get; set; } = [];
    [Id(4)] public DeferredEnergy[][] Workloads { get; set; } = [];
    [Id(5)] public DeferredEnergy[][] GreedyBacklog { get; set; } = [];

    /// <summary>The plant groups whose ramp rows had a price at the end of the last window's regional clearing (<c>CoupledWindow.BindingRamps</c>), which the next window starts with.</summary>
    [Id(6)] public int[]? BindingRamps { get; set; }
}
