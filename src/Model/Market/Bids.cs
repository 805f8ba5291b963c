namespace GridActors.Model.Market;

/// <summary>
/// One asset's bid for a whole window: a price-quantity offer for every step plus the technical
/// limits that tie the steps together (ramps). Arrays are indexed by the step within the window
/// (including its look-ahead). Sent once per window.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.AssetBid")]
public abstract record AssetBid(
    [property: Id(0)] int Asset,
    [property: Id(1)] int Region);

/// <summary>Dispatchable plant: must-run floor and ceiling per step, offered at a price, within a ramp.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.ThermalBid")]
public sealed record ThermalBid(
    int Asset, int Region,
    [property: Id(0)] double[] FloorMw,
    [property: Id(1)] double[] CeilingMw,
    [property: Id(2)] double[] PricePerMwh,
    [property: Id(3)] double RampMwPerStep,
    [property: Id(4)] double? PreviousOutputMw) : AssetBid(Asset, Region);

/// <summary>Variable renewable: its availability, offered at its marginal cost.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RenewableBid")]
public sealed record RenewableBid(
    int Asset, int Region,
    [property: Id(0)] double[] AvailableMw,
    [property: Id(1)] double PricePerMwh) : AssetBid(Asset, Region);

/// <summary>Energy deferred from an earlier step that must be served by <see cref="DeadlineStep"/> (a horizon step).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.DeferredEnergy")]
public sealed record DeferredEnergy(
    [property: Id(0)] int DeadlineStep,
    [property: Id(1)] double PowerMw);

/// <summary>
/// A load's market part: an inflexible part and a curtailable part that it stops consuming above
/// its curtailment cost. Its shiftable part negotiates separately, as schedules (see <see cref="Proposal"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.LoadBid")]
public sealed record LoadBid(
    int Asset, int Region,
    [property: Id(0)] double[] FixedMw,
    [property: Id(1)] double[] CurtailableMw,
    [property: Id(2)] double CurtailmentPricePerMwh) : AssetBid(Asset, Region);

/// <summary>Demand that is taken whatever the price (data-center interactive load).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.FixedDemandBid")]
public sealed record FixedDemandBid(
    int Asset, int Region,
    [property: Id(0)] double[] DemandMw) : AssetBid(Asset, Region);
