using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// The shiftable part of a load over a range of steps. In step t it defers x(t) of its shiftable
/// demand and recovers r(t) of what it deferred before; the backlog b(t) = b(t-1) + x(t) - r(t)
/// may never exceed what was deferred within the last window (first in, first out, so every MWh
/// is served within shift_window_h after it was due and never before), and is empty at the last
/// step of the horizon and of the range. The backlog carried into the range keeps its deadlines.
/// Written with a backlog variable per step, so the model grows with steps x window, not steps squared.
/// The load consumes S(t) - x(t) + r(t) of its shiftable part in step t.
/// </summary>
public sealed class ShiftTerms
{
    private ShiftTerms(double[] shiftableMw, LpVariable[] deferred, LpVariable[] recovered)
    {
        ShiftableMw = shiftableMw;
        Deferred = deferred;
        Recovered = recovered;
    }

    /// <summary>The shiftable demand due in each step of the range (MW).</summary>
    public double[] ShiftableMw { get; }

    public LpVariable[] Deferred { get; }

    public LpVariable[] Recovered { get; }

    public static ShiftTerms Add(LpModel solver, LoadSpec spec, int firstStep, int steps, int lastStep, IReadOnlyList<DeferredEnergy> backlog) =>
        Add(solver, new ShiftBid([.. Enumerable.Range(firstStep, steps).Select(spec.ShiftableMw)], spec.ShiftWindowSteps, lastStep, [.. backlog]), firstStep, spec.Id);

    /// <summary>The shiftable part of <paramref name="bid"/> over its steps from <paramref name="firstStep"/>; <paramref name="name"/> names its columns.</summary>
    public static ShiftTerms Add(LpModel solver, ShiftBid bid, int firstStep, string name)
    {
        var window = bid.WindowSteps;
        var lastStep = bid.LastStep;
        var backlog = bid.Backlog;
        var steps = bid.ShiftableMw.Length;
        var shiftable = bid.ShiftableMw;
        var deferred = new LpVariable[steps];
        var recovered = new LpVariable[steps];
        var carried = new double[steps];
        for (var k = 0; k < steps; k++)
        {
            var step = firstStep + k;
            // Nothing can be deferred past the last step, or with no window at all.
            var canDefer = window > 0 && step < lastStep && k < steps - 1;
            deferred[k] = solver.MakeNumVar(0, canDefer ? shiftable[k] : 0, $"defer_{name}_t{step}");
            recovered[k] = solver.MakeNumVar(0, double.PositiveInfinity, $"recover_{name}_t{step}");
            carried[k] = backlog.Where(b => b.DeadlineStep > step).Sum(b => b.PowerMw);
        }
        var initial = backlog.Sum(b => b.PowerMw);
        LpVariable? previous = null;
        for (var k = 0; k < steps; k++)
        {
            var step = firstStep + k;
            var final = step == lastStep || k == steps - 1;
            var held = solver.MakeNumVar(0, final ? 0 : double.PositiveInfinity, $"backlog_{name}_t{step}");
            // b(k) = b(k-1) + x(k) - r(k), with b(-1) the backlog carried in.
            var flow = solver.MakeConstraint(k == 0 ? initial : 0, k == 0 ? initial : 0, $"backlog_flow_{name}_t{step}");
            flow.SetCoefficient(held, 1);
            if (previous is not null)
            {
                flow.SetCoefficient(previous, -1);
            }
            flow.SetCoefficient(deferred[k], -1);
            flow.SetCoefficient(recovered[k], 1);
            if (!final)
            {
                // b(k) holds only energy still within its deadline: deferred in the last window, or carried in with a later deadline.
                var deadline = solver.MakeConstraint(double.NegativeInfinity, carried[k], $"shift_deadline_{name}_t{step}");
                deadline.SetCoefficient(held, 1);
                for (var u = Math.Max(0, k - window + 1); u <= k; u++)
                {
                    deadline.SetCoefficient(deferred[u], -1);
                }
            }
            previous = held;
        }
        return new ShiftTerms(shiftable, deferred, recovered);
    }

    /// <summary>The solved shiftable part as asset steps: consumption, deferred and recovered power.</summary>
    public AssetStep[] Schedule()
    {
        var steps = new AssetStep[Deferred.Length];
        for (var k = 0; k < steps.Length; k++)
        {
            var x = Snap.Value(Deferred[k].SolutionValue(), 0, ShiftableMw[k]);
            var r = Snap.NonNegative(Recovered[k].SolutionValue());
            steps[k] = new AssetStep(0, ShiftableMw[k] - x + r, 0, 0, x, r, 0, 0);
        }
        return steps;
    }
}
