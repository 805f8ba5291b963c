using GridActors.Model.Market;

namespace GridActors.Abstractions;

/// <summary>A region's share of a cleared window: its prices and flows, and its assets' schedules in asset order.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionSettlement")]
public sealed record RegionSettlement(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] RegionStep[] RegionSteps,
    [property: Id(2)] AssetStep[][] AssetSteps);
