using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.PlacementPolicies;
using GridActors.Model.Scenario;

namespace GridActors.Abstractions;

/// <summary>
/// How a run advances: the steps each window commits, the look-ahead steps it plans beyond them
/// (so storage and deferred demand see past the window's end), the negotiation's limits, and the
/// solver of the window market (CLP by default: it re-solves the growing master problem about
/// twice as fast as GLOP here, with correct duals), and where the market is cleared.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RunOptions")]
public sealed record RunOptions(
    [property: Id(0)] int WindowSteps,
    [property: Id(1)] int LookaheadSteps,
    [property: Id(2)] NegotiationOptions Negotiation,
    [property: Id(3)] LpSolverKind MarketSolver,
    [property: Id(4)] Placement Placement = Placement.Negotiated,
    [property: Id(5)] Clearing Clearing = Clearing.Auto)
{
    public static RunOptions Default { get; } = new(24, 24, new NegotiationOptions(), LpSolverKind.Highs);
}

/// <summary>What an asset grain is told once: its spec, the scenario facts it needs, and for a campus the batch IT placed on it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.AssetSetup")]
public sealed record AssetSetup(
    [property: Id(0)] AssetSpec Spec,
    [property: Id(1)] EconomicsSpec Economics,
    [property: Id(2)] double StepHours,
    [property: Id(3)] int Steps,
    [property: Id(4)] double[]? BatchItMw = null,
    [property: Id(5)] AssetCheckpoint? Restore = null);

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

/// <summary>A request for bids over a window and its look-ahead.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.BidRequest")]
public sealed record BidRequest(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Steps);

/// <summary>
/// The market's prices for a region over a window and its look-ahead, and the price at which
/// energy a store still holds at the end of the plan is valued: flexible assets answer with a schedule.
/// <see cref="Request"/> is 0 for the first signal of a window.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ProposalRequest")]
public sealed record ProposalRequest(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] double[] PricePerMwh,
    [property: Id(2)] double TerminalPricePerMwh,
    [property: Id(3)] int Request);

/// <summary>What the market accepted for one asset over the committed steps of a window.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.AssetSettlement")]
public sealed record AssetSettlement(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] AssetStep[] Steps);

/// <summary>A region's report rows for a settled window, and its assets' states after it, in asset order (with their schedules when the region cleared them itself).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionSettled")]
public sealed record RegionSettled(
    [property: Id(0)] GridActors.Model.Results.RegionRow[] Rows,
    [property: Id(1)] AssetCheckpoint[] States,
    [property: Id(2)] AssetStep[][]? AssetSteps = null,
    [property: Id(3)] GridActors.Model.LinearProgramming.LpWork? Lp = null);

/// <summary>A region's share of a cleared window: its prices and flows, and its assets' schedules in asset order.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionSettlement")]
public sealed record RegionSettlement(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] RegionStep[] RegionSteps,
    [property: Id(2)] AssetStep[][] AssetSteps);

/// <summary>
/// A window opens in a region that clears its own assets: it collects their bids over the window and its look-ahead
/// and sets up its market (<see cref="Clearing.Regional"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionWindowOpening")]
public sealed record RegionWindowOpening(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Steps,
    [property: Id(2)] int CommitSteps,
    [property: Id(3)] LpSolverKind Solver);

/// <summary>Batch IT power a placement ran on one campus asset over the committed steps (MW per step).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CampusBatch")]
public sealed record CampusBatch(
    [property: Id(0)] int Asset,
    [property: Id(1)] double[] ItMw);

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
