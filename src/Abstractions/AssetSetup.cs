using GridActors.Model.Scenario;

namespace GridActors.Abstractions;

/// <summary>What an asset grain is told once: its spec, the scenario facts it needs, and for a campus the batch IT placed on it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.AssetSetup")]
public sealed record AssetSetup(
    [property: Id(0)] AssetSpec Spec,
    [property: Id(1)] EconomicsSpec Economics,
    [property: Id(2)] double StepHours,
    [property: Id(3)] int Steps,
    [property: Id(4)] double[]? BatchItMw = null,
    [property: Id(5)] AssetCheckpoint? Restore = null);
