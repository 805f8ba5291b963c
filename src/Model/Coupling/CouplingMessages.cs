namespace GridActors.Model.Coupling;

/// <summary>A schedule of a region's own assets taken together: net injection per step (MW, supply minus demand) and what it costs them (currency).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionColumn")]
public sealed record RegionColumn(
    [property: Id(0)] double[] InjectionMw,
    [property: Id(1)] double Cost);

/// <summary>A block of a region's offer in one step: up to <see cref="Mw"/> more (or less) net injection at <see cref="PricePerMwh"/>.</summary>
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
/// A region's answer in one round. <see cref="Cleared"/> is its own clearing at the injection it
/// was given, with its cost <see cref="ClearedCost"/> including any energy it could not balance
/// (a feasible point: part of the window's upper bound), and <see cref="Up"/> / <see cref="Down"/>
/// its offer around it per step, from the margin out (its bid curve, ramps left out). <see cref="Response"/> is what its assets would do at the prices, each on its
/// own, and <see cref="ResponseValue"/> that schedule's cost minus its value at the prices (the
/// region's part of the window's lower bound); both are null and 0 when no prices were sent.
/// <see cref="Complete"/> says whether every flexible asset of the region had proposed when it cleared.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionReply")]
public sealed record RegionReply(
    [property: Id(0)] int Round,
    [property: Id(1)] RegionColumn Cleared,
    [property: Id(2)] double ClearedCost,
    [property: Id(3)] Move[][] Up,
    [property: Id(4)] Move[][] Down,
    [property: Id(5)] RegionColumn? Response,
    [property: Id(6)] double ResponseValue,
    [property: Id(7)] double[] LocalPricePerMwh,
    [property: Id(8)] bool Complete);
