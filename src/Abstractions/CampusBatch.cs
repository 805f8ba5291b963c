namespace GridActors.Abstractions;

/// <summary>Batch IT power a placement ran on one campus asset over the committed steps (MW per step).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CampusBatch")]
public sealed record CampusBatch(
    [property: Id(0)] int Asset,
    [property: Id(1)] double[] ItMw);
