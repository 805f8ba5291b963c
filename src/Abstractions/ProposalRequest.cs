namespace GridActors.Abstractions;

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
