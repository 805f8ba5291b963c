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
/// its curtailment cost. Its shiftable part negotiates separately, as schedules (see <see cref="Proposal"/>), and
/// comes along as <see cref="Shift"/> for the region's own market.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.LoadBid")]
public sealed record LoadBid(
    int Asset, int Region,
    [property: Id(0)] double[] FixedMw,
    [property: Id(1)] double[] CurtailableMw,
    [property: Id(2)] double CurtailmentPricePerMwh,
    [property: Id(3)] ShiftBid? Shift = null) : AssetBid(Asset, Region);

/// <summary>
/// A load's shiftable part over a window, for a market that holds it exactly (its region's own market, under regional
/// clearing): the shiftable demand due per step (MW), how many steps it may wait, the horizon's last step (nothing
/// waits past it) and the energy it carries in with its deadlines. The central market does not take it: there the
/// shiftable part proposes schedules.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ShiftBid")]
public sealed record ShiftBid(
    [property: Id(0)] double[] ShiftableMw,
    [property: Id(1)] int WindowSteps,
    [property: Id(2)] int LastStep,
    [property: Id(3)] DeferredEnergy[] Backlog);

/// <summary>Demand that is taken whatever the price (data-center interactive load).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.FixedDemandBid")]
public sealed record FixedDemandBid(
    int Asset, int Region,
    [property: Id(0)] double[] DemandMw) : AssetBid(Asset, Region);

/// <summary>
/// A store's limits over a window, for a market that holds it exactly (its region's own market, under regional
/// clearing): power, energy, efficiencies, the energy it holds now, its wear per MWh discharged and its cyclic
/// floor per step (MWh). The central market does not take it: there the store proposes schedules.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.StorageBid")]
public sealed record StorageBid(
    int Asset, int Region,
    [property: Id(0)] double PowerMw,
    [property: Id(1)] double EnergyMwh,
    [property: Id(2)] double ChargeEfficiency,
    [property: Id(3)] double DischargeEfficiency,
    [property: Id(4)] double EnergyNowMwh,
    [property: Id(5)] double WearPerMwh,
    [property: Id(6)] double[] FloorMwh) : AssetBid(Asset, Region);
