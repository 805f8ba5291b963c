using GridActors.Model.Documents;
namespace GridActors.Model.Scenario;

/// <summary>
/// A validated scenario ready to run: every profile expanded to one value per step, every
/// reference turned into an index. Immutable; handed to grains once.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ResolvedScenario")]
public sealed record ResolvedScenario(
    [property: Id(0)] string Name,
    [property: Id(1)] int Seed,
    [property: Id(2)] DateTimeOffset Start,
    [property: Id(3)] int Steps,
    [property: Id(4)] int StepMinutes,
    [property: Id(5)] EconomicsSpec Economics,
    [property: Id(6)] RegionSpec[] Regions,
    [property: Id(7)] LinkSpec[] Links,
    [property: Id(8)] AssetSpec[] Assets,
    [property: Id(9)] ComputeSpec Compute,
    [property: Id(10)] CarbonGradingSpec? Grading = null)
{
    /// <summary>The enterprises' data and the grading rules; the defaults when the scenario gives none.</summary>
    public CarbonGradingSpec CarbonGrading => Grading ?? CarbonGradingSpec.Default;

    /// <summary>Step length in hours (Δt).</summary>
    public double StepHours => StepMinutes / 60.0;

    public DateTimeOffset TimeOf(int step) => Start.AddMinutes((double)step * StepMinutes);

    /// <summary>The carriers present, in a fixed order (the columns of regions.csv).</summary>
    public string[] Carriers() => [.. Assets.Select(a => a.Carrier).Where(c => c.Length > 0).Distinct().OrderBy(c => c, StringComparer.Ordinal)];
}

[GenerateSerializer, Immutable, Alias("GridActors.EconomicsSpec")]
public sealed record EconomicsSpec(
    [property: Id(0)] string Currency,
    [property: Id(1)] double CarbonPricePerT,
    [property: Id(2)] double ValueOfLostLoadPerMwh,
    [property: Id(3)] bool CyclicStorage);

[GenerateSerializer, Immutable, Alias("GridActors.RegionSpec")]
public sealed record RegionSpec(
    [property: Id(0)] int Index,
    [property: Id(1)] string Id,
    [property: Id(2)] string Name,
    [property: Id(3)] double? Latitude = null,
    [property: Id(4)] double? Longitude = null);

[GenerateSerializer, Immutable, Alias("GridActors.LinkSpec")]
public sealed record LinkSpec(
    [property: Id(0)] int Index,
    [property: Id(1)] string Id,
    [property: Id(2)] int From,
    [property: Id(3)] int To,
    [property: Id(4)] double CapacityMw,
    [property: Id(5)] double CapacityReverseMw,
    [property: Id(6)] double LossFraction,
    [property: Id(7)] double CostPerMwh);

/// <summary>What every asset has. Subclasses carry their type's parameters and expanded profiles.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.AssetSpec")]
public abstract record AssetSpec(
    [property: Id(0)] int Index,
    [property: Id(1)] string Id,
    [property: Id(2)] string Type,
    [property: Id(3)] int Region,
    [property: Id(4)] string? Owner)
{
    /// <summary>Carrier label for generation columns; empty for consumers.</summary>
    public abstract string Carrier { get; }

    /// <summary>Whether the asset revises its bid against a price forecast (storage, shiftable loads).</summary>
    public virtual bool RespondsToForecast => false;
}

[GenerateSerializer, Immutable, Alias("GridActors.ThermalSpec")]
public sealed record ThermalSpec(
    int Index, string Id, int Region, string? Owner,
    [property: Id(0)] string Fuel,
    [property: Id(1)] double CapacityMw,
    [property: Id(2)] double MinOutputMw,
    [property: Id(3)] double RampMwPerH,
    [property: Id(4)] double MarginalCostPerMwh,
    [property: Id(5)] double EmissionsTPerMwh,
    [property: Id(6)] Series Availability)
    : AssetSpec(Index, Id, "thermal", Region, Owner)
{
    public override string Carrier => Fuel;
}

[GenerateSerializer, Immutable, Alias("GridActors.RenewableSpec")]
public sealed record RenewableSpec(
    int Index, string Id, string Kind, int Region, string? Owner,
    [property: Id(0)] double CapacityMw,
    [property: Id(1)] double MarginalCostPerMwh,
    [property: Id(2)] Series Availability)
    : AssetSpec(Index, Id, Kind, Region, Owner)
{
    public override string Carrier => Type;
}

[GenerateSerializer, Immutable, Alias("GridActors.StorageSpec")]
public sealed record StorageSpec(
    int Index, string Id, int Region, string? Owner,
    [property: Id(0)] double PowerMw,
    [property: Id(1)] double EnergyMwh,
    [property: Id(2)] double ChargeEfficiency,
    [property: Id(3)] double DischargeEfficiency,
    [property: Id(4)] double InitialSoc,
    [property: Id(5)] double CostPerMwh,
    [property: Id(6)] string Technology)
    : AssetSpec(Index, Id, "storage", Region, Owner)
{
    public override string Carrier => "";

    public override bool RespondsToForecast => true;

    public double InitialEnergyMwh => InitialSoc * EnergyMwh;
}

[GenerateSerializer, Immutable, Alias("GridActors.LoadSpec")]
public sealed record LoadSpec(
    int Index, string Id, int Region, string? Owner,
    [property: Id(0)] string Sector,
    [property: Id(1)] Series DemandMw,
    [property: Id(2)] double CurtailableFraction,
    [property: Id(3)] double CurtailmentCostPerMwh,
    [property: Id(4)] double ShiftableFraction,
    [property: Id(5)] int ShiftWindowSteps)
    : AssetSpec(Index, Id, "load", Region, Owner)
{
    public override string Carrier => "";

    public override bool RespondsToForecast => ShiftableFraction > 0;

    /// <summary>The demand due in <paramref name="step"/> that may be shifted (MW).</summary>
    public double ShiftableMw(int step) => DemandMw[step] * ShiftableFraction;
}

[GenerateSerializer, Immutable, Alias("GridActors.DatacenterSpec")]
public sealed record DatacenterSpec(
    int Index, string Id, int Region, string? Owner,
    [property: Id(0)] string? Hub,
    [property: Id(1)] double ItCapacityMw,
    [property: Id(2)] double Pue,
    [property: Id(3)] Series InteractiveItMw)
    : AssetSpec(Index, Id, "datacenter", Region, Owner)
{
    public override string Carrier => "";
}

[GenerateSerializer, Immutable, Alias("GridActors.ComputeSpec")]
public sealed record ComputeSpec(
    [property: Id(0)] ComputeLinkSpec[] Links,
    [property: Id(1)] WorkloadSpec[] Workloads)
{
    public static readonly ComputeSpec Empty = new([], []);
}

[GenerateSerializer, Immutable, Alias("GridActors.ComputeLinkSpec")]
public sealed record ComputeLinkSpec(
    [property: Id(0)] int From,
    [property: Id(1)] int To,
    [property: Id(2)] double LatencyMs,
    [property: Id(3)] double BandwidthGbps,
    [property: Id(4)] double CostPerTb);

[GenerateSerializer, Immutable, Alias("GridActors.WorkloadSpec")]
public sealed record WorkloadSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] int Origin,
    [property: Id(2)] Series ArrivalMwhPerH,
    [property: Id(3)] double DeadlineH,
    [property: Id(4)] double MaxLatencyMs,
    [property: Id(5)] double DataTbPerMwh,
    [property: Id(6)] double SlaPenaltyPerMwh);

/// <summary>An enterprise as the scenario's <c>enterprises</c> section describes it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.EnterpriseSpec")]
public sealed record EnterpriseSpec(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Sector,
    [property: Id(3)] double? ValueAddedPerYear,
    [property: Id(4)] double? ValueAddedPerMwh);

/// <summary>The enterprises' data, the grade thresholds on the carbon-efficiency value, the sectors' benchmark intensities and the bounds of the low, medium and high carbon levels.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.CarbonGradingSpec")]
public sealed record CarbonGradingSpec(
    [property: Id(0)] EnterpriseSpec[] Enterprises,
    [property: Id(1)] double[] Thresholds,
    [property: Id(2)] Dictionary<string, double> BenchmarksTPer10k,
    [property: Id(3)] double[] LevelsTPer10k)
{
    public static readonly CarbonGradingSpec Default = new([], CarbonEfficiencyDoc.DefaultThresholds, [], CarbonEfficiencyDoc.DefaultLevels);
}
