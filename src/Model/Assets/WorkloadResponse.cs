using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// A workload broker's answer to the market: where and when to run its work over the window and
/// its look-ahead so that it pays least, given what each campus charges per MW of IT in each step
/// (its region's price x PUE plus what the campus's capacity and the link's bandwidth are worth
/// now), its own data costs and SLA penalties, within deadlines and latency. Built once per window,
/// re-solved with each round's costs.
/// </summary>
public sealed class WorkloadResponse : IDisposable
{
    private readonly ComputeNetwork network;
    private readonly int workload;
    private readonly LpModel solver;
    private readonly WorkloadTerms terms;

    public WorkloadResponse(ComputeNetwork network, int workload, int firstStep, int steps, IReadOnlyList<DeferredEnergy> carried)
    {
        this.network = network;
        this.workload = workload;
        FirstStep = firstStep;
        solver = new LpModel(LpSolverKind.Highs, "broker plan");
        terms = WorkloadTerms.Add(solver, network, workload, firstStep, steps, carried);
        LimitToPublicCapacities(firstStep);
        carriedMw = carried.Sum(c => c.PowerMw);
    }

    private readonly double carriedMw;

    /// <summary>
    /// The campuses' free IT capacity and the links' bandwidth are public: the broker's plans keep
    /// within them on their own; the market shares them between workloads.
    /// </summary>
    private void LimitToPublicCapacities(int firstStep)
    {
        var scenario = network.Scenario;
        var spec = scenario.Compute.Workloads[workload];
        var routes = network.Routes[workload];
        for (var k = 0; k < Steps; k++)
        {
            for (var r = 0; r < routes.Length; r++)
            {
                var campus = (DatacenterSpec)scenario.Assets[routes[r].Campus];
                var capacity = solver.MakeConstraint(double.NegativeInfinity, Math.Max(0, campus.ItCapacityMw - campus.InteractiveItMw[firstStep + k]), "");
                capacity.SetCoefficient(terms.Run[k][r], 1);
                if (routes[r].Moves && spec.DataTbPerMwh > 0)
                {
                    var link = solver.MakeConstraint(double.NegativeInfinity, network.LinkTbPerStep(routes[r].Link), "");
                    link.SetCoefficient(terms.Run[k][r], spec.DataTbPerMwh * scenario.StepHours);
                }
            }
        }
    }

    /// <summary>
    /// The plan that always fits: run nothing, drop everything at the SLA penalty. Offered with the
    /// first answer of a window, so the market can clear whatever the other workloads take.
    /// </summary>
    public WorkPlan DropAll()
    {
        var scenario = network.Scenario;
        var spec = scenario.Compute.Workloads[workload];
        var routes = network.Routes[workload].Length;
        var unfinished = Enumerable.Range(0, Steps).Select(k => spec.ArrivalMwhPerH[FirstStep + k] + (k == 0 ? carriedMw : 0)).ToArray();
        return new WorkPlan(workload, [.. Enumerable.Range(0, Steps).Select(_ => new double[routes])], unfinished,
            unfinished.Sum() * spec.SlaPenaltyPerMwh * scenario.StepHours);
    }

    public int FirstStep { get; }

    public int Steps => terms.Run.Length;

    /// <param name="routeCostPerMwStep">Per route and step, what a MW of IT costs there (currency per MW-step).</param>
    public WorkPlan Propose(double[][] routeCostPerMwStep)
    {
        var scenario = network.Scenario;
        var spec = scenario.Compute.Workloads[workload];
        var routes = network.Routes[workload];
        var objective = solver.Objective();
        var ownPerMwStep = routes.Select(r => r.Moves ? scenario.Compute.Links[r.Link].CostPerTb * spec.DataTbPerMwh * scenario.StepHours : 0).ToArray();
        for (var k = 0; k < Steps; k++)
        {
            for (var r = 0; r < routes.Length; r++)
            {
                objective.SetCoefficient(terms.Run[k][r], routeCostPerMwStep[r][k] + ownPerMwStep[r]);
            }
        }
        AssetResponse.SolveOrThrow(solver, spec.Id);
        var (run, unfinished) = terms.Plan();
        var own = 0.0;
        for (var k = 0; k < Steps; k++)
        {
            own += unfinished[k] * spec.SlaPenaltyPerMwh * scenario.StepHours;
            for (var r = 0; r < routes.Length; r++)
            {
                own += run[k][r] * ownPerMwStep[r];
            }
        }
        return new WorkPlan(workload, run, unfinished, own);
    }

    public void Dispose() => solver.Dispose();
}
