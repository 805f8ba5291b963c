namespace GridActors.Model.Windows;

/// <summary>One region in one step, as reported in regions.csv and to live clients. Powers in MW.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionRow")]
public sealed record RegionRow(
    [property: Id(0)] double LoadMw,
    [property: Id(1)] double[] GenerationByCarrierMw,
    [property: Id(2)] double StorageChargeMw,
    [property: Id(3)] double StorageDischargeMw,
    [property: Id(4)] double ImportMw,
    [property: Id(5)] double ExportMw,
    [property: Id(6)] double UnservedMw,
    [property: Id(7)] double SpilledMw,
    [property: Id(8)] double CurtailedMw,
    [property: Id(9)] double ShedMw,
    [property: Id(10)] double PricePerMwh,
    [property: Id(11)] double EmissionsT,
    [property: Id(12)] double CarbonIntensityGPerKwh,
    [property: Id(13)] double DatacenterItMw)
{
    public double GenerationMw => GenerationByCarrierMw.Sum();

    /// <summary>Supply minus demand of the format's balance equation; zero when the books close.</summary>
    public double BalanceResidualMw =>
        GenerationMw + StorageDischargeMw - StorageChargeMw + ImportMw - ExportMw + UnservedMw - SpilledMw - LoadMw;
}
