using GridActors.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Simulation;

/// <summary>
/// The concentrator of a region: fans bid requests and prices out to its assets and their bids and
/// proposals back in, in asset order; after clearing, hands each asset its schedule and sums the
/// region's report rows.
/// </summary>
public sealed class RegionGrain : Grain, IRegionGrain
{
    private RegionSetup? setup;
    private IAssetGrain[] assets = [];
    private IFlexibleAssetGrain[] flexible = [];

    private RegionSetup Setup => setup ?? throw new InvalidOperationException($"region grain {this.GetPrimaryKeyString()} was not initialised");

    public async Task InitializeAsync(RegionSetup setup)
    {
        this.setup = setup;
        assets = [.. setup.Assets.Select(a => AssetGrains.For(GrainFactory, setup.RunId, a))];
        flexible = [.. setup.Assets.Select((a, i) => (a, i)).Where(x => x.a.RespondsToForecast).Select(x => (IFlexibleAssetGrain)assets[x.i])];
        await Task.WhenAll(assets.Select((grain, i) => grain.InitializeAsync(
            new AssetSetup(setup.Assets[i], setup.Economics, setup.StepHours, setup.Steps, setup.BatchItMw?[i], setup.Restore?[i]))));
    }

    public async Task<AssetBid[]> CollectBidsAsync(BidRequest request)
    {
        var bids = await Task.WhenAll(assets.Select(a => a.BidAsync(request)));
        return [.. bids.OfType<AssetBid>()];
    }

    public async Task<Proposal[]> CollectProposalsAsync(ProposalRequest request) =>
        await Task.WhenAll(flexible.Select(a => a.ProposeAsync(request)));

    public async Task ReleaseAsync()
    {
        await Task.WhenAll(assets.Select(a => a.ReleaseAsync()));
        this.DeactivateOnIdle();
    }

    public async Task<RegionSettled> SettleAsync(RegionSettlement settlement)
    {
        var states = await Task.WhenAll(assets.Select((grain, i) => grain.SettleAsync(new AssetSettlement(settlement.FirstStep, settlement.AssetSteps[i]))));
        return new RegionSettled(RegionAccounting.Rows(Setup.Carriers, Setup.StepHours, Setup.Assets, settlement.AssetSteps, settlement.RegionSteps), states);
    }
}
