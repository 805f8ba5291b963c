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
/// from the work each carries in, a campus's capacity and a link's bandwidth once a solution breaks them), so their
/// placement needs no mix of the brokers' plans. A round adds the
/// new schedules as columns (a group's ramp rows once its ramp is broken) and re-solves from the last
/// basis. Of the curves it holds as columns only the offers near each region's price (<see cref="CurveOffers"/>), so
/// its size is regions × steps × a few offers, links × steps and the schedules: it does not grow with the run's assets.
/// </summary>
internal sealed class CouplingMaster : IDisposable
{
    private readonly ResolvedScenario scenario;
    private readonly DispatchLp lp;
    private readonly MarketTerms grid;
    private readonly ComputeTerms? compute;
    private readonly RegionCurve[] curves;
    private readonly CurveOffers offers;
    private readonly LpConstraint[] mixes;
    private readonly Dictionary<(int Region, int Group), List<LpConstraint>> ramped = [];
    private readonly List<MixColumn>[] columns;

    /// <summary>A schedule in its region's mix: its weight, and the solves in a row that weight has been 0.</summary>
    private sealed class MixColumn(FlexibleColumn column, LpVariable weight)
    {
        public FlexibleColumn Column { get; } = column;
        public LpVariable Weight { get; } = weight;
        public int IdleSolves { get; set; }

        public void Deconstruct(out FlexibleColumn column, out LpVariable weight) => (column, weight) = (Column, Weight);
    }

    /// <summary>
    /// A schedule unused for this many solves in a row has its weight fixed at 0 until its region proposes it again. A
    /// region proposes a schedule a round, so late in a long window a region has dozens, ever more alike; bases made of
    /// nearly parallel columns slow HiGHS's simplex iterations down fivefold and then stall it (a generated 10,000-asset
    /// window, seed 3: a re-solve at 1.7 ms an iteration against 0.3, then one past its iteration limit). The columns
    /// the mix uses stay, so the coordinator's optimum can only be the same or above: the bound is the regions', unchanged.
    /// </summary>
    private const int RetireAfterIdleSolves = 5;

    private readonly int retireAfterIdleSolves;

    /// <summary>How many schedules have their weight fixed at 0 now, unused for long.</summary>
    public int RetiredSchedules => columns.Sum(region => region.Count(c => c.IdleSolves >= retireAfterIdleSolves));
    private double[] terminal;

    /// <summary>What the first guess of the prices cost (<see cref="ExpectedPrices"/>).</summary>
    private readonly LpWork guessWork;

    /// <summary>
    /// The market of the window [<paramref name="firstStep"/>, <paramref name="firstStep"/> + <paramref name="steps"/>);
    /// the groups named in <paramref name="rampedBefore"/> (their <see cref="ThermalGroup.Plant"/>: groups whose ramps
    /// held the previous window's solution back) get their ramp rows from the start, since a day's ramps tend to bind
    /// again the next day: each one found broken instead costs the coordinator a solve more. <paramref name="firstSchedules"/>,
    /// a schedule per region of its stores and shiftable loads, open the mixes; the prices the previous window found for
    /// the steps it planned (<paramref name="warmPrices"/>) and the market at those schedules choose the offers to start with.
    /// Re-solves after new columns alone take the primal simplex while the LP holds fewer than <paramref name="primalRowLimit"/> rows.
    /// A schedule unused for <paramref name="retireAfterIdleSolves"/> solves in a row is fixed at 0 until proposed again.
    /// </summary>
    public CouplingMaster(ResolvedScenario scenario, int firstStep, int steps, RegionCurve[] curves, ComputeNetwork? network, DeferredEnergy[][]? carriedWork,
        FlexibleColumn[] firstSchedules, IReadOnlySet<int>? rampedBefore = null, double[][]? warmPrices = null, int openAround = CurveOffers.OpenAround, bool lazyLimits = true,
        int primalRowLimit = PrimalRowLimit, int retireAfterIdleSolves = RetireAfterIdleSolves)
    {
        this.retireAfterIdleSolves = retireAfterIdleSolves;
        this.scenario = scenario;
        this.curves = curves;
        lp = new DispatchLp(LpSolverKind.Highs, scenario.Regions.Length, firstStep, steps, scenario.StepHours, "coordinator");
        lp.Solver.PrimalWhenHotBelowRows = primalRowLimit;
        grid = new MarketTerms(lp, scenario.Links, scenario.Economics.ValueOfLostLoadPerMwh);
        grid.Build([]);
        terminal = new double[curves.Length];
        // The offers to start with are chosen around the previous window's prices for the steps it planned, and for the
        // others around the prices of this window's market at the first schedules, without ramps, solved over those steps
        // only (a 48-step window's last 24), with no work carried into them. National week: 61,400 → 49,401 iterations
        // over the windows' first guesses and solves against solving the whole window, the same re-solves after.
        var known = Math.Min(warmPrices?.Min(p => p.Length) ?? 0, steps - 1);
        (var expected, guessWork) = ExpectedPrices(scenario, firstStep + known, steps - known, [.. curves.Select(c => c.From(known))], network,
            known == 0 ? carriedWork : null, [.. firstSchedules.Select(f => f with { InjectionMw = f.InjectionMw[known..] })]);
        offers = new CurveOffers(lp, curves, known == 0 ? expected : [.. warmPrices!.Select((warm, r) => warm[..known].Concat(expected[r]).ToArray())], openAround);
        mixes = new LpConstraint[curves.Length];
        columns = new List<MixColumn>[curves.Length];
        for (var r = 0; r < curves.Length; r++)
        {
            for (var g = 0; g < curves[r].Plants.Length; g++)
            {
                if (rampedBefore?.Contains(curves[r].Plants[g].Plant) == true)
                {
                    AddRamps(r, g);
                }
            }
            mixes[r] = lp.Solver.MakeConstraint(1, 1, $"flexible_r{r}");
            columns[r] = [];
        }
        if (network is { IsEmpty: false })
        {
            // Campus and link limits enter when a solution breaks them: most never bind, and each row costs every re-solve.
            compute = ComputeTerms.Add(lp, network, carriedWork, lazyLimits);
        }
        for (var r = 0; r < curves.Length; r++)
        {
            Add(r, firstSchedules[r]);
        }
    }

    /// <summary>
    /// The prices of the window's market with every offer a column, the regions' stores and shiftable loads held at
    /// <paramref name="schedules"/>, and no ramps: one cold solve (presolved), a first guess of the coordinator's prices
    /// for choosing the offers it starts with (<see cref="CurveOffers"/>). A poor guess costs re-solves, never the optimum.
    /// </summary>
    private static (double[][] Prices, LpWork Work) ExpectedPrices(ResolvedScenario scenario, int firstStep, int steps, RegionCurve[] curves, ComputeNetwork? network, DeferredEnergy[][]? carriedWork, FlexibleColumn[] schedules)
    {
        using var market = new DispatchLp(LpSolverKind.Highs, scenario.Regions.Length, firstStep, steps, scenario.StepHours, "coordinator");
        new MarketTerms(market, scenario.Links, scenario.Economics.ValueOfLostLoadPerMwh).Build([]);
        for (var r = 0; r < curves.Length; r++)
        {
            for (var k = 0; k < steps; k++)
            {
                market.AddDemand(r, k, -schedules[r].InjectionMw[k]);
            }
        }
        var noGuess = curves.Select(_ => new double[steps]).ToArray();
        _ = new CurveOffers(market, curves, noGuess, openAround: int.MaxValue);
        if (network is { IsEmpty: false })
        {
            ComputeTerms.Add(market, network, carriedWork, lazyLimits: true);
        }
        var status = market.Solve();
        return (status == LpStatus.Optimal ? market.Prices() : noGuess, market.Solver.Work);
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
        foreach (var mixed in columns[r])
        {
            var known = mixed.Column;
            if (known.InjectionMw.AsSpan().SequenceEqual(column.InjectionMw) && known.Cost == column.Cost && known.HeldMwh == column.HeldMwh)
            {
                if (mixed.IdleSolves >= retireAfterIdleSolves)
                {
                    // Proposed again: it is an answer to today's prices after all.
                    mixed.Weight.SetBounds(0, 1);
                    mixed.IdleSolves = 0;
                }
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
        columns[r].Add(new MixColumn(column, weight));
    }


    private const double RoundOffMw = 1e-7;

    /// <summary>Per region and step, the balance's dual: the price of a MW delivered there (currency/MWh).</summary>
    public double[][] Prices { get; private set; } = [];

    /// <summary>Per region and step, the net injection its assets are to deliver.</summary>
    public double[][] Injections { get; private set; } = [];

    /// <summary>How many columns the LP holds: offers near the prices, schedules, links, slacks and workloads.</summary>
    public int Columns => lp.Solver.NumVariables();

    /// <summary>How many rows the LP holds: balances, mixes, the ramps and limits added so far, and the workloads'.</summary>
    public int Rows => lp.Solver.NumConstraints();

    /// <summary>What the last solution costs above the curves' base: offers, schedules, links and slacks (currency), whichever offers have columns.</summary>
    public double Objective => lp.Solver.Objective().Value() + offers.TakenCost;

    /// <summary>What the solution costs outside the regions' own assets: link charges, unserved and spilled energy, the workloads' data costs and SLA penalties.</summary>
    public double GridCost { get; private set; }

    /// <summary>
    /// Below this many rows a re-solve after new columns alone (a round's schedules, offers opened) takes the primal
    /// simplex, which goes on from the last basis (still primal feasible); from this many on, the dual simplex. HiGHS's
    /// primal iterations grow dearer with the rows faster than its dual's (coordinators measured, a round's re-solve:
    /// 0.18 against 0.13 ms an iteration at 5,300 rows, generated 1,000 assets; 0.63 against 0.23 ms at 38,000,
    /// generated 10,000), while the dual takes more iterations (1.7 times at 1,000 assets). Generated 1,000-asset
    /// coordinators hold 5,000-6,500 rows, 3,000-asset ones 12,500, the national week's 35,000.
    /// </summary>
    private const int PrimalRowLimit = 10_000;

    /// <summary>
    /// Solves until no offer is mispriced and no plant group's ramp, campus's capacity or link's bandwidth is broken: a
    /// group whose solution breaks its ramp gets all its ramp rows, a broken limit its row, and the LP is solved again
    /// from its basis (the rows that never bind are never added).
    /// </summary>
    public void Solve()
    {
        while (true)
        {
            var status = lp.Solve();
            if (status != LpStatus.Optimal)
            {
                // With unserved and spilled energy priced the coordinator always has an optimum: this is the solver failing.
                throw SolverFailedException.For(lp.Solver, $"coordinator's market of {lp.Steps} steps from step {lp.FirstStep}", status);
            }
            // Offers the prices say were wrongly assumed used or unused get columns first: the ramps are checked on a
            // solution that is optimal for the whole curves, so that a group's columns added with its rows keep the
            // basis dual feasible.
            if (offers.OpenMispriced(lp.Prices()) == 0 && AddBrokenRamps() == 0 && (compute?.AddBrokenLimits() ?? 0) == 0)
            {
                break;
            }
        }
        RetireIdleSchedules();
        Prices = lp.Prices();
        Shadows = compute?.Shadows() ?? ScarcityShadows.None;
        var regionCost = 0.0;
        var injections = new double[curves.Length][];
        for (var r = 0; r < curves.Length; r++)
        {
            var offered = offers.Output(r);
            injections[r] = [.. curves[r].BaseMw.Select((mw, k) => mw + offered[k])];
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
        // The floors' and the taken offers' cost are constants, not in the LP's objective.
        GridCost = lp.Solver.Objective().Value() - regionCost - offers.ColumnCost();
    }

    /// <summary>Counts each schedule's solves unused in a row and fixes at 0 those unused for <see cref="RetireAfterIdleSolves"/>.</summary>
    private void RetireIdleSchedules()
    {
        foreach (var mixed in columns.SelectMany(region => region))
        {
            if (mixed.Weight.SolutionValue() > 0)
            {
                mixed.IdleSolves = 0;
            }
            else if (++mixed.IdleSolves == retireAfterIdleSolves)
            {
                // A bound, not a deletion: the basis stays valid (the weight is at 0 already) and the re-solve is hot.
                mixed.Weight.SetBounds(0, 0);
            }
        }
    }

    private int AddBrokenRamps()
    {
        var added = 0;
        for (var r = 0; r < curves.Length; r++)
        {
            for (var g = 0; g < curves[r].Plants.Length; g++)
            {
                if (ramped.ContainsKey((r, g)) || !Breaks(curves[r].Plants[g], offers.Groups[r][g]))
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

    private static bool Breaks(ThermalGroup group, CurveOffer[] above)
    {
        var ramp = group.RampMwPerStep + RampToleranceMw;
        var previous = group.PreviousOutputMw;
        for (var k = 0; k < above.Length; k++)
        {
            var output = group.FloorMw[k] + above[k].OutputMw;
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

    /// <summary>
    /// |floor(k) + y(k) − floor(k−1) − y(k−1)| ≤ ramp, and the first step from the output before the window, where the
    /// output above the floor y(k) is the offer's assumed part plus or minus its column: every step gets its column.
    /// </summary>
    private void AddRamps(int r, int g)
    {
        var group = curves[r].Plants[g];
        var above = offers.Groups[r][g];
        for (var k = 0; k < above.Length; k++)
        {
            offers.Open(r, k, above[k], $"plants_r{r}_g{g}_t{lp.FirstStep + k}");
        }
        double Assumed(int k) => above[k].Taken ? above[k].Mw : 0;
        var ramp = group.RampMwPerStep;
        var rows = new List<LpConstraint>(above.Length);
        for (var k = 0; k < above.Length; k++)
        {
            if (k > 0)
            {
                var change = group.FloorMw[k] + Assumed(k) - group.FloorMw[k - 1] - Assumed(k - 1);
                var row = lp.Solver.MakeConstraint(-ramp - change, ramp - change, $"ramp_r{r}_g{g}_t{lp.FirstStep + k}");
                row.SetCoefficient(above[k].Column!, above[k].Sign);
                row.SetCoefficient(above[k - 1].Column!, -above[k - 1].Sign);
                rows.Add(row);
            }
            else if (group.PreviousOutputMw is { } previous)
            {
                var start = group.FloorMw[0] + Assumed(0);
                var row = lp.Solver.MakeConstraint(previous - ramp - start, previous + ramp - start, $"ramp_r{r}_g{g}_t{lp.FirstStep}");
                row.SetCoefficient(above[0].Column!, above[0].Sign);
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
    public LpWork Work => lp.Solver.Work.Plus(guessWork);

    public void Dispose() => lp.Dispose();
}
