namespace GridActors.Model.Market;

/// <summary>What one asset did in one step, as cleared. Powers in MW, energy in MWh.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.AssetStep")]
public readonly record struct AssetStep(
    [property: Id(0)] double ProducedMw,
    [property: Id(1)] double ConsumedMw,
    [property: Id(2)] double CurtailedMw,
    [property: Id(3)] double ShedMw,
    [property: Id(4)] double DeferredMw,
    [property: Id(5)] double RecoveredMw,
    [property: Id(6)] double UnservedMw,
    [property: Id(7)] double EnergyMwh)
{
    /// <summary>Two parts of one asset in the same step, added (a load's market part and its shiftable part).</summary>
    public AssetStep Plus(AssetStep other) => new(
        ProducedMw + other.ProducedMw, ConsumedMw + other.ConsumedMw, CurtailedMw + other.CurtailedMw, ShedMw + other.ShedMw,
        DeferredMw + other.DeferredMw, RecoveredMw + other.RecoveredMw, UnservedMw + other.UnservedMw, EnergyMwh + other.EnergyMwh);

    /// <summary>The step weighted by <paramref name="weight"/>, for mixing schedules (every field is linear in the schedule).</summary>
    public AssetStep Times(double weight) => new(
        ProducedMw * weight, ConsumedMw * weight, CurtailedMw * weight, ShedMw * weight,
        DeferredMw * weight, RecoveredMw * weight, UnservedMw * weight, EnergyMwh * weight);
}

/// <summary>A region's clearing result in one step.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionStep")]
public readonly record struct RegionStep(
    [property: Id(0)] double PricePerMwh,
    [property: Id(1)] double UnservedMw,
    [property: Id(2)] double SpilledMw,
    [property: Id(3)] double ImportMw,
    [property: Id(4)] double ExportMw);

/// <summary>Power sent on a link in one step, in each direction (before losses).</summary>
[GenerateSerializer, Immutable, Alias("GridActors.LinkStep")]
public readonly record struct LinkStep(
    [property: Id(0)] double ForwardMw,
    [property: Id(1)] double ReverseMw)
{
    public double NetMw => ForwardMw - ReverseMw;
}

/// <summary>The cleared window: per asset, region and link, one entry per step of the window.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.WindowClearing")]
public sealed record WindowOutcome(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Steps,
    [property: Id(2)] AssetStep[][] Assets,
    [property: Id(3)] RegionStep[][] Regions,
    [property: Id(4)] LinkStep[][] Links,
    [property: Id(5)] ComputeOutcome? Compute = null);
