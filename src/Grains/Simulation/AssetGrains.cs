using GridActors.Abstractions;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Simulation;

/// <summary>Which grain hosts which kind of asset, and the keys grains of a run go by.</summary>
public static class AssetGrains
{
    public static string Key(string runId, string id) => $"{runId}/{id}";

    public static IAssetGrain For(IGrainFactory factory, string runId, AssetSpec spec)
    {
        var key = Key(runId, spec.Id);
        return spec switch
        {
            ThermalSpec => factory.GetGrain<IThermalPlantGrain>(key),
            RenewableSpec => factory.GetGrain<IRenewableGrain>(key),
            StorageSpec => factory.GetGrain<IStorageGrain>(key),
            LoadSpec => factory.GetGrain<ILoadGrain>(key),
            DatacenterSpec => factory.GetGrain<IDatacenterGrain>(key),
            _ => throw new ArgumentException($"no grain for asset type {spec.Type}", nameof(spec)),
        };
    }
}
