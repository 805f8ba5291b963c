using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Abstractions;

/// <summary>What a run is: its scenario and options, stored once when it starts.</summary>
[GenerateSerializer, Alias("GridActors.RunDefinition")]
public sealed class RunDefinition
{
    [Id(0)] public ResolvedScenario? Scenario { get; set; }
    [Id(1)] public RunOptions? Options { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}

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

    /// <summary>
    /// Per region, the basis its market's first clearing ended with in the last window (regional clearing), which the
    /// next window's first clearing starts from: kept here, so that a run resumed on other silos starts it alike and
    /// gives the same bytes.
    /// </summary>
    [Id(7)] public PackedBasis?[]? RegionMarketStarts { get; set; }
}

/// <summary>One committed window's report, stored so a driver that lost it (or a resumed run) can have it again.</summary>
[GenerateSerializer, Alias("GridActors.WindowRecord")]
public sealed class WindowRecord
{
    [Id(0)] public WindowReport? Report { get; set; }
}

/// <summary>A stored run as `runs list` shows it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.StoredRun")]
public sealed record StoredRun(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Scenario,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] int StepsDone,
    [property: Id(4)] int Steps,
    [property: Id(5)] int Windows);
