using Google.OrTools.LinearSolver;
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
    private readonly Variable[][][] run;
    private readonly Variable[][] unfinished;

    private ComputeTerms(ComputeNetwork network, Variable[][][] run, Variable[][] unfinished)
    {
        this.network = network;
        this.run = run;
        this.unfinished = unfinished;
    }

    public static ComputeTerms Add(DispatchLp lp, ComputeNetwork network)
    {
        var scenario = network.Scenario;
        var workloads = scenario.Compute.Workloads;
        var steps = lp.Steps;
        var last = scenario.Steps - 1;
        var run = new Variable[workloads.Length][][];
        var unfinished = new Variable[workloads.Length][];
        var campusLoad = new Dictionary<(int Campus, int K), List<Variable>>();
        var linkData = new Dictionary<(int Link, int Origin, int K), List<(Variable Run, double TbPerMw)>>();
        for (var w = 0; w < workloads.Length; w++)
        {
            var workload = workloads[w];
            var routes = network.Routes[w];
            run[w] = new Variable[steps][];
            unfinished[w] = new Variable[steps];
            Variable? previous = null;
            for (var k = 0; k < steps; k++)
            {
                var step = lp.FirstStep + k;
                run[w][k] = new Variable[routes.Length];
                var flow = lp.Solver.MakeConstraint(0, 0, $"work_{workload.Id}_t{step}");
                for (var r = 0; r < routes.Length; r++)
                {
                    var route = routes[r];
                    var campus = (DatacenterSpec)scenario.Assets[route.Campus];
                    var variable = lp.Variable(0, double.PositiveInfinity, $"run_{workload.Id}_{campus.Id}_t{step}");
                    run[w][k][r] = variable;
                    flow.SetCoefficient(variable, 1);
                    lp.Inject(campus.Region, k, variable, -campus.Pue);
                    Collect(campusLoad, (route.Campus, k), variable);
                    if (route.Moves)
                    {
                        var link = scenario.Compute.Links[route.Link];
                        lp.AddEnergyCost(variable, link.CostPerTb * workload.DataTbPerMwh);
                        Collect(linkData, (route.Link, workload.Origin, k), (variable, workload.DataTbPerMwh * scenario.StepHours));
                    }
                }
                unfinished[w][k] = lp.Variable(0, double.PositiveInfinity, $"unfinished_{workload.Id}_t{step}");
                lp.AddEnergyCost(unfinished[w][k], workload.SlaPenaltyPerMwh);
                flow.SetCoefficient(unfinished[w][k], 1);

                // Backlog b(k) = b(k-1) + arrived(k) - run(k) - dropped(k): written as run + dropped + b(k) - b(k-1) = arrived.
                var final = step == last || k == steps - 1;
                var held = lp.Variable(0, final ? 0 : double.PositiveInfinity, $"work_backlog_{workload.Id}_t{step}");
                flow.SetCoefficient(held, 1);
                if (previous is not null)
                {
                    flow.SetCoefficient(previous, -1);
                }
                flow.SetBounds(workload.ArrivalMwhPerH[step], workload.ArrivalMwhPerH[step]);
                if (!final)
                {
                    // Held work must still be within its deadline: it arrived in the last DeadlineSteps steps.
                    var within = 0.0;
                    for (var u = Math.Max(0, k - network.DeadlineSteps[w] + 1); u <= k; u++)
                    {
                        within += workload.ArrivalMwhPerH[lp.FirstStep + u];
                    }
                    var deadline = lp.Solver.MakeConstraint(double.NegativeInfinity, network.DeadlineSteps[w] == 0 ? 0 : within, $"work_deadline_{workload.Id}_t{step}");
                    deadline.SetCoefficient(held, 1);
                }
                previous = held;
            }
        }
        foreach (var ((campus, k), variables) in campusLoad)
        {
            var spec = (DatacenterSpec)scenario.Assets[campus];
            var free = Math.Max(0, spec.ItCapacityMw - spec.InteractiveItMw[lp.FirstStep + k]);
            var row = lp.Solver.MakeConstraint(double.NegativeInfinity, free, $"campus_{spec.Id}_t{lp.FirstStep + k}");
            variables.ForEach(v => row.SetCoefficient(v, 1));
        }
        foreach (var ((link, origin, k), uses) in linkData)
        {
            var row = lp.Solver.MakeConstraint(double.NegativeInfinity, network.LinkTbPerStep(link), $"bandwidth_l{link}_from{origin}_t{lp.FirstStep + k}");
            uses.ForEach(u => row.SetCoefficient(u.Run, u.TbPerMw));
        }
        return new ComputeTerms(network, run, unfinished);
    }

    private static void Collect<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value) where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }
        list.Add(value);
    }

    public ComputeOutcome Outcome() => new(
        [.. run.Select(w => w.Select(k => k.Select(v => Snap.NonNegative(v.SolutionValue())).ToArray()).ToArray())],
        [.. unfinished.Select(w => w.Select(v => Snap.NonNegative(v.SolutionValue())).ToArray())]);

    public ComputeNetwork Network => network;
}
