using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// A store's answer to a price signal: the schedule that earns it the most over the window and
/// its look-ahead, within its own limits (power, energy, efficiencies, the cyclic rule), solved
/// as its own small linear program. Its parameters never leave the grain; only the schedule does.
/// </summary>
public static class StorageResponse
{
    /// <summary>
    /// The best schedule over the prices' steps from <paramref name="energyMwh"/> held now. Energy
    /// held after the last planned step is worth <paramref name="terminalPricePerMwh"/> times the
    /// discharge efficiency (0 when the plan reaches the horizon's end).
    /// </summary>
    public static Proposal Propose(StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int lastStep, double energyMwh, double[] pricePerMwh, double terminalPricePerMwh = 0)
    {
        var steps = pricePerMwh.Length;
        using var solver = LpSolvers.Create(LpSolverKind.Glop);
        var terms = StorageTerms.Add(solver, spec, economics, stepHours, firstStep, steps, lastStep, energyMwh);
        var objective = solver.Objective();
        objective.SetMinimization();
        for (var k = 0; k < steps; k++)
        {
            // Wear is already on discharge; the market pays the price for what it sells and charges it for what it buys.
            objective.SetCoefficient(terms.Discharge[k], objective.GetCoefficient(terms.Discharge[k]) - pricePerMwh[k] * stepHours);
            objective.SetCoefficient(terms.Charge[k], pricePerMwh[k] * stepHours);
        }
        var terminalValue = terminalPricePerMwh * spec.DischargeEfficiency;
        objective.SetCoefficient(terms.Energy[steps - 1], -terminalValue);
        AssetResponse.SolveOrThrow(solver, spec.Id);
        var schedule = terms.Schedule();
        var wear = schedule.Sum(s => s.ProducedMw) * spec.CostPerMwh * stepHours;
        // The proposal's cost carries the same terminal value, so the market weighs schedules as the store does.
        return Proposal.From(spec.Index, spec.Region, wear - terminalValue * schedule[^1].EnergyMwh, schedule);
    }
}
