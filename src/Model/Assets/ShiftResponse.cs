using Google.OrTools.LinearSolver;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// The shiftable part of a load answering a price signal: when to consume it within its shift
/// window so that it pays least. Deferring carries a token cost, so it only moves when moving pays.
/// Built once per window and re-solved with each round's prices, like <see cref="StorageResponse"/>.
/// </summary>
public sealed class ShiftResponse : IDisposable
{
    /// <summary>Per MWh deferred: breaks ties between equal prices in favour of serving on time (not a real cost).</summary>
    private const double TieBreakPerMwh = 1e-4;

    private readonly LoadSpec spec;
    private readonly double stepHours;
    private readonly Solver solver;
    private readonly ShiftTerms terms;

    /// <summary>Sets up the load's LP for <paramref name="steps"/> steps from <paramref name="firstStep"/>, with the backlog it carries in.</summary>
    public ShiftResponse(LoadSpec spec, double stepHours, int firstStep, int steps, int lastStep, IReadOnlyList<DeferredEnergy> backlog)
    {
        this.spec = spec;
        this.stepHours = stepHours;
        FirstStep = firstStep;
        solver = LpSolvers.Create(LpSolverKind.Glop);
        terms = ShiftTerms.Add(solver, spec, firstStep, steps, lastStep, backlog);
        solver.Objective().SetMinimization();
    }

    public int FirstStep { get; }

    public int Steps => terms.Deferred.Length;

    /// <summary>The schedule of the shiftable part that pays least at these prices.</summary>
    public Proposal Propose(double[] pricePerMwh)
    {
        var objective = solver.Objective();
        for (var k = 0; k < Steps; k++)
        {
            objective.SetCoefficient(terms.Deferred[k], (TieBreakPerMwh - pricePerMwh[k]) * stepHours);
            objective.SetCoefficient(terms.Recovered[k], pricePerMwh[k] * stepHours);
        }
        AssetResponse.SolveOrThrow(solver, spec.Id);
        return Proposal.From(spec.Index, spec.Region, 0, terms.Schedule());
    }

    /// <summary>One answer from a fresh LP.</summary>
    public static Proposal Once(LoadSpec spec, double stepHours, int firstStep, int lastStep, IReadOnlyList<DeferredEnergy> backlog, double[] pricePerMwh)
    {
        using var response = new ShiftResponse(spec, stepHours, firstStep, pricePerMwh.Length, lastStep, backlog);
        return response.Propose(pricePerMwh);
    }

    public void Dispose() => solver.Dispose();
}
