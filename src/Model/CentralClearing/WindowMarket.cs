using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.CentralClearing;

/// <summary>
/// The market coupling of one window and its look-ahead: every region and step cleared together
/// from the bids (ramps tie a plant's steps), with each flexible asset present as the proposals it
/// made so far. The market picks, for every flexible asset, the mix of its proposals (weights that
/// sum to one) that together with the bids costs the system least; the balance duals are the prices
/// it sends back. This is the master problem of a Dantzig-Wolfe decomposition (docs/negotiation.md).
/// </summary>
public sealed class WindowMarket : IDisposable
{
    private readonly ResolvedScenario scenario;
    private readonly DispatchLp lp;
    private readonly MarketTerms market;
    private readonly SortedDictionary<int, (LpConstraint Convexity, List<(Proposal Proposal, LpVariable Weight)> Columns)> flexible = [];
    private readonly BrokerColumns? brokers;
    private Dictionary<int, double> mixDuals = [];
    private bool solved;

    /// <summary>The market of steps [firstStep, firstStep + steps) from the bids; with <paramref name="compute"/>, workload brokers negotiate their placement here too.</summary>
    public WindowMarket(ResolvedScenario scenario, LpSolverKind solver, int firstStep, int steps, IEnumerable<AssetBid> bids, ComputeNetwork? compute = null)
    {
        this.scenario = scenario;
        lp = new DispatchLp(solver, scenario.Regions.Length, firstStep, steps, scenario.StepHours, "window market");
        market = new MarketTerms(lp, scenario.Links, scenario.Economics.ValueOfLostLoadPerMwh, lazyRamps: true);
        // Stores negotiate here as mixes of their proposals; their bids are for the regions' own markets, which hold them exactly.
        market.Build(bids.Where(b => b is not StorageBid));
        brokers = compute is { IsEmpty: false } ? new BrokerColumns(lp, compute) : null;
    }

    /// <summary>Adds a broker's plan as a new column.</summary>
    public void Add(WorkPlan plan) => Brokers.Add(plan);

    public bool KnowsWorkload(int workload) => Brokers.Knows(workload);

    /// <summary>See <see cref="Improvement(Proposal)"/>; for a broker's plan.</summary>
    public double Improvement(WorkPlan plan) => Brokers.Improvement(plan);

    /// <summary>Per workload, route and step: what a MW of its IT costs at these prices and the current clearing's scarcities.</summary>
    public double[][][] WorkRouteCosts(double[][] prices) =>
        brokers is null ? [] : [.. Enumerable.Range(0, brokers.Network.Routes.Length).Select(w => brokers.RouteCosts(w, prices))];

    /// <summary>Per workload, route and step: what a MW of its IT costs at the current clearing (priced once per clearing).</summary>
    public double[][][] WorkRouteCosts() => brokers?.CurrentRouteCosts ?? [];

    private BrokerColumns Brokers => brokers ?? throw new InvalidOperationException("this window market does not negotiate compute");

    public int FirstStep => lp.FirstStep;

    public int Steps => lp.Steps;

    /// <summary>Whether the window and its look-ahead reach the horizon's last step.</summary>
    public bool EndsWithHorizon => lp.FirstStep + lp.Steps >= scenario.Steps;

    /// <summary>The system cost of the current clearing over the window and its look-ahead.</summary>
    public double Objective { get; private set; }

    /// <summary>Prices per region and step of the current clearing.</summary>
    public double[][] Prices { get; private set; } = [];

    /// <summary>Adds a proposal as a new column: a weight in [0, 1] on its injections and its cost.</summary>
    public void Add(Proposal proposal)
    {
        if (!flexible.TryGetValue(proposal.Asset, out var entry))
        {
            entry = (lp.Solver.MakeConstraint(1, 1, $"mix_a{proposal.Asset}"), []);
            flexible[proposal.Asset] = entry;
        }
        var weight = lp.Variable(0, 1, $"weight_a{proposal.Asset}_{entry.Columns.Count}");
        entry.Convexity.SetCoefficient(weight, 1);
        for (var k = 0; k < proposal.InjectionMw.Length; k++)
        {
            if (proposal.InjectionMw[k] != 0)
            {
                lp.Inject(proposal.Region, k, weight, proposal.InjectionMw[k]);
            }
        }
        lp.AddCost(weight, proposal.Cost);
        entry.Columns.Add((proposal, weight));
    }

    public void Solve()
    {
        var status = market.Solve();
        if (status != LpStatus.Optimal)
        {
            throw new DispatchInfeasibleException(InfeasibilityReport.Explain(scenario, status, lp.FirstStep, lp.Steps));
        }
        solved = true;
        Objective = lp.Solver.Objective().Value();
        Prices = lp.Prices();
        // Read now: once a column is added the solver's duals are no longer available.
        mixDuals = flexible.ToDictionary(f => f.Key, f => f.Value.Convexity.DualValue());
        brokers?.ReadDuals(Prices);
    }

    /// <summary>
    /// How much a proposal would lower the system cost per unit of weight at the current prices
    /// (its reduced cost, negated; zero or less when it cannot help). Summed over the best proposal
    /// of every flexible asset, it bounds how far the current clearing is from the window optimum.
    /// </summary>
    public double Improvement(Proposal proposal)
    {
        var mixDual = mixDuals.TryGetValue(proposal.Asset, out var dual) ? dual : double.PositiveInfinity;
        return Math.Max(0, mixDual - proposal.CostAtPrices(Prices[proposal.Region], lp.StepHours));
    }

    /// <summary>Whether the asset had a column in the last clearing.</summary>
    public bool Knows(int asset) => mixDuals.ContainsKey(asset);

    /// <summary>The cleared window: the first <paramref name="commitSteps"/> steps of every asset, region and link.</summary>
    public WindowOutcome Outcome(int commitSteps)
    {
        if (!solved)
        {
            throw new InvalidOperationException("the window market was not solved");
        }
        var fromBids = market.AssetSteps(scenario.Assets.Length, commitSteps);
        var assets = new AssetStep[scenario.Assets.Length][];
        for (var a = 0; a < assets.Length; a++)
        {
            assets[a] = fromBids[a] ?? new AssetStep[commitSteps];
        }
        foreach (var (asset, (_, columns)) in flexible)
        {
            var mix = Mix(columns, commitSteps);
            for (var k = 0; k < commitSteps; k++)
            {
                assets[asset][k] = assets[asset][k].Plus(mix[k]);
            }
        }
        var compute = brokers?.Mix(commitSteps);
        if (compute is not null)
        {
            DatacenterLoad.AddBatch(scenario, brokers!.Network, compute, assets);
        }
        var links = market.LinkSteps(commitSteps);
        var regions = BalanceClosure.Close(scenario, assets, links, Prices, commitSteps);
        return new WindowOutcome(lp.FirstStep, commitSteps, assets, regions, links, compute);
    }

    /// <summary>Carbon intensity per region and step of the current clearing (t per MWh generated; 0 where nothing is generated).</summary>
    public double[][] CarbonIntensity()
    {
        var outcome = Outcome(lp.Steps);
        var intensity = new double[scenario.Regions.Length][];
        for (var r = 0; r < intensity.Length; r++)
        {
            intensity[r] = new double[lp.Steps];
        }
        for (var k = 0; k < lp.Steps; k++)
        {
            var emitted = new double[scenario.Regions.Length];
            var generated = new double[scenario.Regions.Length];
            foreach (var asset in scenario.Assets)
            {
                var produced = outcome.Assets[asset.Index][k].ProducedMw;
                if (asset is ThermalSpec t)
                {
                    emitted[t.Region] += produced * t.EmissionsTPerMwh;
                    generated[t.Region] += produced;
                }
                else if (asset is RenewableSpec)
                {
                    generated[asset.Region] += produced;
                }
            }
            for (var r = 0; r < intensity.Length; r++)
            {
                intensity[r][k] = generated[r] > 1e-9 ? emitted[r] / generated[r] : FirstToRun(r, lp.FirstStep + k);
            }
        }
        return intensity;
    }

    /// <summary>Where a region generates nothing, the intensity of what would run first there: its cheapest available generator.</summary>
    private double FirstToRun(int region, int step)
    {
        var cheapest = scenario.Assets
            .Where(a => a.Region == region)
            .Select(a => a switch
            {
                ThermalSpec t when t.CapacityMw * t.Availability[step] > 0 => (Price: Market.ThermalBidding.OfferPrice(t, scenario.Economics), Emissions: t.EmissionsTPerMwh),
                RenewableSpec v when v.CapacityMw * v.Availability[step] > 0 => (Price: v.MarginalCostPerMwh, Emissions: 0.0),
                _ => (Price: double.PositiveInfinity, Emissions: 0.0),
            })
            .OrderBy(x => x.Price)
            .FirstOrDefault();
        return double.IsFinite(cheapest.Price) ? cheapest.Emissions : 0;
    }

    /// <summary>The asset's schedule as the weighted mix of its proposals; weights are renormalised to sum to one exactly.</summary>
    private static AssetStep[] Mix(List<(Proposal Proposal, LpVariable Weight)> columns, int steps)
    {
        var weights = ColumnWeights.Of(columns.Select(c => c.Weight));
        var mix = new AssetStep[steps];
        for (var j = 0; j < columns.Count; j++)
        {
            if (weights[j] <= 0)
            {
                continue;
            }
            var w = weights[j];
            for (var k = 0; k < steps; k++)
            {
                mix[k] = mix[k].Plus(columns[j].Proposal.Steps[k].Times(w));
            }
        }
        return mix;
    }

    /// <summary>What the market's LP cost over the window's rounds.</summary>
    public LpWork Work => lp.Solver.Work;

    public void Dispose() => lp.Dispose();
}
