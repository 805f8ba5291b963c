using GridActors.Model.Market;

namespace GridActors.Abstractions;

/// <summary>Every asset: set up once, bid per window, settle per window. Keyed "runId/assetId".</summary>
[Alias("GridActors.IAssetGrain")]
public interface IAssetGrain : IGrainWithStringKey
{
    /// <summary>Hands the asset its immutable spec (and the state to restore, when a run is rolled back to a checkpoint).</summary>
    [Alias("Initialize")]
    Task InitializeAsync(AssetSetup setup);

    /// <summary>Returns the asset's bid for every step of the window, or null when it only negotiates with schedules (storage).</summary>
    [Alias("Bid")]
    Task<AssetBid?> BidAsync(BidRequest request);

    /// <summary>Takes the accepted schedule of the window, moves the asset's state on and returns it for the checkpoint.</summary>
    [Alias("Settle")]
    Task<AssetCheckpoint> SettleAsync(AssetSettlement settlement);

    /// <summary>The run is over: the grain deactivates as soon as it is idle, so a long-lived silo does not keep finished runs.</summary>
    [Alias("Release")]
    Task ReleaseAsync();
}

/// <summary>An asset that negotiates: it answers the market's prices with the schedule it would run at them.</summary>
[Alias("GridActors.IFlexibleAssetGrain")]
public interface IFlexibleAssetGrain : IAssetGrain
{
    /// <summary>Returns the schedule that serves the asset best at the given prices, within its own limits.</summary>
    [Alias("Propose")]
    Task<Proposal> ProposeAsync(ProposalRequest request);
}

[Alias("GridActors.IThermalPlantGrain")]
public interface IThermalPlantGrain : IAssetGrain;

[Alias("GridActors.IRenewableGrain")]
public interface IRenewableGrain : IAssetGrain;

[Alias("GridActors.IStorageGrain")]
public interface IStorageGrain : IFlexibleAssetGrain;

[Alias("GridActors.ILoadGrain")]
public interface ILoadGrain : IFlexibleAssetGrain;

[Alias("GridActors.IDatacenterGrain")]
public interface IDatacenterGrain : IAssetGrain;
