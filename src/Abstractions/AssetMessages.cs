using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Abstractions;

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
