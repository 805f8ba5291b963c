using GridActors.Grains.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Simulation;

/// <summary>
/// The orchestrator of one run. Per window: every asset bids through its region; the market is
/// coupled once to give a price forecast; the flexible assets (storage, shiftable loads) revise
/// their bids against it; the market is coupled again and the schedules are settled.
/// </summary>
public sealed class RunGrain : Grain, IRunGrain
{
    private ResolvedScenario? scenario;
    private RunOptions options = new(24);
    private IRegionGrain[] regions = [];
    private int[][] regionAssets = [];
    private WindowClearer? clearer;
    private int nextStep;

    public async Task StartAsync(ResolvedScenario scenario, RunOptions options)
    {
        if (options.WindowSteps < 1)
        {
            throw new ArgumentException("window steps must be at least 1", nameof(options));
        }
        this.scenario = scenario;
        this.options = options;
        clearer = new WindowClearer(scenario);
        nextStep = 0;
        var runId = this.GetPrimaryKeyString();
        var carriers = scenario.Carriers();
        regionAssets = [.. scenario.Regions.Select(r => scenario.Assets.Where(a => a.Region == r.Index).Select(a => a.Index).ToArray())];
        regions = [.. scenario.Regions.Select(r => GrainFactory.GetGrain<IRegionGrain>(AssetGrains.Key(runId, r.Id)))];
        await Task.WhenAll(scenario.Regions.Select(r => regions[r.Index].InitializeAsync(
            new RegionSetup(runId, r, [.. regionAssets[r.Index].Select(a => scenario.Assets[a])], carriers, scenario.StepHours, scenario.Steps, scenario.Economics))));
    }

    public async Task<WindowReport?> AdvanceAsync()
    {
        var s = scenario ?? throw new InvalidOperationException("the run was not started");
        if (nextStep >= s.Steps)
        {
            return null;
        }
        var first = nextStep;
        var steps = Math.Min(options.WindowSteps, s.Steps - first);

        var bids = await CollectAsync(r => new BidRequest(first, steps, null), flexibleOnly: false);
        var outcome = clearer!.Clear(first, steps, bids);
        var rounds = 1;
        var priceChange = 0.0;

        var forecast = outcome.Regions;
        var revised = await CollectAsync(r => new BidRequest(first, steps, [.. forecast[r].Select(x => x.PricePerMwh)]), flexibleOnly: true);
        if (revised.Length > 0)
        {
            foreach (var bid in revised)
            {
                bids[bid.Asset] = bid;
            }
            outcome = clearer.Clear(first, steps, bids);
            rounds++;
            priceChange = MaxPriceChange(forecast, outcome.Regions);
        }

        var rows = await Task.WhenAll(s.Regions.Select(r => regions[r.Index].SettleAsync(new RegionSettlement(
            first,
            outcome.Regions[r.Index],
            [.. regionAssets[r.Index].Select(a => outcome.Assets[a])],
            [.. regionAssets[r.Index].Select(a => outcome.Backlogs[a])]))));
        nextStep = first + steps;
        return new WindowReport(first, steps, rows, outcome.Assets, outcome.Links, rounds, priceChange);
    }

    /// <summary>Bids from every region, placed by asset index (regions answer in asset order).</summary>
    private async Task<AssetBid[]> CollectAsync(Func<int, BidRequest> request, bool flexibleOnly)
    {
        var perRegion = await Task.WhenAll(regions.Select((region, r) => region.CollectBidsAsync(request(r), flexibleOnly)));
        if (flexibleOnly)
        {
            return [.. perRegion.SelectMany(b => b)];
        }
        var bids = new AssetBid[scenario!.Assets.Length];
        foreach (var bid in perRegion.SelectMany(b => b))
        {
            bids[bid.Asset] = bid;
        }
        return bids;
    }

    private static double MaxPriceChange(RegionStep[][] before, RegionStep[][] after)
    {
        var max = 0.0;
        for (var r = 0; r < before.Length; r++)
        {
            for (var k = 0; k < before[r].Length; k++)
            {
                max = Math.Max(max, Math.Abs(after[r][k].PricePerMwh - before[r][k].PricePerMwh));
            }
        }
        return max;
    }
}
