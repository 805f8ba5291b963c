using System.Diagnostics;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>The horizon optimum: the dispatch as one report, the LP's own objective and how the solve went.</summary>
public sealed record OptimalDispatch(WindowReport Report, double Objective, string Solver, int Variables, int Constraints, double BuildSeconds, double SolveSeconds);

/// <summary>
/// The optimal mode: the whole horizon as one linear program with perfect foresight, with exactly
/// the cost and constraints of the scenario format, built from the same terms the negotiation uses.
/// Prices are the duals of the balance rows.
/// </summary>
public static class HorizonOptimizer
{
    /// <summary>
    /// Solves the horizon. <paramref name="cancellation"/> stops it after the build or interrupts the solve, with an
    /// <see cref="OperationCanceledException"/>.
    /// </summary>
    public static OptimalDispatch Solve(ResolvedScenario scenario, LpSolverKind solverKind, string? mpsPath = null, CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        var steps = scenario.Steps;
        using var model = HorizonModel.Build(scenario, solverKind);
        cancellation.ThrowIfCancellationRequested();
        if (mpsPath is not null)
        {
            AtomicFile.WriteAllText(mpsPath, model.Lp.Solver.ExportModelAsMpsFormat());
        }
        var buildSeconds = watch.Elapsed.TotalSeconds;

        watch.Restart();
        model.SolveOrThrow(scenario, cancellation);
        var objective = model.Lp.Solver.Objective().Value();
        // HiGHS's own row duals (OR-Tools handed back row activities in their place, so this once took a second solve with GLOP).
        var prices = model.Lp.Prices();
        var solveSeconds = watch.Elapsed.TotalSeconds;

        var assets = model.Schedules(scenario);
        var compute = model.Compute?.Outcome();
        if (compute is not null)
        {
            DatacenterLoad.AddBatch(scenario, model.Compute!.Network, compute, assets);
        }
        var links = model.Market.LinkSteps(steps);
        var regions = BalanceClosure.Close(scenario, assets, links, prices, steps);
        var report = WindowReports.Build(scenario, 0, steps, assets, regions, links, negotiation: null, compute);
        var solverName = LpSolvers.Name(solverKind);
        return new OptimalDispatch(report, objective, solverName, model.Lp.Solver.NumVariables(), model.Lp.Solver.NumConstraints(), buildSeconds, solveSeconds);
    }
}

/// <summary>The horizon LP as built: the market terms plus every store and shiftable load written out in full.</summary>
internal sealed class HorizonModel : IDisposable
{
    private readonly Dictionary<int, StorageTerms> storage = [];
    private readonly Dictionary<int, ShiftTerms> shifts = [];

    private HorizonModel(DispatchLp lp, MarketTerms market)
    {
        Lp = lp;
        Market = market;
    }

    public DispatchLp Lp { get; }

    public MarketTerms Market { get; }

    /// <summary>The compute part, when the scenario has workloads.</summary>
    public ComputeTerms? Compute { get; private set; }

    public static HorizonModel Build(ResolvedScenario scenario, LpSolverKind solverKind)
    {
        var steps = scenario.Steps;
        var last = steps - 1;
        var lp = new DispatchLp(solverKind, scenario.Regions.Length, 0, steps, scenario.StepHours, "horizon");
        var model = new HorizonModel(lp, new MarketTerms(lp, scenario.Links, scenario.Economics.ValueOfLostLoadPerMwh));
        var bids = new List<AssetBid>();
        foreach (var asset in scenario.Assets)
        {
            switch (asset)
            {
                case ThermalSpec t:
                    bids.Add(ThermalBidding.ExactBid(t, scenario.Economics, scenario.StepHours));
                    break;
                case RenewableSpec r:
                    bids.Add(RenewableBidding.Bid(r, 0, steps));
                    break;
                case DatacenterSpec d:
                    bids.Add(DatacenterBidding.Bid(d, 0, steps));
                    break;
                case LoadSpec l:
                    bids.Add(LoadBidding.Bid(l, 0, steps));
                    if (l.ShiftableFraction > 0)
                    {
                        var terms = ShiftTerms.Add(lp.Solver, l, 0, steps, last, []);
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
                    var store = StorageTerms.Add(lp.Solver, s, scenario.Economics, scenario.StepHours, 0, steps, last, s.InitialEnergyMwh);
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
            model.Compute = ComputeTerms.Add(lp, network);
        }
        return model;
    }

    public void SolveOrThrow(ResolvedScenario scenario, CancellationToken cancellation = default)
    {
        var status = Lp.Solve(cancellation);
        cancellation.ThrowIfCancellationRequested();
        if (status != LpStatus.Optimal)
        {
            throw new DispatchInfeasibleException(InfeasibilityReport.Explain(scenario, status, 0, Lp.Steps));
        }
    }

    /// <summary>Every asset's schedule: its market part plus, for stores and shiftable loads, the part written out here.</summary>
    public AssetStep[][] Schedules(ResolvedScenario scenario)
    {
        var steps = Lp.Steps;
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
