using GridActors.Model.Market;

namespace GridActors.Grains.Abstractions;

/// <summary>Every asset: set up once, bid per window, settle per window. Keyed "runId/assetId".</summary>
[Alias("GridActors.IAssetGrain")]
public interface IAssetGrain : IGrainWithStringKey
{
    /// <summary>Hands the asset its immutable spec; called once per run.</summary>
    [Alias("Initialize")]
    Task InitializeAsync(AssetSetup setup);

    /// <summary>Returns the asset's bid for every step of the window, from its state and strategy.</summary>
    [Alias("Bid")]
    Task<AssetBid> BidAsync(BidRequest request);

    /// <summary>Takes the accepted schedule of the window and moves the asset's state on.</summary>
    [Alias("Settle")]
    Task SettleAsync(AssetSettlement settlement);
}

[Alias("GridActors.IThermalPlantGrain")]
public interface IThermalPlantGrain : IAssetGrain;

[Alias("GridActors.IRenewableGrain")]
public interface IRenewableGrain : IAssetGrain;

[Alias("GridActors.IStorageGrain")]
public interface IStorageGrain : IAssetGrain;

[Alias("GridActors.ILoadGrain")]
public interface ILoadGrain : IAssetGrain;

[Alias("GridActors.IDataCenterGrain")]
public interface IDataCenterGrain : IAssetGrain;
