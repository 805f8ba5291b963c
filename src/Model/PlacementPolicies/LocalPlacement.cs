using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.PlacementPolicies;

/// <summary>
/// The `local` placement: work never moves. Each campus runs the work that arrives at it as soon
/// as its free IT capacity (capacity minus interactive load) allows, earliest deadline first, and
/// drops what is still waiting when its deadline (or the horizon) ends, at the SLA penalty.
/// It ignores prices, so it is planned once for the whole horizon.
/// </summary>
public static class LocalPlacement
{
    private const double NegligibleMw = 1e-9;

    public static ComputeOutcome Plan(ComputeNetwork network)
    {
        var scenario = network.Scenario;
        var workloads = scenario.Compute.Workloads;
        var steps = scenario.Steps;
        var run = workloads.Select(_ => Enumerable.Range(0, steps).Select(_ => new double[1]).ToArray()).ToArray();
        var unfinished = workloads.Select(_ => new double[steps]).ToArray();
        foreach (var campus in scenario.Assets.OfType<DatacenterSpec>())
        {
            var mine = Enumerable.Range(0, workloads.Length).Where(w => workloads[w].Origin == campus.Index).ToArray();
            if (mine.Length == 0)
            {
                continue;
            }
            var waiting = new List<(int Workload, int Deadline, double Mw)>();
            for (var k = 0; k < steps; k++)
            {
                foreach (var w in mine)
                {
                    if (workloads[w].ArrivalMwhPerH[k] > 0)
                    {
                        waiting.Add((w, Math.Min(k + network.DeadlineSteps[w], steps - 1), workloads[w].ArrivalMwhPerH[k]));
                    }
                }
                waiting.Sort((a, b) => a.Deadline != b.Deadline ? a.Deadline.CompareTo(b.Deadline) : a.Workload.CompareTo(b.Workload));
                var free = Math.Max(0, campus.ItCapacityMw - campus.InteractiveItMw[k]);
                for (var i = 0; i < waiting.Count && free > NegligibleMw; i++)
                {
                    var served = Math.Min(free, waiting[i].Mw);
                    run[waiting[i].Workload][k][0] += served;
                    free -= served;
                    waiting[i] = waiting[i] with { Mw = waiting[i].Mw - served };
                }
                foreach (var item in waiting.Where(i => i.Deadline <= k && i.Mw > NegligibleMw))
                {
                    unfinished[item.Workload][k] += item.Mw;
                }
                waiting.RemoveAll(i => i.Deadline <= k || i.Mw <= NegligibleMw);
            }
        }
        // Routes other than the origin stay at zero.
        var routed = run.Select((w, i) => w.Select(k => { var row = new double[network.Routes[i].Length]; row[0] = k[0]; return row; }).ToArray()).ToArray();
        return new ComputeOutcome(routed, unfinished);
    }
}
