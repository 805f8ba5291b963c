using GridActors.Model.Scenario;

namespace GridActors.Abstractions;

/// <summary>A region grain's setup: which assets it concentrates (and the batch IT of its campuses, aligned with them).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionSetup")]
public sealed record RegionSetup(
    [property: Id(0)] string RunId,
    [property: Id(1)] RegionSpec Region,
    [property: Id(2)] AssetSpec[] Assets,
    [property: Id(3)] string[] Carriers,
    [property: Id(4)] double StepHours,
    [property: Id(5)] int Steps,
    [property: Id(6)] EconomicsSpec Economics,
    [property: Id(7)] double[]?[]? BatchItMw = null,
    [property: Id(8)] AssetCheckpoint[]? Restore = null);
