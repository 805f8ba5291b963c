using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// The compute part of the format over a range of steps. Per workload and step: IT power run on
/// each route (origin or a campus one link away within the latency bound), a backlog of arrived
/// work that may only hold work still within its deadline (first in, first out), and work dropped
/// unfinished at the SLA penalty. Per campus and step: interactive plus batch IT within its
/// capacity, facility power (IT x PUE) in its region's balance. Per link, direction and step:
/// data within its bandwidth, paid per TB.
/// </summary>
public sealed class ComputeTerms
{
    private readonly ComputeNetwork network;
    private readonly WorkloadTerms[] workloads;
    private readonly Dictionary<(int Campus, int K), LpConstraint> capacity;
    private readonly Dictionary<(int Link, int Origin, int K), LpConstraint> bandwidth;
    private readonly int firstStep;
    private readonly int steps;

    private ComputeTerms(ComputeNetwork network, WorkloadTerms[] workloads, DispatchLp lp,
        Dictionary<(int Campus, int K), LpConstraint> capacity, Dictionary<(int Link, int Origin, int K), LpConstraint> bandwidth)
    {
        this.network = network;
        this.workloads = workloads;
        this.capacity = capacity;
        this.bandwidth = bandwidth;
        firstStep = lp.FirstStep;
        steps = lp.Steps;
    }

    public ComputeNetwork Network => network;

    /// <summary>
    /// Every workload over the LP's steps, from the work each carries in (<paramref name="carried"/>, by workload; none
    /// when null), with campus capacity, bandwidth and power in the balances.
    /// </summary>
    public static ComputeTerms Add(DispatchLp lp, ComputeNetwork network, DeferredEnergy[][]? carried = null)
    {
        var terms = Enumerable.Range(0, network.Routes.Length)
            .Select(w => WorkloadTerms.Add(lp.Solver, network, w, lp.FirstStep, lp.Steps, carried?[w] ?? []))
            .ToArray();
        var (capacity, bandwidth) = Couple(lp, network, terms.Select((t, w) => (w, t.Run)).ToArray());
        return new ComputeTerms(network, terms, lp, capacity, bandwidth);
    }

    /// <summary>
    /// What ties workloads to the power system and to each other: a campus's facility power in its
    /// region's balance, its IT capacity shared by all work run there, and a link's bandwidth per
    /// direction shared by all work from the same origin. <paramref name="usage"/> gives, per
    /// workload, a variable (or expression column) per step and route whose value is IT power. Returns the
    /// capacity and bandwidth rows, by campus and step and by link, origin and step.
    /// </summary>
    private static (Dictionary<(int Campus, int K), LpConstraint> Capacity, Dictionary<(int Link, int Origin, int K), LpConstraint> Bandwidth) Couple(DispatchLp lp, ComputeNetwork network, (int Workload, LpVariable[][] Run)[] usage)
    {
        var scenario = network.Scenario;
        var campusLoad = new Dictionary<(int Campus, int K), List<LpVariable>>();
        var linkData = new Dictionary<(int Link, int Origin, int K), List<(LpVariable Run, double TbPerMw)>>();
        foreach (var (w, run) in usage)
        {
            var spec = scenario.Compute.Workloads[w];
            for (var k = 0; k < lp.Steps; k++)
            {
                for (var r = 0; r < network.Routes[w].Length; r++)
                {
                    var route = network.Routes[w][r];
                    var campus = (DatacenterSpec)scenario.Assets[route.Campus];
                    lp.Inject(campus.Region, k, run[k][r], -campus.Pue);
                    Collect(campusLoad, (route.Campus, k), run[k][r]);
                    if (route.Moves)
                    {
                        Collect(linkData, (route.Link, spec.Origin, k), (run[k][r], spec.DataTbPerMwh * scenario.StepHours));
                    }
                }
            }
        }
        var capacity = new Dictionary<(int Campus, int K), LpConstraint>();
        foreach (var ((campus, k), variables) in campusLoad)
        {
            var spec = (DatacenterSpec)scenario.Assets[campus];
            var row = lp.Solver.MakeConstraint(double.NegativeInfinity, ScarcityPricing.FreeCapacityMw(network, campus, lp.FirstStep + k), $"campus_{spec.Id}_t{lp.FirstStep + k}");
            variables.ForEach(v => row.SetCoefficient(v, 1));
            capacity[(campus, k)] = row;
        }
        var bandwidth = new Dictionary<(int Link, int Origin, int K), LpConstraint>();
        foreach (var ((link, origin, k), uses) in linkData)
        {
            var row = lp.Solver.MakeConstraint(double.NegativeInfinity, network.LinkTbPerStep(link), $"bandwidth_l{link}_from{origin}_t{lp.FirstStep + k}");
            uses.ForEach(u => row.SetCoefficient(u.Run, u.TbPerMw));
            bandwidth[(link, origin, k)] = row;
        }
        return (capacity, bandwidth);
    }

    private static void Collect<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    /// <summary>The campuses' and links' scarcity values in the last solution.</summary>
    internal ScarcityShadows Shadows() => ScarcityPricing.Read(capacity, bandwidth);

    /// <summary>Per workload, route and step: what a MW of its IT costs at <paramref name="prices"/> and <paramref name="shadows"/>.</summary>
    internal double[][][] RouteCosts(double[][] prices, ScarcityShadows shadows) =>
        [.. Enumerable.Range(0, workloads.Length).Select(w => ScarcityPricing.RouteCosts(network, steps, w, prices, shadows))];

    /// <summary>What the campuses' capacity and the links' bandwidth are worth at <paramref name="shadows"/>.</summary>
    internal double ScarcityRent(ScarcityShadows shadows) => ScarcityPricing.ScarcityRent(network, firstStep, shadows);

    public ComputeOutcome Outcome()
    {
        var plans = workloads.Select(w => w.Plan()).ToArray();
        return new ComputeOutcome([.. plans.Select(p => p.RunMw)], [.. plans.Select(p => p.UnfinishedMw)]);
    }
}
