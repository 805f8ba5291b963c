namespace GridActors.Abstractions;

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
