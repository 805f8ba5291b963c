using GridActors.Grains.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Simulation;

/// <summary>
/// The concentrator of a region: fans bid requests out to its assets and their bids back in, in
/// asset order; after clearing, hands each asset its schedule and sums the region's report rows.
/// </summary>
public sealed class RegionGrain : Grain, IRegionGrain
{
    private RegionSetup? setup;
    private IAssetGrain[] assets = [];
    private bool[] flexible = [];

    private RegionSetup Setup => setup ?? throw new InvalidOperationException($"region grain {this.GetPrimaryKeyString()} was not initialised");

    public async Task InitializeAsync(RegionSetup setup)
    {
        this.setup = setup;
        assets = [.. setup.Assets.Select(a => AssetGrains.For(GrainFactory, setup.RunId, a))];
        flexible = [.. setup.Assets.Select(a => a.RespondsToForecast)];
        await Task.WhenAll(assets.Select((grain, i) => grain.InitializeAsync(new AssetSetup(setup.Assets[i], setup.Economics, setup.StepHours, setup.Steps))));
    }

    public async Task<AssetBid[]> CollectBidsAsync(BidRequest request, bool flexibleOnly)
    {
        var calls = new List<Task<AssetBid>>(assets.Length);
        for (var i = 0; i < assets.Length; i++)
        {
            if (!flexibleOnly || flexible[i])
            {
                calls.Add(assets[i].BidAsync(request));
            }
        }
        return await Task.WhenAll(calls);
    }

    public async Task<RegionRow[]> SettleAsync(RegionSettlement settlement)
    {
        await Task.WhenAll(assets.Select((grain, i) => grain.SettleAsync(new AssetSettlement(settlement.FirstStep, settlement.AssetSteps[i], settlement.Backlogs[i]))));
        return RegionAccounting.Rows(Setup.Carriers, Setup.StepHours, Setup.Assets, settlement.AssetSteps, settlement.RegionSteps);
    }
}
