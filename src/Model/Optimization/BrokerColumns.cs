using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// The compute side of the window market: each workload broker's plans as weighted columns, the
/// campuses' IT capacity and the links' bandwidth as the rows that tie plans of different
/// workloads together, and, after a clearing, what a MW of IT costs on each route and step
/// (power at the campus's region price x PUE, plus the capacity's and the bandwidth's scarcity).
/// </summary>
internal sealed class BrokerColumns(DispatchLp lp, ComputeNetwork network)
{
    private readonly SortedDictionary<int, (LpConstraint Convexity, List<(WorkPlan Plan, LpVariable Weight)> Columns)> brokers = [];
    private readonly Dictionary<(int Campus, int K), LpConstraint> capacity = [];
    private readonly Dictionary<(int Link, int Origin, int K), LpConstraint> bandwidth = [];
    private Dictionary<int, double> mixDuals = [];

    public ComputeNetwork Network => network;

    public bool Knows(int workload) => mixDuals.ContainsKey(workload);

    public void Add(WorkPlan plan)
    {
        var scenario = network.Scenario;
        var spec = scenario.Compute.Workloads[plan.Workload];
        if (!brokers.TryGetValue(plan.Workload, out var entry))
        {
            entry = (lp.Solver.MakeConstraint(1, 1, $"mix_w{plan.Workload}"), []);
            brokers[plan.Workload] = entry;
        }
        var weight = lp.Variable(0, 1, $"weight_w{plan.Workload}_{entry.Columns.Count}");
        entry.Convexity.SetCoefficient(weight, 1);
        var routes = network.Routes[plan.Workload];
        for (var k = 0; k < plan.RunMw.Length; k++)
        {
            for (var r = 0; r < routes.Length; r++)
            {
                var mw = plan.RunMw[k][r];
                if (mw == 0)
                {
                    continue;
                }
                var campus = (DatacenterSpec)scenario.Assets[routes[r].Campus];
                lp.Inject(campus.Region, k, weight, -campus.Pue * mw);
                AddTo(CapacityRow(campus, k), weight, mw);
                if (routes[r].Moves)
                {
                    AddTo(BandwidthRow(routes[r].Link, spec.Origin, k), weight, mw * spec.DataTbPerMwh * scenario.StepHours);
                }
            }
        }
        lp.AddCost(weight, plan.Cost);
        entry.Columns.Add((plan, weight));
    }

    private static void AddTo(LpConstraint row, LpVariable weight, double coefficient) =>
        row.SetCoefficient(weight, row.GetCoefficient(weight) + coefficient);

    private LpConstraint CapacityRow(DatacenterSpec campus, int k)
    {
        if (!capacity.TryGetValue((campus.Index, k), out var row))
        {
            row = lp.Solver.MakeConstraint(double.NegativeInfinity, ScarcityPricing.FreeCapacityMw(network, campus.Index, lp.FirstStep + k), $"campus_{campus.Id}_t{lp.FirstStep + k}");
            capacity[(campus.Index, k)] = row;
        }
        return row;
    }

    private LpConstraint BandwidthRow(int link, int origin, int k)
    {
        if (!bandwidth.TryGetValue((link, origin, k), out var row))
        {
            row = lp.Solver.MakeConstraint(double.NegativeInfinity, network.LinkTbPerStep(link), $"bandwidth_l{link}_from{origin}_t{lp.FirstStep + k}");
            bandwidth[(link, origin, k)] = row;
        }
        return row;
    }

    /// <summary>Per workload, route and step: the route costs at the last clearing (see <see cref="RouteCosts(int, double[][])"/>).</summary>
    public double[][][] CurrentRouteCosts { get; private set; } = [];

    /// <summary>Reads the duals this side needs after a clearing (they are gone once a column is added) and prices the routes once.</summary>
    public void ReadDuals(double[][] prices)
    {
        mixDuals = brokers.ToDictionary(b => b.Key, b => b.Value.Convexity.DualValue());
        Shadows = ScarcityPricing.Read(capacity, bandwidth);
        CurrentRouteCosts = [.. Enumerable.Range(0, network.Routes.Length).Select(w => RouteCosts(w, prices))];
    }

    /// <summary>The campuses' and links' scarcity values at the last clearing.</summary>
    public ScarcityShadows Shadows { get; private set; } = ScarcityShadows.None;

    /// <summary>Per route and step, what a MW of the workload's IT costs the system at the current clearing (currency per MW-step).</summary>
    public double[][] RouteCosts(int workload, double[][] prices) => ScarcityPricing.RouteCosts(network, lp.Steps, workload, prices, Shadows);

    public double Improvement(WorkPlan plan)
    {
        var mixDual = mixDuals.TryGetValue(plan.Workload, out var dual) ? dual : double.PositiveInfinity;
        return Math.Max(0, mixDual - plan.CostAt(CurrentRouteCosts[plan.Workload]));
    }

    /// <summary>Each workload's plans mixed by their weights, for the first <paramref name="steps"/> steps.</summary>
    public ComputeOutcome Mix(int steps)
    {
        var workloads = network.Routes.Length;
        var run = new double[workloads][][];
        var unfinished = new double[workloads][];
        for (var w = 0; w < workloads; w++)
        {
            run[w] = [.. Enumerable.Range(0, steps).Select(_ => new double[network.Routes[w].Length])];
            unfinished[w] = new double[steps];
            if (!brokers.TryGetValue(w, out var entry))
            {
                continue;
            }
            var weights = ColumnWeights.Of(entry.Columns.Select(c => c.Weight));
            for (var j = 0; j < entry.Columns.Count; j++)
            {
                if (weights[j] <= 0)
                {
                    continue;
                }
                var plan = entry.Columns[j].Plan;
                var share = weights[j];
                for (var k = 0; k < steps; k++)
                {
                    unfinished[w][k] += plan.UnfinishedMw[k] * share;
                    for (var r = 0; r < run[w][k].Length; r++)
                    {
                        run[w][k][r] += plan.RunMw[k][r] * share;
                    }
                }
            }
        }
        return new ComputeOutcome(run, unfinished);
    }
}

/// <summary>
/// Scarcity values (≥ 0) of the campuses' free IT capacity, per campus and step (currency per MW-step), and of the
/// links' bandwidth for data from an origin, per link, origin and step (currency per TB): the multipliers of those
/// rows in a window's Lagrangian, beside the prices.
/// </summary>
internal sealed record ScarcityShadows(
    IReadOnlyDictionary<(int Campus, int K), double> Capacity,
    IReadOnlyDictionary<(int Link, int Origin, int K), double> Bandwidth)
{
    public static ScarcityShadows None { get; } = new(new Dictionary<(int, int), double>(), new Dictionary<(int, int, int), double>());

    /// <summary><paramref name="weight"/> × <paramref name="stable"/> + (1 − <paramref name="weight"/>) × <paramref name="latest"/>, a value missing from either being zero.</summary>
    public static ScarcityShadows Blend(ScarcityShadows stable, ScarcityShadows latest, double weight) =>
        new(Mix(stable.Capacity, latest.Capacity, weight), Mix(stable.Bandwidth, latest.Bandwidth, weight));

    private static Dictionary<TKey, double> Mix<TKey>(IReadOnlyDictionary<TKey, double> stable, IReadOnlyDictionary<TKey, double> latest, double weight)
        where TKey : notnull =>
        stable.Keys.Union(latest.Keys).ToDictionary(key => key, key => weight * stable.GetValueOrDefault(key) + (1 - weight) * latest.GetValueOrDefault(key));
}
