using GridActors.Abstractions;
using GridActors.Model.Accounting;
using GridActors.Model.Coupling;
using GridActors.Model.Market;
using GridActors.Model.RegionClearing;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Simulation;

/// <summary>
/// The concentrator of a region: fans bid requests and prices out to its assets and their bids and
/// proposals back in, in asset order; after clearing, hands each asset its schedule and sums the
/// region's report rows. Under regional clearing it also clears its own assets' market each round
/// (<see cref="RegionWindow"/>), so the run grain sees only the region's injections, offers and bounds.
/// </summary>
public sealed class RegionGrain : Grain, IRegionGrain, IDisposable
{
    private RegionSetup? setup;
    private IAssetGrain[] assets = [];
    private IFlexibleAssetGrain[] flexible = [];
    private Dictionary<int, int> localIndex = [];
    private (RegionWindowOpening Opening, RegionWindow Market)? window;

    private RegionSetup Setup => setup ?? throw new GrainStateLostException($"region grain {this.GetPrimaryKeyString()} was not initialised");

    public async Task InitializeAsync(RegionSetup setup)
    {
        this.setup = setup;
        assets = [.. setup.Assets.Select(a => AssetGrains.For(GrainFactory, setup.RunId, a))];
        localIndex = setup.Assets.Select((a, i) => (a.Index, i)).ToDictionary(x => x.Index, x => x.i);
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

    public async Task OpenWindowAsync(RegionWindowOpening opening)
    {
        CloseWindow();
        var setup = Setup;
        var bids = await CollectBidsAsync(new BidRequest(opening.FirstStep, opening.Steps));
        window = (opening, new RegionWindow([.. setup.Assets.Select(a => a.Index)], bids,
            opening.FirstStep, opening.Steps, opening.CommitSteps, setup.StepHours, setup.Economics.ValueOfLostLoadPerMwh, opening.Solver, opening.MarketStart));
    }

    public async Task<RegionReply> RoundAsync(RegionRound round)
    {
        var (opening, market) = window ?? throw new InvalidOperationException($"region grain {this.GetPrimaryKeyString()} has no open window");
        var answers = round.PricePerMwh is { } prices
            // The first round with prices is the window's first signal to the flexible assets.
            ? await CollectProposalsAsync(new ProposalRequest(opening.FirstStep, prices, round.TerminalPricePerMwh, round.Round - 1))
            : [];
        return market.Round(round, answers);
    }

    public async Task<RegionSettled> SettleOwnClearingAsync(RegionClearingSettlement settlement)
    {
        var (opening, market) = window ?? throw new InvalidOperationException($"region grain {this.GetPrimaryKeyString()} has no open window");
        var setup = Setup;
        var steps = market.Outcome(settlement.Round).Select(s => (AssetStep[])s.Clone()).ToArray();
        foreach (var campus in settlement.Batch)
        {
            var i = localIndex[campus.Asset];
            DatacenterLoad.AddBatch((DatacenterSpec)setup.Assets[i], steps[i], campus.ItMw);
        }
        var regionSteps = BalanceClosure.CloseRegion(setup.Assets, steps, settlement.ImportMw, settlement.ExportMw, settlement.PricePerMwh, opening.CommitSteps);
        var settled = await SettleAsync(new RegionSettlement(settlement.FirstStep, regionSteps, steps));
        var work = market.Work;
        var next = market.FirstBasis;
        CloseWindow();
        return settled with { AssetSteps = steps, Lp = work, MarketStart = next };
    }

    public async Task ReleaseAsync()
    {
        await Task.WhenAll(assets.Select(a => a.ReleaseAsync()));
        CloseWindow();
        this.DeactivateOnIdle();
    }

    /// <summary>Orleans disposes the grain when it deactivates: the window's solver memory goes with it.</summary>
    public void Dispose() => CloseWindow();

    private void CloseWindow()
    {
        window?.Market.Dispose();
        window = null;
    }

    public async Task<RegionSettled> SettleAsync(RegionSettlement settlement)
    {
        var states = await Task.WhenAll(assets.Select((grain, i) => grain.SettleAsync(new AssetSettlement(settlement.FirstStep, settlement.AssetSteps[i]))));
        return new RegionSettled(RegionAccounting.Rows(Setup.Carriers, Setup.StepHours, Setup.Economics, Setup.Assets, settlement.AssetSteps, settlement.RegionSteps), states);
    }
}
