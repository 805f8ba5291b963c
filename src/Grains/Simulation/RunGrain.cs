using GridActors.Abstractions;
using GridActors.Model.CentralClearing;
using GridActors.Model.Coupling;
using GridActors.Model.Market;
using GridActors.Model.Options;
using GridActors.Model.PlacementPolicies;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;
using Microsoft.Extensions.Logging;

namespace GridActors.Grains.Simulation;

/// <summary>
/// The orchestrator of one run: the market operator. Per window it collects every asset's bids
/// over the window and its look-ahead, clears them, and negotiates with the flexible assets round
/// after round (prices out, schedules back) until no schedule can lower the cost by more than the
/// tolerance; then it commits the window's steps, settles every asset and checkpoints: the window's
/// report in its own record, then the run's position and every asset's state in one write, which is
/// the commit point. After a failure (a lost silo, a failed call) the next advance first sets every
/// grain of the run up again from that checkpoint, so the window is replayed from the same state.
/// </summary>
public sealed partial class RunGrain(
    [PersistentState("definition")] IPersistentState<RunDefinition> definition,
    [PersistentState("checkpoint")] IPersistentState<RunCheckpoint> checkpoint,
    ILogger<RunGrain> logger) : Grain, IRunGrain
{
    private IRegionGrain[] regions = [];
    private int[][] regionAssets = [];
    private ComputeOutcome? placement;
    private double[]?[]? batchItMw;
    private ComputeNetwork? brokered;
    private IWorkloadGrain[] brokers = [];
    private bool restoreNeeded;

    private ResolvedScenario Scenario => definition.State.Scenario ?? throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} was not started");

    private RunOptions Options => definition.State.Options ?? RunOptions.Default;

    public override Task OnActivateAsync(CancellationToken cancellationToken)
    {
        if (definition.State.Scenario is not null)
        {
            // Activated again after a lost silo or a full stop: the other grains may hold anything, or nothing.
            Prepare();
            restoreNeeded = true;
        }
        return Task.CompletedTask;
    }

    public async Task StartAsync(ResolvedScenario scenario, RunOptions options)
    {
        if (options.WindowSteps < 1 || options.LookaheadSteps < 0 || options.Negotiation.MaxRounds < 1)
        {
            throw new ArgumentException("window steps and rounds must be at least 1 and look-ahead steps at least 0", nameof(options));
        }
        if (options.Clearing == Clearing.Regional && options.Placement == Placement.CarbonGreedy)
        {
            throw new ArgumentException(RunOptionLimits.CarbonGreedyNeedsCentralClearing, nameof(options));
        }
        options = options with { Clearing = ClearingChoice.Resolve(options.Clearing, scenario, options.Placement) };
        definition.State = new RunDefinition { Scenario = scenario, Options = options, CreatedAt = DateTimeOffset.UtcNow };
        Prepare();
        checkpoint.State = new RunCheckpoint
        {
            Assets = [.. scenario.Assets.Select(_ => AssetCheckpoint.None)],
            Workloads = [.. scenario.Compute.Workloads.Select(_ => Array.Empty<DeferredEnergy>())],
            GreedyBacklog = [.. scenario.Compute.Workloads.Select(_ => Array.Empty<DeferredEnergy>())],
        };
        await SetUpGrainsAsync(restore: false);
        await Durably.WriteAsync(definition.WriteStateAsync, $"the definition of run {this.GetPrimaryKeyString()}", logger);
        await Durably.WriteAsync(checkpoint.WriteStateAsync, $"the first checkpoint of run {this.GetPrimaryKeyString()}", logger);
        await GrainFactory.GetGrain<IRunCatalogGrain>("runs").AddAsync(this.GetPrimaryKeyString());
        restoreNeeded = false;
    }

    public async Task<WindowReport?> AdvanceAsync(int firstStep)
    {
        var s = Scenario;
        var position = checkpoint.State.NextStep;
        if (firstStep < position && firstStep % Options.WindowSteps != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(firstStep), $"windows of run {this.GetPrimaryKeyString()} start every {Options.WindowSteps} steps, not at step {firstStep}");
        }
        if (firstStep < position)
        {
            return await Record(firstStep).LoadAsync()
                ?? throw new InvalidOperationException($"run {this.GetPrimaryKeyString()} has no stored window at step {firstStep}");
        }
        if (firstStep > position)
        {
            throw new ArgumentOutOfRangeException(nameof(firstStep), $"run {this.GetPrimaryKeyString()} is at step {position}, not {firstStep}");
        }
        if (position >= s.Steps)
        {
            return null;
        }
        if (restoreNeeded)
        {
            LogRollBack(logger, this.GetPrimaryKeyString(), position);
            await SetUpGrainsAsync(restore: true);
            restoreNeeded = false;
        }
        try
        {
            return await ClearWindowAsync(s, position);
        }
        catch (Exception e)
        {
            // Some grains may have moved on, or be gone: the next attempt starts again from the checkpoint.
            restoreNeeded = true;
            if (e is Orleans.Storage.InconsistentStateException)
            {
                // Another activation of this run wrote after this one read: only a fresh activation reads the truth.
                this.DeactivateOnIdle();
            }
            throw;
        }
    }

    public async Task ForgetWindowAsync(int firstStep)
    {
        if (firstStep % Options.WindowSteps == 0 && firstStep + Options.WindowSteps < checkpoint.State.NextStep)
        {
            await Record(firstStep).ForgetAsync();
        }
    }

    public Task<RunDefinition?> DefinitionAsync() => Task.FromResult(definition.State.Scenario is null ? null : definition.State);

    public Task<StoredRun?> StatusAsync() => Task.FromResult(definition.State.Scenario is not { } s
        ? null
        : new StoredRun(this.GetPrimaryKeyString(), s.Name, definition.State.CreatedAt, checkpoint.State.NextStep, s.Steps, checkpoint.State.Windows));

    public Task<string> HostAsync() => Task.FromResult(RuntimeIdentity);

    public async Task ReleaseAsync(bool forget = false)
    {
        await Task.WhenAll(regions.Select(r => r.ReleaseAsync()).Concat(brokers.Select(b => b.ReleaseAsync())));
        if (forget && definition.State.Scenario is not null)
        {
            var windows = (checkpoint.State.NextStep + Options.WindowSteps - 1) / Options.WindowSteps;
            await Task.WhenAll(Enumerable.Range(0, windows).Select(w => Record(w * Options.WindowSteps).ForgetAsync()));
            await checkpoint.ClearStateAsync();
            await definition.ClearStateAsync();
        }
        this.DeactivateOnIdle();
    }

    /// <summary>The grain references and plans that follow from the scenario alone.</summary>
    private void Prepare()
    {
        var scenario = Scenario;
        var runId = this.GetPrimaryKeyString();
        regionAssets = [.. scenario.Regions.Select(r => scenario.Assets.Where(a => a.Region == r.Index).Select(a => a.Index).ToArray())];
        regions = [.. scenario.Regions.Select(r => GrainFactory.GetGrain<IRegionGrain>(AssetGrains.Key(runId, r.Id)))];
        // `local` placement ignores prices, so it is planned once; negotiated placement has a broker grain per workload.
        var network = new ComputeNetwork(scenario);
        placement = network.IsEmpty || Options.Placement != Placement.Local ? null : LocalPlacement.Plan(network);
        brokered = network.IsEmpty || Options.Placement == Placement.Local ? null : network;
        batchItMw = placement?.BatchItMw(network, scenario.Assets.Length, scenario.Steps);
        brokers = brokered is null || Options.Placement != Placement.Negotiated ? [] : [.. scenario.Compute.Workloads.Select(w => GrainFactory.GetGrain<IWorkloadGrain>($"{runId}/workload/{w.Id}"))];
    }

    /// <summary>Hands every region, asset and broker its setup, with the checkpoint's state when <paramref name="restore"/>.</summary>
    private async Task SetUpGrainsAsync(bool restore)
    {
        var scenario = Scenario;
        var state = checkpoint.State;
        var carriers = scenario.Carriers();
        var batch = batchItMw;
        await Task.WhenAll(brokers.Select((b, w) => b.InitializeAsync(scenario, w, restore ? state.Workloads[w] : null)));
        await Task.WhenAll(scenario.Regions.Select(r => regions[r.Index].InitializeAsync(
            new RegionSetup(this.GetPrimaryKeyString(), r, [.. regionAssets[r.Index].Select(a => scenario.Assets[a])], carriers, scenario.StepHours, scenario.Steps, scenario.Economics,
                batch is null ? null : [.. regionAssets[r.Index].Select(a => scenario.Assets[a] is DatacenterSpec ? batch[a] : null)],
                restore ? [.. regionAssets[r.Index].Select(a => state.Assets[a])] : null))));
    }

    private async Task<WindowReport> ClearWindowAsync(ResolvedScenario s, int first)
    {
        // The run grain's own share of the window: its whole time minus what it waits for from other grains.
        var clock = new WaitClock();
        var options = Options;
        var state = checkpoint.State;
        var commit = Math.Min(options.WindowSteps, s.Steps - first);
        var planned = Math.Min(options.WindowSteps + options.LookaheadSteps, s.Steps - first);

        var cleared = options.Clearing == Clearing.Regional
            ? await ClearRegionallyAsync(first, planned, commit, clock)
            : await ClearCentrallyAsync(first, planned, commit, clock);
        var settled = cleared.Settled;
        var next = new RunCheckpoint
        {
            NextStep = first + commit,
            Windows = state.Windows + 1,
            // The prices this window found for its look-ahead open the next window's negotiation.
            LookaheadPrices = commit < planned ? [.. cleared.NextPrices.Select(p => p[commit..])] : null,
            BindingRamps = cleared.BindingRamps,
            RegionMarketStarts = options.Clearing == Clearing.Regional ? [.. settled.Select(r => r.MarketStart)] : null,
            Assets = [.. state.Assets],
            Workloads = state.Workloads,
            GreedyBacklog = state.GreedyBacklog,
        };
        foreach (var region in s.Regions)
        {
            for (var i = 0; i < regionAssets[region.Index].Length; i++)
            {
                next.Assets[regionAssets[region.Index][i]] = settled[region.Index].States[i];
            }
        }
        if (cleared.Compute is { } placed)
        {
            var backlogs = await clock.On(Task.WhenAll(brokers.Select((b, w) => b.SettleAsync(new WorkSettlement(first, placed.RunMw[w], placed.UnfinishedMw[w])))));
            if (brokers.Length > 0)
            {
                next.Workloads = backlogs;
            }
            if (options.Placement == Placement.CarbonGreedy)
            {
                next.GreedyBacklog = [.. state.GreedyBacklog.Select((carried, w) => WorkBacklog.Apply(brokered!, w, carried, first, placed.RunMw[w], placed.UnfinishedMw[w]))];
            }
        }
        var record = cleared.Record with { CoordinatorSeconds = clock.Own.TotalSeconds };
        var report = new WindowReport(first, commit, [.. settled.Select(r => r.Rows)], cleared.Assets, cleared.Links, record, cleared.Compute ?? placement?.Slice(first, commit));

        // The report first, then the position: a failure in between leaves the old checkpoint, and the window is cleared again.
        // Retried as a whole: with storage away, even activating the record grain (it reads its row first) fails.
        await Durably.WriteAsync(() => Record(first).SaveAsync(report), $"window {first / options.WindowSteps} of run {this.GetPrimaryKeyString()}", logger);
        var previous = checkpoint.State;
        checkpoint.State = next;
        try
        {
            await Durably.WriteAsync(checkpoint.WriteStateAsync, $"the checkpoint of run {this.GetPrimaryKeyString()} at step {next.NextStep}", logger);
        }
        catch
        {
            checkpoint.State = previous;
            throw;
        }
        return report;
    }

    /// <summary>
    /// How a window was cleared: the regions' settlements, every asset's and link's committed steps, the prices over the
    /// whole plan; <c>NextPrices</c> are the prices the next window starts from (the central market's, or the regional
    /// negotiation's best-bound prices), <c>BindingRamps</c> the ramp rows it starts with (regional clearing only).
    /// </summary>
    private sealed record ClearedWindow(RegionSettled[] Settled, AssetStep[][] Assets, LinkStep[][] Links, NegotiationRecord Record, ComputeOutcome? Compute, double[][] Prices, double[][] NextPrices, int[]? BindingRamps = null);

    /// <summary>The window market in this grain: every asset's bids, the flexible assets' proposals mixed in (Dantzig-Wolfe).</summary>
    private async Task<ClearedWindow> ClearCentrallyAsync(int first, int planned, int commit, WaitClock clock)
    {
        var s = Scenario;
        var options = Options;
        var state = checkpoint.State;
        var bids = await clock.On(Task.WhenAll(regions.Select(r => r.CollectBidsAsync(new BidRequest(first, planned)))));
        using var market = new WindowMarket(s, options.MarketSolver, first, planned, bids.SelectMany(b => b), brokered);
        if (options.Placement == Placement.CarbonGreedy && brokered is not null)
        {
            // The baseline reads the carbon forecast of the clearing without flexible assets and places its work once.
            market.Solve();
            foreach (var plan in CarbonGreedyPlacement.Plan(brokered, first, planned, market.CarbonIntensity(), state.GreedyBacklog))
            {
                market.Add(plan);
            }
        }
        var record = await Negotiation.RunAsync(market, ProposeAsync, options.Negotiation, state.LookaheadPrices);
        record = record with { Lp = [market.Work] };
        var outcome = market.Outcome(commit);
        var settled = await clock.On(Task.WhenAll(s.Regions.Select(r => regions[r.Index].SettleAsync(new RegionSettlement(
            first,
            outcome.Regions[r.Index],
            [.. regionAssets[r.Index].Select(a => outcome.Assets[a])])))));
        return new ClearedWindow(settled, outcome.Assets, outcome.Links, record, outcome.Compute, market.Prices, market.Prices);

        async Task<Answers> ProposeAsync(PriceSignal signal)
        {
            var assets = Task.WhenAll(regions.Select((region, r) => region.CollectProposalsAsync(new ProposalRequest(first, signal.PricePerMwh[r], signal.TerminalPricePerMwh[r], signal.Request))));
            var work = ProposeWorkAsync(first, signal.WorkRouteCostPerMwStep, signal.Request);
            var proposals = await clock.On(assets);
            var plans = await clock.On(work);
            return new Answers([.. proposals.SelectMany(a => a).OrderBy(p => p.Asset)], plans);
        }
    }

    /// <summary>
    /// The regions clear their own assets; this grain couples them (regions × steps, links, workload brokers) and
    /// never sees an asset: what it does per window does not grow with the run's assets.
    /// </summary>
    private async Task<ClearedWindow> ClearRegionallyAsync(int first, int planned, int commit, WaitClock clock)
    {
        var s = Scenario;
        var options = Options;
        var state = checkpoint.State;
        await clock.On(Task.WhenAll(regions.Select((r, i) => r.OpenWindowAsync(new RegionWindowOpening(first, planned, commit, options.MarketSolver, state.RegionMarketStarts?[i])))));
        var coupled = await RegionalNegotiation.RunAsync(s, first, planned, commit,
            rounds => clock.On(Task.WhenAll(regions.Select((region, r) => region.RoundAsync(rounds[r])))),
            (costs, request) => clock.On(ProposeWorkAsync(first, costs, request)),
            brokers.Length > 0 ? brokered : null, state.Workloads, options.Negotiation, state.LookaheadPrices, state.BindingRamps);
        var (imports, exports) = BalanceClosure.Exchanges(s.Links, coupled.Flows, s.Regions.Length, commit);
        var batch = coupled.Compute?.CampusItMw(brokered!, commit) ?? [];
        var settled = await clock.On(Task.WhenAll(s.Regions.Select(r => regions[r.Index].SettleOwnClearingAsync(new RegionClearingSettlement(
            first, coupled.BestRound, coupled.Prices[r.Index][..commit], imports[r.Index], exports[r.Index],
            [.. batch.Where(c => s.Assets[c.Key].Region == r.Index).Select(c => new CampusBatch(c.Key, c.Value))])))));
        var assets = new AssetStep[s.Assets.Length][];
        for (var r = 0; r < settled.Length; r++)
        {
            for (var i = 0; i < regionAssets[r].Length; i++)
            {
                assets[regionAssets[r][i]] = settled[r].AssetSteps![i];
            }
        }
        // The coordinator's LPs and the regions' markets, by role.
        var lp = GridActors.Model.LinearProgramming.LpWork.ByRole([.. coupled.Record.Lp ?? [], .. settled.Select(r => r.Lp).OfType<GridActors.Model.LinearProgramming.LpWork>()]);
        return new ClearedWindow(settled, assets, coupled.Flows, coupled.Record with { Lp = lp }, coupled.Compute, coupled.Prices, coupled.BoundPrices, coupled.BindingRamps);
    }

    /// <summary>Every workload broker's answer to its route costs (per workload, route and step), in workload order.</summary>
    private async Task<WorkPlan[]> ProposeWorkAsync(int first, double[][][] routeCosts, int request)
    {
        var plans = await Task.WhenAll(brokers.Select((b, w) => b.ProposeAsync(new WorkRequest(first, routeCosts[w], request))));
        return [.. plans.SelectMany(p => p)];
    }

    private IWindowRecordGrain Record(int firstStep) =>
        GrainFactory.GetGrain<IWindowRecordGrain>($"{this.GetPrimaryKeyString()}/window/{firstStep / Options.WindowSteps}");

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {Run}: rolling back to its checkpoint at step {Step} and setting its grains up again")]
    private static partial void LogRollBack(ILogger logger, string run, int step);
}
