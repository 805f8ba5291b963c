using GridActors.Model.Market;

namespace GridActors.Model.Windows;

/// <summary>Everything one cleared window produced: the batch that goes to the result writers and the metrics.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.WindowReport")]
public sealed record WindowReport(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Steps,
    [property: Id(2)] RegionRow[][] Regions,
    [property: Id(3)] AssetStep[][] Assets,
    [property: Id(4)] LinkStep[][] Links,
    [property: Id(5)] NegotiationRecord? Negotiation,
    [property: Id(6)] ComputeOutcome? Compute = null);
