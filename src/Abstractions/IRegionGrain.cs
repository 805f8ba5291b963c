using GridActors.Model.Coupling;
using GridActors.Model.Market;

namespace GridActors.Abstractions;

/// <summary>A region: the concentrator between its assets and the market coupling. Keyed "runId/regionId".</summary>
[Alias("GridActors.IRegionGrain")]
public interface IRegionGrain : IGrainWithStringKey
{
    /// <summary>Sets up the region and initialises its assets' grains.</summary>
    [Alias("Initialize")]
    Task InitializeAsync(RegionSetup setup);

    /// <summary>Collects the window bids of its assets, in asset order.</summary>
    [Alias("CollectBids")]
    Task<AssetBid[]> CollectBidsAsync(BidRequest request);

    /// <summary>Passes the region's prices to its flexible assets and returns their proposals, in asset order.</summary>
    [Alias("CollectProposals")]
    Task<Proposal[]> CollectProposalsAsync(ProposalRequest request);

    /// <summary>Hands each asset its accepted schedule; returns the region's report rows for the window and its assets' states.</summary>
    [Alias("Settle")]
    Task<RegionSettled> SettleAsync(RegionSettlement settlement);

    /// <summary>Regional clearing: collects its assets' bids for a window and sets up the region's own market.</summary>
    [Alias("OpenWindow")]
    Task OpenWindowAsync(RegionWindowOpening opening);

    /// <summary>Regional clearing, one round: its flexible assets answer the prices, the region clears at the injection asked and offers its moves.</summary>
    [Alias("Round")]
    Task<RegionReply> RoundAsync(RegionRound round);

    /// <summary>Regional clearing: commits the round's clearing, settles its assets, closes its balance; returns rows, states and schedules.</summary>
    [Alias("SettleOwnClearing")]
    Task<RegionSettled> SettleOwnClearingAsync(RegionClearingSettlement settlement);

    /// <summary>The run is over: releases the region's assets, then the region itself.</summary>
    [Alias("Release")]
    Task ReleaseAsync();
}
