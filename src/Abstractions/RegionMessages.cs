using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Options;
using GridActors.Model.Scenario;

namespace GridActors.Abstractions;

/// <summary>A region grain's setup: which assets it concentrates (and the batch IT of its campuses, aligned with them).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionSetup")]
public sealed record RegionSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] RegionSpec Region,
    [property: Id(2)] AssetSpec[] Assets,
    [property: Id(3)] string[] Carriers,
    [property: Id(4)] double StepHours,
    [property: Id(5)] int Steps,
    [property: Id(6)] EconomicsSpec Economics,
    [property: Id(7)] double[]?[]? BatchItMw = null,
    [property: Id(8)] AssetCheckpoint[]? Restore = null);

/// <summary>
/// A window opens in a region that clears its own assets: it collects their bids over the window and its look-ahead
/// and sets up its market (<see cref="Clearing.Regional"/>), whose first clearing starts from <c>MarketStart</c>, the
/// basis the region's previous window sent back (<see cref="RegionSettled.MarketStart"/>, kept in the run's checkpoint).
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionWindowOpening")]
public sealed record RegionWindowOpening(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Steps,
    [property: Id(2)] int CommitSteps,
    [property: Id(3)] LpSolverKind Solver,
    [property: Id(4)] PackedBasis? MarketStart = null);

/// <summary>
/// A region's report rows for a settled window, and its assets' states after it, in asset order (with their schedules
/// when the region cleared them itself, and the basis its market's first clearing ended with, to start the next window's).
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionSettled")]
public sealed record RegionSettled(
    [property: Id(0)] GridActors.Model.Windows.RegionRow[] Rows,
    [property: Id(1)] AssetCheckpoint[] States,
    [property: Id(2)] AssetStep[][]? AssetSteps = null,
    [property: Id(3)] GridActors.Model.LinearProgramming.LpWork? Lp = null,
    [property: Id(4)] PackedBasis? MarketStart = null);

/// <summary>A region's share of a cleared window: its prices and flows, and its assets' schedules in asset order.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionSettlement")]
public sealed record RegionSettlement(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] RegionStep[] RegionSteps,
    [property: Id(2)] AssetStep[][] AssetSteps);

/// <summary>
/// The end of a window for a region that cleared its own assets: the round whose clearing is committed, and what the
/// coordinator decided around the region over the committed steps (prices, imports after losses, exports, the batch
/// IT its campuses run).
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionClearingSettlement")]
public sealed record RegionClearingSettlement(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Round,
    [property: Id(2)] double[] PricePerMwh,
    [property: Id(3)] double[] ImportMw,
    [property: Id(4)] double[] ExportMw,
    [property: Id(5)] CampusBatch[] Batch);

/// <summary>Batch IT power a placement ran on one campus asset over the committed steps (MW per step).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CampusBatch")]
public sealed record CampusBatch(
    [property: Id(0)] int Asset,
    [property: Id(1)] double[] ItMw);
