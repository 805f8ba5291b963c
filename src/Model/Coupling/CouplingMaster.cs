using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Coupling;

/// <summary>
/// The coordinator's market in one round of a window: it couples the regions and nothing inside
/// them. Each region is present as its best clearing so far, its offer around it (blocks per step,
/// scaled by the trust the last rounds earned) and a mix of the schedules it offered before (its
/// clearings and its responses to prices), taken towards with weights summing to at most a half; links carry power between regions with their
/// losses, costs and capacities; unserved and spilled energy keep every balance feasible; workload
/// brokers' plans are mixed as before. Its size is regions × steps × (blocks + columns) plus links
/// × steps: it does not grow with the run's assets. Built afresh each round.
/// </summary>
internal sealed class CouplingMaster : IDisposable
{
    private readonly ResolvedScenario scenario;
    private readonly DispatchLp lp;
    private readonly MarketTerms grid;
    private readonly BrokerColumns? brokers;
    private readonly List<(int Region, int Column, LpVariable Variable, double[] Delta, double DeltaCost)> towards = [];
    private readonly List<(int Region, int K, LpVariable Variable, double Sign, double PricePerMwh)> moves = [];
    private readonly RegionColumn[] centres;
    private readonly double reach;

    public CouplingMaster(ResolvedScenario scenario, LpSolverKind solver, int firstStep, int steps,
        RegionReply[] centre, IReadOnlyList<RegionColumn>[] offered, ComputeNetwork? compute, IEnumerable<WorkPlan> plans, double reach)
    {
        this.scenario = scenario;
        lp = new DispatchLp(solver, scenario.Regions.Length, firstStep, steps, scenario.StepHours, "coordinator");
        grid = new MarketTerms(lp, scenario.Links, scenario.Economics.ValueOfLostLoadPerMwh);
        grid.Build([]);
        this.reach = reach;
        centres = [.. centre.Select(r => r.Cleared)];
        for (var r = 0; r < centre.Length; r++)
        {
            AddRegion(r, centre[r], offered[r]);
        }
        if (compute is { IsEmpty: false })
        {
            brokers = new BrokerColumns(lp, compute);
            foreach (var plan in plans)
            {
                brokers.Add(plan);
            }
        }
    }

    private void AddRegion(int r, RegionReply reply, IReadOnlyList<RegionColumn> offered)
    {
        var centre = reply.Cleared;
        // At most a share s̄ is taken towards earlier schedules and the moves keep (1 - s̄) of their room, so
        // neither can take the region further than its schedules and its offer together allow.
        var shares = lp.Solver.MakeConstraint(0, MaxShare, $"share_r{r}");
        for (var k = 0; k < lp.Steps; k++)
        {
            // The centre's injection is supply the region brings whatever else is chosen.
            lp.AddDemand(r, k, -centre.InjectionMw[k]);
            AddMoves(r, k, reply.Up[k], +1);
            AddMoves(r, k, reply.Down[k], -1);
        }
        for (var j = 0; j < offered.Count; j++)
        {
            var column = offered[j];
            var delta = new double[lp.Steps];
            var any = false;
            for (var k = 0; k < lp.Steps; k++)
            {
                // A difference at round-off level is none: coefficients of 1e-12 next to ones of 1e4 make the simplex stall.
                var difference = column.InjectionMw[k] - centre.InjectionMw[k];
                delta[k] = Math.Abs(difference) > RoundOffMw ? difference : 0;
                any |= delta[k] != 0;
            }
            if (!any)
            {
                continue;
            }
            var weight = lp.Variable(0, 1, $"towards_r{r}_{j}");
            shares.SetCoefficient(weight, 1);
            for (var k = 0; k < lp.Steps; k++)
            {
                if (delta[k] != 0)
                {
                    lp.Inject(r, k, weight, delta[k]);
                }
            }
            lp.AddCost(weight, column.Cost - centre.Cost);
            towards.Add((r, j, weight, delta, column.Cost - centre.Cost));
        }
    }

    private void AddMoves(int r, int k, Move[] blocks, double sign)
    {
        for (var b = 0; b < blocks.Length; b++)
        {
            var move = lp.Variable(0, blocks[b].Mw * (1 - MaxShare) * reach, $"{(sign > 0 ? "up" : "down")}_r{r}_t{lp.FirstStep + k}_{b}");
            lp.Inject(r, k, move, sign);
            lp.AddEnergyCost(move, sign * blocks[b].PricePerMwh);
            moves.Add((r, k, move, sign, blocks[b].PricePerMwh));
        }
    }

    /// <summary>Injection differences below this are solver round-off (MW).</summary>
    private const double RoundOffMw = 1e-7;

    /// <summary>The most a region's point is taken towards its earlier schedules in one round.</summary>
    private const double MaxShare = 0.5;

    public double[][] Prices { get; private set; } = [];



    /// <summary>Per region, which of its offered schedules the solution mixes in (by their index in the list it was given).</summary>
    public HashSet<int>[] Used { get; private set; } = [];

    /// <summary>Per region and step, the net injection its assets are to deliver.</summary>
    public double[][] Injections { get; private set; } = [];

    /// <summary>What the solution costs outside the regions' own assets: link charges, unserved and spilled energy, the brokers' own costs.</summary>
    public double GridCost { get; private set; }

    public void Solve()
    {
        var status = lp.Solve();
        if (status != LpStatus.Optimal)
        {
            throw new InvalidOperationException($"the coordinator's market of {lp.Steps} steps from step {lp.FirstStep} could not be solved (status {status})");
        }
        Prices = lp.Prices();
        brokers?.ReadDuals(Prices);
        var injections = centres.Select(c => (double[])c.InjectionMw.Clone()).ToArray();
        var regionCost = 0.0;
        foreach (var (r, k, move, sign, price) in moves)
        {
            var mw = move.SolutionValue();
            injections[r][k] += sign * mw;
            regionCost += sign * mw * price * lp.StepHours;
        }
        Used = [.. centres.Select(_ => new HashSet<int>())];
        foreach (var (r, j, weight, delta, deltaCost) in towards)
        {
            var w = weight.SolutionValue();
            if (w <= 1e-9)
            {
                continue;
            }
            Used[r].Add(j);
            for (var k = 0; k < delta.Length; k++)
            {
                injections[r][k] += w * delta[k];
            }
            regionCost += w * deltaCost;
        }
        Injections = injections;
        GridCost = lp.Solver.Objective().Value() - regionCost;
    }

    /// <summary>Per workload, route and step: what a MW of its IT costs at <paramref name="prices"/> and <paramref name="shadows"/>.</summary>
    public double[][][] WorkRouteCosts(double[][] prices, ScarcityShadows shadows) =>
        brokers is null ? [] : [.. Enumerable.Range(0, brokers.Network.Routes.Length).Select(w => brokers.RouteCosts(w, prices, shadows))];

    /// <summary>This clearing's scarcity values of the campuses and the links' bandwidth.</summary>
    public ScarcityShadows Shadows => brokers?.Shadows ?? ScarcityShadows.None;

    public double ScarcityRent(ScarcityShadows shadows) => brokers?.ScarcityRent(shadows) ?? 0;

    public LinkStep[][] Flows(int steps) => grid.LinkSteps(steps);

    public ComputeOutcome? Compute(int steps) => brokers?.Mix(steps);

    /// <summary>
    /// The links' and the balancing slacks' term of the Lagrangian at <paramref name="prices"/>:
    /// the least they can cost against those prices, each flow at zero or at its capacity. Minus
    /// infinity when a price is beyond the value of lost load (some slack would pay without limit).
    /// </summary>
    public double GridValue(double[][] prices)
    {
        var hours = lp.StepHours;
        var voll = scenario.Economics.ValueOfLostLoadPerMwh;
        var value = 0.0;
        for (var r = 0; r < prices.Length; r++)
        {
            foreach (var price in prices[r])
            {
                if (Math.Abs(price) > voll * (1 + 1e-9))
                {
                    return double.NegativeInfinity;
                }
            }
        }
        foreach (var link in scenario.Links)
        {
            for (var k = 0; k < lp.Steps; k++)
            {
                var forward = (link.CostPerMwh + prices[link.From][k] - prices[link.To][k] * (1 - link.LossFraction)) * hours;
                var reverse = (link.CostPerMwh + prices[link.To][k] - prices[link.From][k] * (1 - link.LossFraction)) * hours;
                value += Math.Min(0, forward) * link.CapacityMw + Math.Min(0, reverse) * link.CapacityReverseMw;
            }
        }
        return value;
    }

    /// <summary>What this round's LP cost.</summary>
    public GridActors.Model.LinearProgramming.LpWork Work => lp.Solver.Work;

    public void Dispose() => lp.Dispose();
}
