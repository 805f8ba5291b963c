using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Optimization;

/// <summary>
/// The central LP over steps [first, first + steps) from a <see cref="WindowStart"/>: every asset's exact limits and
/// costs, the links, and every store, shiftable load and workload written out in full. Over the whole horizon from
/// the initial state it is the optimal mode's model; over a window it is one window of the rolling optimum, with the
/// plants' limits tightened for ramps as the plant grains bid them (a window cannot see a drop in availability that
/// lies beyond it, so a plant is kept where it can still follow its limits).
/// </summary>
internal sealed class CentralModel : IDisposable
{
    private readonly ResolvedScenario scenario;
    private readonly Dictionary<int, StorageTerms> storage = [];
    private readonly Dictionary<int, ShiftTerms> shifts = [];

    private CentralModel(ResolvedScenario scenario, DispatchLp lp, MarketTerms market)
    {
        this.scenario = scenario;
        Lp = lp;
        Market = market;
    }

    public DispatchLp Lp { get; }

    public MarketTerms Market { get; }

    /// <summary>The compute part, when the scenario has workloads.</summary>
    public ComputeTerms? Compute { get; private set; }

    /// <summary>Whether the model reaches the horizon's last step.</summary>
    public bool EndsWithHorizon => Lp.FirstStep + Lp.Steps >= scenario.Steps;

    /// <summary>Whether the model holds stores, whose energy left at its end <see cref="ValueStoredEnergy"/> prices.</summary>
    public bool HasStorage => storage.Count > 0;

    /// <summary>
    /// The model of steps [<paramref name="first"/>, <paramref name="first"/> + <paramref name="steps"/>) from
    /// <paramref name="start"/>; with <paramref name="stableShape"/>, models of equal length get equal shapes
    /// (<see cref="PooledOffers.Build"/>), so that one can start from another's basis.
    /// </summary>
    public static CentralModel Build(ResolvedScenario scenario, LpSolverKind solverKind, int first, int steps, WindowStart start, string role, bool stableShape = false)
    {
        var last = scenario.Steps - 1;
        var whole = first == 0 && steps == scenario.Steps;
        var lp = new DispatchLp(solverKind, scenario.Regions.Length, first, steps, scenario.StepHours, role);
        var model = new CentralModel(scenario, lp, new MarketTerms(lp, scenario.Links, scenario.Economics.ValueOfLostLoadPerMwh, stableShape));
        var bids = new List<AssetBid>();
        foreach (var asset in scenario.Assets)
        {
            switch (asset)
            {
                case ThermalSpec t:
                    // Over the whole horizon the exact limits, so that an impossible ramp shows as an infeasible model;
                    // the ramp rows imply the tightened ones there, so both give the same optimum.
                    bids.Add(whole
                        ? ThermalBidding.ExactBid(t, scenario.Economics, scenario.StepHours)
                        : ThermalBidding.Bid(t, scenario.Economics, scenario.StepHours, first, steps, start.PreviousOutputMw[t.Index]));
                    break;
                case RenewableSpec r:
                    bids.Add(RenewableBidding.Bid(r, first, steps));
                    break;
                case DatacenterSpec d:
                    bids.Add(DatacenterBidding.Bid(d, first, steps));
                    break;
                case LoadSpec l:
                    bids.Add(LoadBidding.Bid(l, first, steps));
                    if (l.ShiftableFraction > 0)
                    {
                        var terms = ShiftTerms.Add(lp.Solver, l, first, steps, last, start.ShiftBacklog[l.Index]);
                        for (var k = 0; k < steps; k++)
                        {
                            lp.AddDemand(l.Region, k, terms.ShiftableMw[k]);
                            lp.Inject(l.Region, k, terms.Deferred[k], 1);
                            lp.Inject(l.Region, k, terms.Recovered[k], -1);
                        }
                        model.shifts[l.Index] = terms;
                    }
                    break;
                case StorageSpec s:
                    var store = StorageTerms.Add(lp.Solver, s, scenario.Economics, scenario.StepHours, first, steps, last, start.EnergyMwh[s.Index]);
                    for (var k = 0; k < steps; k++)
                    {
                        lp.Inject(s.Region, k, store.Discharge[k], 1);
                        lp.Inject(s.Region, k, store.Charge[k], -1);
                    }
                    model.storage[s.Index] = store;
                    break;
            }
        }
        model.Market.Build(bids);
        var network = new ComputeNetwork(scenario);
        if (!network.IsEmpty)
        {
            model.Compute = ComputeTerms.Add(lp, network, start.WorkBacklog);
        }
        return model;
    }

    /// <summary>
    /// Values the energy each store holds after the model's last step at its region's price (per MWh it can give
    /// back, so times its discharge efficiency), as a store grain values it against the negotiation's terminal price.
    /// </summary>
    public void ValueStoredEnergy(double[] pricePerMwh)
    {
        var objective = Lp.Solver.Objective();
        foreach (var (index, store) in storage)
        {
            var spec = (StorageSpec)scenario.Assets[index];
            objective.SetCoefficient(store.Energy[^1], -pricePerMwh[spec.Region] * spec.DischargeEfficiency);
        }
    }

    /// <summary>Solves; throws <see cref="DispatchInfeasibleException"/>, explained, when the model has no optimum.</summary>
    public void SolveOrThrow(CancellationToken cancellation = default)
    {
        var status = Lp.Solve(cancellation);
        cancellation.ThrowIfCancellationRequested();
        if (status != LpStatus.Optimal)
        {
            throw new DispatchInfeasibleException(InfeasibilityReport.Explain(scenario, status, Lp.FirstStep, Lp.Steps));
        }
    }

    /// <summary>The first <paramref name="steps"/> steps of the solved model as a window report (prices: the balance duals).</summary>
    public WindowReport Report(int steps, double[][] prices)
    {
        var assets = Schedules(steps);
        var compute = Compute?.Outcome().Slice(0, steps);
        if (compute is not null)
        {
            DatacenterLoad.AddBatch(scenario, Compute!.Network, compute, assets);
        }
        var links = Market.LinkSteps(steps);
        var regions = BalanceClosure.Close(scenario, assets, links, prices, steps);
        return WindowReports.Build(scenario, Lp.FirstStep, steps, assets, regions, links, negotiation: null, compute);
    }

    /// <summary>Every asset's first <paramref name="steps"/> steps: its market part plus, for stores and shiftable loads, the part written out here.</summary>
    private AssetStep[][] Schedules(int steps)
    {
        var fromBids = Market.AssetSteps(scenario.Assets.Length, steps);
        var assets = new AssetStep[scenario.Assets.Length][];
        foreach (var asset in scenario.Assets)
        {
            var schedule = fromBids[asset.Index] ?? new AssetStep[steps];
            var extra = storage.TryGetValue(asset.Index, out var st) ? st.Schedule()
                : shifts.TryGetValue(asset.Index, out var sh) ? sh.Schedule()
                : null;
            if (extra is not null)
            {
                for (var k = 0; k < steps; k++)
                {
                    schedule[k] = schedule[k].Plus(extra[k]);
                }
            }
            assets[asset.Index] = schedule;
        }
        return assets;
    }

    public void Dispose() => Lp.Dispose();
}
