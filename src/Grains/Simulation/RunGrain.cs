using GridActors.Grains.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Simulation;

/// <summary>
/// The orchestrator of one run: the market operator. Per window it collects every asset's bids
/// over the window and its look-ahead, clears them, and negotiates with the flexible assets round
/// after round (prices out, schedules back) until no schedule can lower the cost by more than the
/// tolerance; then it commits the window's steps and settles every asset.
/// </summary>
public sealed class RunGrain : Grain, IRunGrain
{
    private ResolvedScenario? scenario;
    private RunOptions options = RunOptions.Default;
    private IRegionGrain[] regions = [];
    private int[][] regionAssets = [];
    private int nextStep;
    private double[][]? lookaheadPrices;
    private ComputeOutcome? placement;
    private ComputeNetwork? brokered;
    private IWorkloadGrain[] brokers = [];
    private DeferredEnergy[][] greedyBacklog = [];

    public async Task StartAsync(ResolvedScenario scenario, RunOptions options)
    {
        if (options.WindowSteps < 1 || options.LookaheadSteps < 0 || options.Negotiation.MaxRounds < 1)
        {
            throw new ArgumentException("window steps and rounds must be at least 1 and look-ahead steps at least 0", nameof(options));
        }
        this.scenario = scenario;
        this.options = options;
        nextStep = 0;
        lookaheadPrices = null;
        var runId = this.GetPrimaryKeyString();
        var carriers = scenario.Carriers();
        regionAssets = [.. scenario.Regions.Select(r => scenario.Assets.Where(a => a.Region == r.Index).Select(a => a.Index).ToArray())];
        regions = [.. scenario.Regions.Select(r => GrainFactory.GetGrain<IRegionGrain>(AssetGrains.Key(runId, r.Id)))];
        // `local` placement ignores prices, so it is planned once; negotiated placement has a broker grain per workload.
        var network = new ComputeNetwork(scenario);
        placement = network.IsEmpty || options.Placement != Placement.Local ? null : LocalPlacement.Plan(network);
        brokered = network.IsEmpty || options.Placement == Placement.Local ? null : network;
        brokers = brokered is null || options.Placement != Placement.Negotiated ? [] : [.. scenario.Compute.Workloads.Select(w => GrainFactory.GetGrain<IWorkloadGrain>($"{runId}/workload/{w.Id}"))];
        greedyBacklog = [.. scenario.Compute.Workloads.Select(_ => Array.Empty<DeferredEnergy>())];
        await Task.WhenAll(brokers.Select((b, w) => b.InitializeAsync(scenario, w)));
        var batch = placement?.BatchItMw(network, scenario.Assets.Length, scenario.Steps);
        await Task.WhenAll(scenario.Regions.Select(r => regions[r.Index].InitializeAsync(
            new RegionSetup(runId, r, [.. regionAssets[r.Index].Select(a => scenario.Assets[a])], carriers, scenario.StepHours, scenario.Steps, scenario.Economics,
                batch is null ? null : [.. regionAssets[r.Index].Select(a => scenario.Assets[a] is DatacenterSpec ? batch[a] : null)]))));
    }

    public async Task ReleaseAsync()
    {
        await Task.WhenAll(regions.Select(r => r.ReleaseAsync()).Concat(brokers.Select(b => b.ReleaseAsync())));
        this.DeactivateOnIdle();
    }

    public async Task<WindowReport?> AdvanceAsync()
    {
        var s = scenario ?? throw new InvalidOperationException("the run was not started");
        if (nextStep >= s.Steps)
        {
            return null;
        }
        var first = nextStep;
        var commit = Math.Min(options.WindowSteps, s.Steps - first);
        var planned = Math.Min(options.WindowSteps + options.LookaheadSteps, s.Steps - first);

        var bids = await Task.WhenAll(regions.Select(r => r.CollectBidsAsync(new BidRequest(first, planned))));
        using var market = new WindowMarket(s, options.MarketSolver, first, planned, bids.SelectMany(b => b), brokered);
        if (options.Placement == Placement.CarbonGreedy && brokered is not null)
        {
            // The baseline reads the carbon forecast of the clearing without flexible assets and places its work once.
            market.Solve();
            foreach (var plan in CarbonGreedyPlacement.Plan(brokered, first, planned, market.CarbonIntensity(), greedyBacklog))
            {
                market.Add(plan);
            }
        }
        var record = await Negotiation.RunAsync(market, ProposeAsync, options.Negotiation, lookaheadPrices);
        var outcome = market.Outcome(commit);
        // The prices this window found for its look-ahead open the next window's negotiation.
        lookaheadPrices = commit < planned ? [.. market.Prices.Select(p => p[commit..])] : null;

        var rows = await Task.WhenAll(s.Regions.Select(r => regions[r.Index].SettleAsync(new RegionSettlement(
            first,
            outcome.Regions[r.Index],
            [.. regionAssets[r.Index].Select(a => outcome.Assets[a])]))));
        if (outcome.Compute is { } placed)
        {
            await Task.WhenAll(brokers.Select((b, w) => b.SettleAsync(new WorkSettlement(first, placed.RunMw[w], placed.UnfinishedMw[w]))));
            if (options.Placement == Placement.CarbonGreedy)
            {
                greedyBacklog = [.. greedyBacklog.Select((carried, w) => WorkBacklog.Apply(brokered!, w, carried, first, placed.RunMw[w], placed.UnfinishedMw[w]))];
            }
        }
        nextStep = first + commit;
        return new WindowReport(first, commit, rows, outcome.Assets, outcome.Links, record, outcome.Compute ?? placement?.Slice(first, commit));

        async Task<Answers> ProposeAsync(PriceSignal signal)
        {
            var assets = Task.WhenAll(regions.Select((region, r) => region.CollectProposalsAsync(new ProposalRequest(first, signal.PricePerMwh[r], signal.TerminalPricePerMwh[r], signal.Request))));
            var work = Task.WhenAll(brokers.Select((b, w) => b.ProposeAsync(new WorkRequest(first, signal.WorkRouteCostPerMwStep[w], signal.Request))));
            return new Answers([.. (await assets).SelectMany(a => a).OrderBy(p => p.Asset)], [.. (await work).SelectMany(w => w)]);
        }
    }
}
