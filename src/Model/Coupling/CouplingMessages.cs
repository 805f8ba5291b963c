namespace GridActors.Model.Coupling;

/// <summary>A block of a region's bid curve in one step: up to <see cref="Mw"/> more net injection at <see cref="PricePerMwh"/>.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.Move")]
public readonly record struct Move(
    [property: Id(0)] double Mw,
    [property: Id(1)] double PricePerMwh);

/// <summary>
/// What the coordinator sends a region in one round of a window's negotiation: the net injection
/// its assets are to deliver (null in the first round: the region clears on its own), the prices
/// its assets answer (null in the first round), the price at which energy stored at the end of
/// the plan is valued, and the best round so far, whose clearing the region keeps.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionRound")]
public sealed record RegionRound(
    [property: Id(0)] int Round,
    [property: Id(1)] double[]? InjectionMw,
    [property: Id(2)] double[]? PricePerMwh,
    [property: Id(3)] double TerminalPricePerMwh,
    [property: Id(4)] int BestRound);

/// <summary>
/// A region's answer in one round. <see cref="ClearedCost"/> is the cost of its own clearing at the injection it
/// was given, including any energy it could not balance (a feasible point: part of the window's upper bound), and
/// <see cref="ClearedFlexible"/> its stores' and shiftable loads' part of that clearing. <see cref="ResponseFlexible"/>
/// is what those assets answered to the prices, and <see cref="ResponseValue"/> the cost less the value at the prices
/// of what all its assets would do at them, each on its own (the region's term of the window's lower bound); null and
/// 0 when no prices were sent. <see cref="Curve"/> is its bid curve, sent in the first round only.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionReply")]
public sealed record RegionReply(
    [property: Id(0)] int Round,
    [property: Id(1)] double ClearedCost,
    [property: Id(2)] FlexibleColumn ClearedFlexible,
    [property: Id(3)] FlexibleColumn? ResponseFlexible,
    [property: Id(4)] double ResponseValue,
    [property: Id(5)] RegionCurve? Curve);

/// <summary>
/// A region's bid curve for a window, absolute and per step: what its plants, renewables and loads inject at the
/// least (<see cref="BaseMw"/>: floors, less every load's fixed and curtailable demand, at <see cref="BaseCost"/>
/// over the window) and the blocks above it in merit order (<see cref="Blocks"/>, ascending price). Ramps are left
/// out. It does not change within a window: the coordinator is given it once.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionCurve")]
public sealed record RegionCurve(
    [property: Id(0)] double[] BaseMw,
    [property: Id(1)] double BaseCost,
    [property: Id(2)] Move[][] Blocks,
    [property: Id(3)] ThermalGroup[] Plants)
{
    /// <summary>
    /// The curve from step <paramref name="k"/> of the window on, for prices only: <see cref="BaseCost"/>, which no price
    /// depends on, is left at 0, and the groups' output before that step is not known.
    /// </summary>
    public RegionCurve From(int k) => k == 0 ? this : new(BaseMw[k..], 0, Blocks[k..],
        [.. Plants.Select(g => g with { FloorMw = g.FloorMw[k..], RoomMw = g.RoomMw[k..], PricePerMwh = g.PricePerMwh[k..], PreviousOutputMw = null })]);
}

/// <summary>
/// Plants of a region taken together in the coordinator's curve, with their ramps: per step their summed floor
/// (part of the curve's base) and room above it, at their output-weighted price, and their summed ramp per step.
/// <see cref="Plant"/>, the lowest asset index among them, names the group from one window to the next.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ThermalGroup")]
public sealed record ThermalGroup(
    [property: Id(0)] double[] FloorMw,
    [property: Id(1)] double[] RoomMw,
    [property: Id(2)] double[] PricePerMwh,
    [property: Id(3)] double RampMwPerStep,
    [property: Id(4)] double? PreviousOutputMw,
    [property: Id(5)] int Plant);

/// <summary>
/// What a region's stores and shiftable loads do together in one schedule: net injection per step (MW), their own
/// cost (currency, wear; the energy left at the end not valued) and the energy left at the end as it can be
/// delivered (MWh after discharge losses), which the coordinator values at the window's terminal price.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.FlexibleColumn")]
public sealed record FlexibleColumn(
    [property: Id(0)] double[] InjectionMw,
    [property: Id(1)] double Cost,
    [property: Id(2)] double HeldMwh);
