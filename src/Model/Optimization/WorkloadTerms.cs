using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// One workload over a range of steps: IT power run on each of its routes, work dropped
/// unfinished, and a backlog of arrived work that may only hold work still within its deadline
/// (first in, first out). Work carried in from before the range keeps its deadlines. The backlog
/// is empty after the range's last step (the horizon's, for the optimum). Costs: data moved
/// (per TB, per route) and the SLA penalty; the power the
/// work draws is for the caller to price (the market's balance, or prices in an objective).
/// </summary>
public sealed class WorkloadTerms
{
    private WorkloadTerms(LpVariable[][] run, LpVariable[] unfinished)
    {
        Run = run;
        Unfinished = unfinished;
    }

    /// <summary>IT power per step and route (routes in <see cref="ComputeNetwork.Routes"/> order).</summary>
    public LpVariable[][] Run { get; }

    public LpVariable[] Unfinished { get; }

    public static WorkloadTerms Add(LpModel solver, ComputeNetwork network, int workload, int firstStep, int steps, IReadOnlyList<DeferredEnergy> carried)
    {
        var scenario = network.Scenario;
        var spec = scenario.Compute.Workloads[workload];
        var routes = network.Routes[workload];
        var objective = solver.Objective();
        var run = new LpVariable[steps][];
        var unfinished = new LpVariable[steps];
        var carriedTotal = carried.Sum(c => c.PowerMw);
        LpVariable? previous = null;
        for (var k = 0; k < steps; k++)
        {
            var step = firstStep + k;
            run[k] = new LpVariable[routes.Length];
            // run + dropped + b(k) - b(k-1) = arrived(k), with b(-1) the work carried in.
            var arrived = spec.ArrivalMwhPerH[step] + (k == 0 ? carriedTotal : 0);
            var flow = solver.MakeConstraint(arrived, arrived, $"work_{spec.Id}_t{step}");
            for (var r = 0; r < routes.Length; r++)
            {
                var campus = scenario.Assets[routes[r].Campus];
                run[k][r] = solver.MakeNumVar(0, double.PositiveInfinity, $"run_{spec.Id}_{campus.Id}_t{step}");
                flow.SetCoefficient(run[k][r], 1);
                if (routes[r].Moves)
                {
                    objective.SetCoefficient(run[k][r], scenario.Compute.Links[routes[r].Link].CostPerTb * spec.DataTbPerMwh * scenario.StepHours);
                }
            }
            unfinished[k] = solver.MakeNumVar(0, double.PositiveInfinity, $"unfinished_{spec.Id}_t{step}");
            objective.SetCoefficient(unfinished[k], spec.SlaPenaltyPerMwh * scenario.StepHours);
            flow.SetCoefficient(unfinished[k], 1);

            // Held work must still be within its deadline: arrived in the last DeadlineSteps steps, or carried in with a
            // later deadline. A bound of the backlog's column, not a row: a model kept and re-solved is never presolved,
            // and a row per workload and step (15,000 in a 10,000-asset coordinator) would cost every simplex iteration.
            var within = carried.Where(c => c.DeadlineStep > step).Sum(c => c.PowerMw);
            for (var u = Math.Max(0, k - network.DeadlineSteps[workload] + 1); u <= k; u++)
            {
                within += spec.ArrivalMwhPerH[firstStep + u];
            }
            // Nothing is held after the range: work held there would look free to the plan, which would then
            // leave capacity idle now and push work onto steps it cannot see (measured: 4-7 % above the optimum).
            var held = solver.MakeNumVar(0, k == steps - 1 ? 0 : within, $"work_backlog_{spec.Id}_t{step}");
            flow.SetCoefficient(held, 1);
            if (previous is not null)
            {
                flow.SetCoefficient(previous, -1);
            }
            previous = held;
        }
        return new WorkloadTerms(run, unfinished);
    }

    /// <summary>The solved plan: IT power per step and route, and power dropped per step.</summary>
    public (double[][] RunMw, double[] UnfinishedMw) Plan() =>
        ([.. Run.Select(k => k.Select(v => Snap.NonNegative(v.SolutionValue())).ToArray())],
         [.. Unfinished.Select(v => Snap.NonNegative(v.SolutionValue()))]);
}
