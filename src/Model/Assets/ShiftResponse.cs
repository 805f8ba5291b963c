using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// The shiftable part of a load answering a price signal: when to consume it within its shift
/// window so that it pays least. Deferring carries a token cost, so it only moves when moving pays.
/// </summary>
public static class ShiftResponse
{
    /// <summary>Per MWh deferred: breaks ties between equal prices in favour of serving on time (not a real cost).</summary>
    private const double TieBreakPerMwh = 1e-4;

    public static Proposal Propose(LoadSpec spec, double stepHours, int firstStep, int lastStep, IReadOnlyList<DeferredEnergy> backlog, double[] pricePerMwh)
    {
        var steps = pricePerMwh.Length;
        using var solver = LpSolvers.Create(LpSolverKind.Glop);
        var terms = ShiftTerms.Add(solver, spec, firstStep, steps, lastStep, backlog);
        var objective = solver.Objective();
        objective.SetMinimization();
        for (var k = 0; k < steps; k++)
        {
            objective.SetCoefficient(terms.Deferred[k], (TieBreakPerMwh - pricePerMwh[k]) * stepHours);
            objective.SetCoefficient(terms.Recovered[k], pricePerMwh[k] * stepHours);
        }
        AssetResponse.SolveOrThrow(solver, spec.Id);
        return Proposal.From(spec.Index, spec.Region, 0, terms.Schedule());
    }
}
