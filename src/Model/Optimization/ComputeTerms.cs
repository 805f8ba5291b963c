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
    private readonly Dictionary<(int Campus, int K), LpConstraint> capacity = [];
    private readonly Dictionary<(int Link, int Origin, int K), LpConstraint> bandwidth = [];
    private readonly Dictionary<(int Campus, int K), List<LpVariable>> campusLoad = [];
    private readonly Dictionary<(int Link, int Origin, int K), List<(LpVariable Run, double TbPerMw)>> linkData = [];
    private readonly LpModel solver;
    private readonly int firstStep;
    private readonly int steps;

    private ComputeTerms(ComputeNetwork network, WorkloadTerms[] workloads, DispatchLp lp)
    {
        this.network = network;
        this.workloads = workloads;
        solver = lp.Solver;
        firstStep = lp.FirstStep;
        steps = lp.Steps;
    }

    public ComputeNetwork Network => network;

    /// <summary>
    /// Every workload over the LP's steps, from the work each carries in (<paramref name="carried"/>, by workload; none
    /// when null), with campus capacity, bandwidth and power in the balances. With <paramref name="lazyLimits"/> the
    /// capacity and bandwidth rows are left out until a solution breaks them (<see cref="AddBrokenLimits"/>).
    /// </summary>
    public static ComputeTerms Add(DispatchLp lp, ComputeNetwork network, DeferredEnergy[][]? carried = null, bool lazyLimits = false)
    {
        var workloads = Enumerable.Range(0, network.Routes.Length)
            .Select(w => WorkloadTerms.Add(lp.Solver, network, w, lp.FirstStep, lp.Steps, carried?[w] ?? []))
            .ToArray();
        var terms = new ComputeTerms(network, workloads, lp);
        terms.Couple(lp, workloads.Select((t, w) => (w, t.Run)).ToArray());
        if (!lazyLimits)
        {
            terms.AddLimits(_ => true, _ => true);
        }
        return terms;
    }

    /// <summary>
    /// Gives every campus and link (in the direction of its origin) whose limit the last solution breaks in some step
    /// its rows in every step, and returns how many rows that added: the coordinator of a 10,000-asset run has 29,000
    /// such rows (303 campuses and 310 links × 48 steps), few of which bind, and each re-solve carried them all. Work
    /// pushed off a full step moves to the next hours of the same campus, so its other steps come along at once. A
    /// limit without its row has no scarcity value, as one that does not bind.
    /// </summary>
    public int AddBrokenLimits()
    {
        var campuses = campusLoad.Where(c => !capacity.ContainsKey(c.Key) && Broken(c.Value.Sum(v => v.SolutionValue()), CampusLimit(c.Key.Campus, c.Key.K)))
            .Select(c => c.Key.Campus).ToHashSet();
        var links = linkData.Where(b => !bandwidth.ContainsKey(b.Key) && Broken(b.Value.Sum(u => u.Run.SolutionValue() * u.TbPerMw), network.LinkTbPerStep(b.Key.Link)))
            .Select(b => (b.Key.Link, b.Key.Origin)).ToHashSet();
        return AddLimits(campuses.Contains, links.Contains);
    }

    /// <summary>Whether a limit is broken by more than round-off (a share of it, or of 1).</summary>
    private static bool Broken(double activity, double limit) => activity > limit + 1e-7 * Math.Max(1, limit);

    private double CampusLimit(int campus, int k) => ScarcityPricing.FreeCapacityMw(network, campus, firstStep + k);

    /// <summary>Adds the rows still left out of the campuses and the links (by link and origin) wanted; returns how many.</summary>
    private int AddLimits(Func<int, bool> campusWanted, Func<(int Link, int Origin), bool> linkWanted)
    {
        var added = 0;
        foreach (var ((campus, k), variables) in campusLoad.Where(c => !capacity.ContainsKey(c.Key) && campusWanted(c.Key.Campus)).ToArray())
        {
            var row = solver.MakeConstraint(double.NegativeInfinity, CampusLimit(campus, k), $"campus_{network.Scenario.Assets[campus].Id}_t{firstStep + k}");
            variables.ForEach(v => row.SetCoefficient(v, 1));
            capacity[(campus, k)] = row;
            added++;
        }
        foreach (var ((link, origin, k), uses) in linkData.Where(b => !bandwidth.ContainsKey(b.Key) && linkWanted((b.Key.Link, b.Key.Origin))).ToArray())
        {
            var row = solver.MakeConstraint(double.NegativeInfinity, network.LinkTbPerStep(link), $"bandwidth_l{link}_from{origin}_t{firstStep + k}");
            uses.ForEach(u => row.SetCoefficient(u.Run, u.TbPerMw));
            bandwidth[(link, origin, k)] = row;
            added++;
        }
        return added;
    }

    /// <summary>
    /// What ties workloads to the power system and to each other: a campus's facility power in its
    /// region's balance, its IT capacity shared by all work run there, and a link's bandwidth per
    /// direction shared by all work from the same origin. <paramref name="usage"/> gives, per
    /// workload, a variable (or expression column) per step and route whose value is IT power. Collects
    /// what each capacity and bandwidth row holds, by campus and step and by link, origin and step.
    /// </summary>
    private void Couple(DispatchLp lp, (int Workload, LpVariable[][] Run)[] usage)
    {
        var scenario = network.Scenario;
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
