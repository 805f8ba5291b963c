namespace GridActors.Model.Output;

/// <summary>
/// One region in one step as live clients and metrics see it. Powers in MW, energy in MWh, emissions in t; the average
/// and marginal emission factors of what the region consumes as regions.csv has them (docs/carbon.md).
/// </summary>
public sealed record RegionSnapshot(
    string Region,
    double LoadMw,
    IReadOnlyDictionary<string, double> GenerationMw,
    double PricePerMwh,
    double ImportsMw,
    double ExportsMw,
    double StorageEnergyMwh,
    double StorageNetMw,
    double CurtailedMw,
    double UnservedMw,
    double EmissionsT,
    double CarbonIntensityGPerKwh,
    double DatacenterItMw,
    double AverageFactorGPerKwh,
    double MarginalFactorGPerKwh,
    string MarginalUnit);
