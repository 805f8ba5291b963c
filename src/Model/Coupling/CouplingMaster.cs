using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Coupling;

/// <summary>
/// The coordinator's market for a whole window, kept between rounds and only added to. Each region is its bid curve
/// (<see cref="RegionCurve"/>: blocks per step, and its plants whose ramps can bind in groups with their ramps, one
/// plant per group up to <see cref="RegionClearing.RegionCurves.MaxGroups"/>) plus a mix of its stores' and
/// shiftable loads' schedules (weights summing to one); links carry power with their losses, costs and capacities;
/// unserved and spilled energy keep every balance feasible; the workloads are held exactly (<see cref="ComputeTerms"/>,
/// from the work each carries in), so their placement needs no mix of the brokers' plans. A round adds the
/// new schedules as columns (a group's ramp rows once its ramp is broken) and re-solves from the last
/// basis. Its size is regions × steps × (blocks + groups), links × steps and the columns: it does not grow with
/// the run's assets beyond the curve's limits.
/// </summary>
internal sealed class CouplingMaster : IDisposable
{
    private readonly ResolvedScenario scenario;
    private readonly DispatchLp lp;
    private readonly MarketTerms grid;
    private readonly ComputeTerms? compute;
    private readonly RegionCurve[] curves;
    private readonly LpVariable[][][] blocks;
    private readonly LpConstraint[] mixes;
    private readonly LpVariable[][][] plants;
    private readonly Dictionary<(int Region, int Group), List<LpConstraint>> ramped = [];
    private readonly List<(FlexibleColumn Column, LpVariable Weight)>[] columns;
    private double[] terminal;

    /// <summary>
    /// The market of the window [<paramref name="firstStep"/>, <paramref name="firstStep"/> + <paramref name="steps"/>);
    /// the groups named in <paramref name="rampedBefore"/> (their <see cref="ThermalGroup.Plant"/>: groups whose ramps
    /// held the previous window's solution back) get their ramp rows from the start, since a day's ramps tend to bind
    /// again the next day: each one found broken instead costs the coordinator a solve more.
    /// </summary>
    public CouplingMaster(ResolvedScenario scenario, int firstStep, int steps, RegionCurve[] curves, ComputeNetwork? network, DeferredEnergy[][]? carriedWork, IReadOnlySet<int>? rampedBefore = null)
    {
        this.scenario = scenario;
        this.curves = curves;
        lp = new DispatchLp(LpSolverKind.Highs, scenario.Regions.Length, firstStep, steps, scenario.StepHours, "coordinator");
        // Rounds add columns (and now and then a group's ramp rows): the primal simplex goes on from the last basis.
        lp.Solver.PrimalWhenHot = true;
        grid = new MarketTerms(lp, scenario.Links, scenario.Economics.ValueOfLostLoadPerMwh);
        grid.Build([]);
        terminal = new double[curves.Length];
        blocks = new LpVariable[curves.Length][][];
        mixes = new LpConstraint[curves.Length];
        plants = new LpVariable[curves.Length][][];
        columns = new List<(FlexibleColumn, LpVariable)>[curves.Length];
        for (var r = 0; r < curves.Length; r++)
        {
            blocks[r] = new LpVariable[steps][];
            for (var k = 0; k < steps; k++)
            {
                lp.AddDemand(r, k, -curves[r].BaseMw[k]);
                var offered = curves[r].Blocks[k];
                blocks[r][k] = new LpVariable[offered.Length];
                for (var b = 0; b < offered.Length; b++)
                {
                    var block = lp.Variable(0, offered[b].Mw, $"block_r{r}_t{firstStep + k}_{b}");
                    lp.Inject(r, k, block, 1);
                    lp.AddEnergyCost(block, offered[b].PricePerMwh);
                    blocks[r][k][b] = block;
                }
            }
            plants[r] = new LpVariable[curves[r].Plants.Length][];
            for (var g = 0; g < curves[r].Plants.Length; g++)
            {
                var group = curves[r].Plants[g];
                plants[r][g] = new LpVariable[steps];
                for (var k = 0; k < steps; k++)
                {
                    var above = lp.Variable(0, group.RoomMw[k], $"plants_r{r}_g{g}_t{firstStep + k}");
                    lp.Inject(r, k, above, 1);
                    lp.AddEnergyCost(above, group.PricePerMwh[k]);
                    plants[r][g][k] = above;
                }
                if (rampedBefore?.Contains(group.Plant) == true)
                {
                    AddRamps(r, g);
                }
            }
            mixes[r] = lp.Solver.MakeConstraint(1, 1, $"flexible_r{r}");
            columns[r] = [];
        }
        if (network is { IsEmpty: false })
        {
            compute = ComputeTerms.Add(lp, network, carriedWork);
        }
    }

    /// <summary>Values the energy a region's stores leave at the end at its terminal price from now on.</summary>
    public void SetTerminal(double[] pricePerMwh)
    {
        terminal = pricePerMwh;
        for (var r = 0; r < columns.Length; r++)
        {
            foreach (var (column, weight) in columns[r])
            {
                lp.Solver.Objective().SetCoefficient(weight, column.Cost - terminal[r] * column.HeldMwh);
            }
        }
    }

    /// <summary>Adds a schedule of region <paramref name="r"/>'s stores and shiftable loads, unless it has it already.</summary>
    public void Add(int r, FlexibleColumn column)
    {
        foreach (var (known, _) in columns[r])
        {
            if (known.InjectionMw.AsSpan().SequenceEqual(column.InjectionMw) && known.Cost == column.Cost && known.HeldMwh == column.HeldMwh)
            {
                return;
            }
        }
        var weight = lp.Variable(0, 1, $"flexible_r{r}_{columns[r].Count}");
        mixes[r].SetCoefficient(weight, 1);
        for (var k = 0; k < lp.Steps; k++)
        {
            // A coefficient at round-off level next to ones of 1e4 makes the simplex stall: it is none.
            if (Math.Abs(column.InjectionMw[k]) > RoundOffMw)
            {
                lp.Inject(r, k, weight, column.InjectionMw[k]);
            }
        }
        lp.AddCost(weight, column.Cost - terminal[r] * column.HeldMwh);
        columns[r].Add((column, weight));
    }


    private const double RoundOffMw = 1e-7;

    /// <summary>Per region and step, the balance's dual: the price of a MW delivered there (currency/MWh).</summary>
    public double[][] Prices { get; private set; } = [];

    /// <summary>Per region and step, the net injection its assets are to deliver.</summary>
    public double[][] Injections { get; private set; } = [];

    /// <summary>What the solution costs outside the regions' own assets: link charges, unserved and spilled energy, the workloads' data costs and SLA penalties.</summary>
    public double GridCost { get; private set; }

    /// <summary>
    /// Solves until no plant group's ramp is broken: a group whose solution breaks its ramp gets all its ramp rows
    /// and the LP is solved again from its basis (the rows that never bind are never added).
    /// </summary>
    public void Solve()
    {
        while (true)
        {
            var status = lp.Solve();
            if (status != LpStatus.Optimal)
            {
                throw new InvalidOperationException($"the coordinator's market of {lp.Steps} steps from step {lp.FirstStep} could not be solved (status {status})");
            }
            if (AddBrokenRamps() == 0)
            {
                break;
            }
        }
        Prices = lp.Prices();
        Shadows = compute?.Shadows() ?? ScarcityShadows.None;
        var regionCost = 0.0;
        var injections = new double[curves.Length][];
        for (var r = 0; r < curves.Length; r++)
        {
            injections[r] = (double[])curves[r].BaseMw.Clone();
            for (var k = 0; k < lp.Steps; k++)
            {
                var offered = curves[r].Blocks[k];
                for (var b = 0; b < offered.Length; b++)
                {
                    var mw = blocks[r][k][b].SolutionValue();
                    injections[r][k] += mw;
                    regionCost += mw * offered[b].PricePerMwh * lp.StepHours;
                }
            }
            for (var g = 0; g < curves[r].Plants.Length; g++)
            {
                for (var k = 0; k < lp.Steps; k++)
                {
                    var mw = plants[r][g][k].SolutionValue();
                    injections[r][k] += mw;
                    regionCost += mw * curves[r].Plants[g].PricePerMwh[k] * lp.StepHours;
                }
            }
            foreach (var (column, weight) in columns[r])
            {
                var w = weight.SolutionValue();
                if (w <= 0)
                {
                    continue;
                }
                for (var k = 0; k < lp.Steps; k++)
                {
                    injections[r][k] += w * column.InjectionMw[k];
                }
                regionCost += w * (column.Cost - terminal[r] * column.HeldMwh);
            }
        }
        Injections = injections;
        // The floors' cost is a constant, not in the LP's objective.
        GridCost = lp.Solver.Objective().Value() - regionCost;
    }

    private int AddBrokenRamps()
    {
        var added = 0;
        for (var r = 0; r < curves.Length; r++)
        {
            for (var g = 0; g < curves[r].Plants.Length; g++)
            {
                if (ramped.ContainsKey((r, g)) || !Breaks(curves[r].Plants[g], plants[r][g]))
                {
                    continue;
                }
                AddRamps(r, g);
                added++;
            }
        }
        return added;
    }

    /// <summary>
    /// The groups (by <see cref="ThermalGroup.Plant"/>, ascending) whose ramp rows have a price in the last solution:
    /// those whose ramps hold the dispatch back, for the next window's coordinator to start with. A row at its limit
    /// without a price is not needed, and every row carried costs each of the next window's solves.
    /// </summary>
    public int[] BindingRamps() =>
        [.. ramped.Where(x => x.Value.Any(row => Math.Abs(row.DualValue()) > BindingDual)).Select(x => curves[x.Key.Region].Plants[x.Key.Group].Plant).Order()];

    /// <summary>A ramp row's dual below this (currency/MW) is round-off: the row does not bind.</summary>
    private const double BindingDual = 1e-6;

    private static bool Breaks(ThermalGroup group, LpVariable[] above)
    {
        var ramp = group.RampMwPerStep + RampToleranceMw;
        var previous = group.PreviousOutputMw;
        for (var k = 0; k < above.Length; k++)
        {
            var output = group.FloorMw[k] + above[k].SolutionValue();
            if (previous is { } before && Math.Abs(output - before) > ramp)
            {
                return true;
            }
            previous = output;
        }
        return false;
    }

    /// <summary>A ramp broken by less than this is solver round-off (MW).</summary>
    private const double RampToleranceMw = 1e-6;

    /// <summary>|floor(k) + x(k) − floor(k−1) − x(k−1)| ≤ ramp, and the first step from the output before the window.</summary>
    private void AddRamps(int r, int g)
    {
        var group = curves[r].Plants[g];
        var above = plants[r][g];
        var ramp = group.RampMwPerStep;
        var rows = new List<LpConstraint>(above.Length);
        for (var k = 0; k < above.Length; k++)
        {
            if (k > 0)
            {
                var change = group.FloorMw[k] - group.FloorMw[k - 1];
                var row = lp.Solver.MakeConstraint(-ramp - change, ramp - change, $"ramp_r{r}_g{g}_t{lp.FirstStep + k}");
                row.SetCoefficient(above[k], 1);
                row.SetCoefficient(above[k - 1], -1);
                rows.Add(row);
            }
            else if (group.PreviousOutputMw is { } previous)
            {
                var row = lp.Solver.MakeConstraint(previous - ramp - group.FloorMw[0], previous + ramp - group.FloorMw[0], $"ramp_r{r}_g{g}_t{lp.FirstStep}");
                row.SetCoefficient(above[0], 1);
                rows.Add(row);
            }
        }
        ramped[(r, g)] = rows;
    }

    /// <summary>Per workload, route and step: what a MW of its IT costs at <paramref name="prices"/> and <paramref name="shadows"/>.</summary>
    public double[][][] WorkRouteCosts(double[][] prices, ScarcityShadows shadows) =>
        compute?.RouteCosts(prices, shadows) ?? [];

    /// <summary>This clearing's scarcity values of the campuses and the links' bandwidth.</summary>
    public ScarcityShadows Shadows { get; private set; } = ScarcityShadows.None;

    /// <summary>What the campuses' capacity and the links' bandwidth are worth at <paramref name="shadows"/>.</summary>
    public double ScarcityRent(ScarcityShadows shadows) => compute?.ScarcityRent(shadows) ?? 0;

    public LinkStep[][] Flows(int steps) => grid.LinkSteps(steps);

    /// <summary>Where and when the workloads run in the solution, and what they leave unfinished, for the first <paramref name="steps"/> steps.</summary>
    public ComputeOutcome? Compute(int steps) => compute?.Outcome().Slice(0, steps);

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

    /// <summary>What the coordinator's LP cost over the window's rounds.</summary>
    public LpWork Work => lp.Solver.Work;

    public void Dispose() => lp.Dispose();
}
