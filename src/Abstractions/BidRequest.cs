namespace GridActors.Abstractions;

/// <summary>A request for bids over a window and its look-ahead.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.BidRequest")]
public sealed record BidRequest(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Steps);
