using GridActors.Model.Market;

namespace GridActors.Abstractions;

/// <summary>What the market accepted for one asset over the committed steps of a window.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.AssetSettlement")]
public sealed record AssetSettlement(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] AssetStep[] Steps);
