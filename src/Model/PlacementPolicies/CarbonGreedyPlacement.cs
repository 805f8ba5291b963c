using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.PlacementPolicies;

/// <summary>
/// The `carbon-greedy` placement, a Carbon-Aware-SDK-like baseline: every step, each workload runs
/// its waiting work at once (earliest deadline first) on the reachable campus whose region has the
/// lowest carbon intensity x PUE in that step, then the next lowest, within free IT capacity and
/// link bandwidth; it never waits for a cleaner hour and drops what misses its deadline. The
/// intensity is the forecast of the window's clearing without flexible assets.
/// </summary>
public static class CarbonGreedyPlacement
{
    private const double NegligibleMw = 1e-9;

    /// <summary>
    /// Plans every workload over steps [firstStep, firstStep + steps), given each region's carbon
    /// intensity per step (t per MWh generated) and the work each workload still has waiting.
    /// </summary>
    public static WorkPlan[] Plan(ComputeNetwork network, int firstStep, int steps, double[][] intensityTPerMwh, IReadOnlyList<DeferredEnergy>[] carried)
    {
        var scenario = network.Scenario;
        var workloads = scenario.Compute.Workloads;
        var run = workloads.Select((_, w) => Enumerable.Range(0, steps).Select(_ => new double[network.Routes[w].Length]).ToArray()).ToArray();
        var unfinished = workloads.Select(_ => new double[steps]).ToArray();
        var waiting = workloads.Select((_, w) => carried[w].Select(c => (c.DeadlineStep, c.PowerMw)).ToList()).ToArray();
        for (var k = 0; k < steps; k++)
        {
            var step = firstStep + k;
            var free = scenario.Assets.OfType<DatacenterSpec>().ToDictionary(c => c.Index, c => Math.Max(0, c.ItCapacityMw - c.InteractiveItMw[step]));
            var data = new Dictionary<(int Link, int Origin), double>();
            for (var w = 0; w < workloads.Length; w++)
            {
                var spec = workloads[w];
                if (spec.ArrivalMwhPerH[step] > 0)
                {
                    waiting[w].Add((Math.Min(step + network.DeadlineSteps[w], scenario.Steps - 1), spec.ArrivalMwhPerH[step]));
                }
                waiting[w].Sort((a, b) => a.DeadlineStep.CompareTo(b.DeadlineStep));
                var order = Enumerable.Range(0, network.Routes[w].Length)
                    .OrderBy(r => intensityTPerMwh[scenario.Assets[network.Routes[w][r].Campus].Region][k] * ((DatacenterSpec)scenario.Assets[network.Routes[w][r].Campus]).Pue)
                    .ThenBy(r => r);
                foreach (var r in order)
                {
                    var route = network.Routes[w][r];
                    var room = free[route.Campus];
                    if (route.Moves && spec.DataTbPerMwh > 0)
                    {
                        var used = data.GetValueOrDefault((route.Link, spec.Origin));
                        room = Math.Min(room, (network.LinkTbPerStep(route.Link) - used) / (spec.DataTbPerMwh * scenario.StepHours));
                    }
                    for (var i = 0; i < waiting[w].Count && room > NegligibleMw; i++)
                    {
                        var served = Math.Min(room, waiting[w][i].PowerMw);
                        run[w][k][r] += served;
                        room -= served;
                        free[route.Campus] -= served;
                        if (route.Moves)
                        {
                            data[(route.Link, spec.Origin)] = data.GetValueOrDefault((route.Link, spec.Origin)) + served * spec.DataTbPerMwh * scenario.StepHours;
                        }
                        waiting[w][i] = waiting[w][i] with { PowerMw = waiting[w][i].PowerMw - served };
                    }
                    waiting[w].RemoveAll(i => i.PowerMw <= NegligibleMw);
                }
                // What reaches its deadline now, or the end of the plan, is dropped.
                foreach (var item in waiting[w].Where(i => i.DeadlineStep <= step || k == steps - 1))
                {
                    unfinished[w][k] += item.PowerMw;
                }
                waiting[w].RemoveAll(i => i.DeadlineStep <= step || k == steps - 1);
            }
        }
        return [.. workloads.Select((spec, w) => new WorkPlan(w, run[w], unfinished[w], OwnCost(network, w, run[w], unfinished[w])))];
    }

    private static double OwnCost(ComputeNetwork network, int w, double[][] run, double[] unfinished)
    {
        var scenario = network.Scenario;
        var spec = scenario.Compute.Workloads[w];
        var cost = unfinished.Sum() * spec.SlaPenaltyPerMwh * scenario.StepHours;
        for (var k = 0; k < run.Length; k++)
        {
            for (var r = 0; r < run[k].Length; r++)
            {
                var route = network.Routes[w][r];
                if (route.Moves)
                {
                    cost += run[k][r] * scenario.Compute.Links[route.Link].CostPerTb * spec.DataTbPerMwh * scenario.StepHours;
                }
            }
        }
        return cost;
    }
}
