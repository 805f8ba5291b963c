using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// A store over a range of steps, exactly as the format defines it: charge and discharge within
/// its power, energy e(t) = e(t-1) + (charge x eta_c - discharge / eta_d) x dt within its capacity,
/// wear cost on discharge, and the cyclic rule. With the cyclic rule, the energy never drops below
/// what full-power charging can still bring back to the initial level by the last step: implied by
/// the rule, and it keeps a range that ends before the horizon from stranding the store.
/// </summary>
public sealed class StorageTerms
{
    private StorageTerms(LpVariable[] charge, LpVariable[] discharge, LpVariable[] energy)
    {
        Charge = charge;
        Discharge = discharge;
        Energy = energy;
    }

    public LpVariable[] Charge { get; }

    public LpVariable[] Discharge { get; }

    public LpVariable[] Energy { get; }

    public static StorageTerms Add(LpModel solver, StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int steps, int lastStep, double startEnergyMwh) =>
        Add(solver, StorageBidding.Bid(spec, economics, stepHours, firstStep, steps, lastStep, startEnergyMwh), stepHours, firstStep, spec.Id);

    /// <summary>The store of <paramref name="bid"/> over its floors' steps from <paramref name="firstStep"/>; <paramref name="name"/> names its columns.</summary>
    public static StorageTerms Add(LpModel solver, StorageBid bid, double stepHours, int firstStep, string name)
    {
        var steps = bid.FloorMwh.Length;
        var charge = new LpVariable[steps];
        var discharge = new LpVariable[steps];
        var energy = new LpVariable[steps];
        var objective = solver.Objective();
        for (var k = 0; k < steps; k++)
        {
            var step = firstStep + k;
            charge[k] = solver.MakeNumVar(0, bid.PowerMw, $"charge_{name}_t{step}");
            discharge[k] = solver.MakeNumVar(0, bid.PowerMw, $"discharge_{name}_t{step}");
            energy[k] = solver.MakeNumVar(bid.FloorMwh[k], bid.EnergyMwh, $"energy_{name}_t{step}");
            objective.SetCoefficient(discharge[k], bid.WearPerMwh * stepHours);

            // e(k) - e(k-1) - charge x eta_c x dt + discharge / eta_d x dt = 0, with e(-1) the energy held now.
            var previous = k == 0 ? bid.EnergyNowMwh : 0;
            var row = solver.MakeConstraint(previous, previous, $"storage_{name}_t{step}");
            row.SetCoefficient(energy[k], 1);
            if (k > 0)
            {
                row.SetCoefficient(energy[k - 1], -1);
            }
            row.SetCoefficient(charge[k], -bid.ChargeEfficiency * stepHours);
            row.SetCoefficient(discharge[k], stepHours / bid.DischargeEfficiency);
        }
        return new StorageTerms(charge, discharge, energy);
    }

    /// <summary>The solved schedule as asset steps (discharge produced, charge consumed, energy after the step).</summary>
    public AssetStep[] Schedule()
    {
        var steps = new AssetStep[Charge.Length];
        for (var k = 0; k < steps.Length; k++)
        {
            steps[k] = new AssetStep(
                Snap.NonNegative(Discharge[k].SolutionValue()), Snap.NonNegative(Charge[k].SolutionValue()), 0, 0, 0, 0, 0,
                Snap.NonNegative(Energy[k].SolutionValue()));
        }
        return steps;
    }
}
