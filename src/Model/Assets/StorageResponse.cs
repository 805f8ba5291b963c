using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// A store's exact best answer to a price signal: the schedule that earns it the most over the
/// window and its look-ahead, within its own limits (power, energy, efficiencies, the cyclic rule
/// as an energy floor per step), the same problem as <see cref="StorageTerms"/> states as an LP.
/// Solved by dynamic programming over the stored energy: the best value of the steps so far as a
/// function of the energy held is concave and piecewise linear; a step's moves (charge or
/// discharge up to full power) are a concave function of the energy they add, and the next value
/// is the best split between the two, then cut to the step's energy limits. The schedule is read
/// back from the last step. About steps × (pieces ≈ 2 × hours of storage) operations, no LP; the
/// LP is its test oracle. Its parameters never leave the grain; only the schedule does.
/// </summary>
public sealed class StorageResponse
{
    private readonly StorageSpec spec;
    private readonly double stepHours;
    private readonly double startEnergyMwh;
    private readonly double[] floorMwh;

    /// <summary>Sets up the store's answers for <paramref name="steps"/> steps from <paramref name="firstStep"/>, holding <paramref name="energyMwh"/> now.</summary>
    public StorageResponse(StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int steps, int lastStep, double energyMwh)
    {
        this.spec = spec;
        this.stepHours = stepHours;
        FirstStep = firstStep;
        startEnergyMwh = energyMwh;
        floorMwh = [.. Enumerable.Range(firstStep, steps).Select(step => StorageMath.EnergyFloor(spec, economics, stepHours, step, lastStep))];
    }

    public int FirstStep { get; }

    public int Steps => floorMwh.Length;

    /// <summary>
    /// The best schedule at these prices. Energy held after the last planned step is worth
    /// <paramref name="terminalPricePerMwh"/> times the discharge efficiency (0 when the plan
    /// reaches the horizon's end).
    /// </summary>
    public Proposal Propose(double[] pricePerMwh, double terminalPricePerMwh = 0)
    {
        var steps = Steps;
        // valueBefore[k]: the best the store earns in steps before k, by the energy it holds entering step k.
        var valueBefore = new ConcavePiecewise[steps];
        var moves = new ConcavePiecewise[steps];
        var value = ConcavePiecewise.Linear(startEnergyMwh, startEnergyMwh, 0);
        for (var k = 0; k < steps; k++)
        {
            valueBefore[k] = value.Clone();
            moves[k] = Moves(pricePerMwh[k]);
            value.AddBestSplit(moves[k]);
            if (!value.Clip(floorMwh[k], spec.EnergyMwh))
            {
                // An asset's own limits are always satisfiable from a state reached by a feasible schedule.
                throw new InvalidOperationException($"asset '{spec.Id}' found no schedule within its own limits (its energy cannot reach {floorMwh[k]:0.###} MWh by step {FirstStep + k})");
            }
        }
        var terminalValue = terminalPricePerMwh * spec.DischargeEfficiency;
        value.AddLinear(terminalValue);
        var energy = new double[steps];
        if (steps > 0)
        {
            energy[^1] = value.Maximum().X;
        }
        var schedule = new AssetStep[steps];
        var wear = 0.0;
        for (var k = steps - 1; k >= 0; k--)
        {
            var before = valueBefore[k].BestSplit(moves[k], energy[k]);
            var (charge, discharge) = Split(energy[k] - before, pricePerMwh[k]);
            schedule[k] = new AssetStep(discharge, charge, 0, 0, 0, 0, 0, Snap.NonNegative(energy[k]));
            wear += discharge * spec.CostPerMwh * stepHours;
            if (k > 0)
            {
                energy[k - 1] = before;
            }
        }
        // The proposal's cost carries the same terminal value, so the market weighs schedules as the store does.
        var held = steps > 0 ? schedule[^1].EnergyMwh : startEnergyMwh;
        return Proposal.From(spec.Index, spec.Region, wear - terminalValue * held, schedule);
    }

    /// <summary>One answer for a window.</summary>
    public static Proposal Once(StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int lastStep, double energyMwh, double[] pricePerMwh, double terminalPricePerMwh = 0) =>
        new StorageResponse(spec, economics, stepHours, firstStep, pricePerMwh.Length, lastStep, energyMwh).Propose(pricePerMwh, terminalPricePerMwh);

    /// <summary>
    /// What one step's moves earn as a function of the energy they add, from full discharge
    /// (−P·h/η_d) to full charge (+η_c·P·h): the upper edge of all (charge, discharge) pairs within
    /// power. Normally the store either discharges (earning (price − wear)·η_d per MWh taken out of
    /// storage) or charges (paying price/η_c per MWh put in); at prices so negative that wasting
    /// energy pays, both at once is better, and the pieces come in the other order.
    /// </summary>
    private ConcavePiecewise Moves(double price)
    {
        var dischargeSpan = spec.PowerMw * stepHours / spec.DischargeEfficiency;
        var chargeSpan = spec.PowerMw * stepHours * spec.ChargeEfficiency;
        var dischargeSlope = -(price - spec.CostPerMwh) * spec.DischargeEfficiency;
        var chargeSlope = -price / spec.ChargeEfficiency;
        var fullDischarge = (price - spec.CostPerMwh) * spec.PowerMw * stepHours;
        return WastesEnergy(price)
            ? ConcavePiecewise.FromPieces(-dischargeSpan, fullDischarge, [(chargeSpan, chargeSlope), (dischargeSpan, dischargeSlope)])
            : ConcavePiecewise.FromPieces(-dischargeSpan, fullDischarge, [(dischargeSpan, dischargeSlope), (chargeSpan, chargeSlope)]);
    }

    /// <summary>Whether charging and discharging at once earns more than either alone (only at negative prices).</summary>
    private bool WastesEnergy(double price) =>
        -(price - spec.CostPerMwh) * spec.DischargeEfficiency < -price / spec.ChargeEfficiency;

    /// <summary>The charge and discharge (MW) that add <paramref name="addedMwh"/> to storage at the best value for the price.</summary>
    private (double ChargeMw, double DischargeMw) Split(double addedMwh, double price)
    {
        var power = spec.PowerMw;
        double charge, discharge;
        if (WastesEnergy(price))
        {
            // Along the upper edge: full discharge while charge rises, then full charge while discharge falls.
            var bothFull = power * stepHours * (spec.ChargeEfficiency - 1 / spec.DischargeEfficiency);
            if (addedMwh <= bothFull)
            {
                discharge = power;
                charge = (addedMwh + power * stepHours / spec.DischargeEfficiency) / (spec.ChargeEfficiency * stepHours);
            }
            else
            {
                charge = power;
                discharge = (power * stepHours * spec.ChargeEfficiency - addedMwh) * spec.DischargeEfficiency / stepHours;
            }
        }
        else if (addedMwh >= 0)
        {
            charge = addedMwh / (spec.ChargeEfficiency * stepHours);
            discharge = 0;
        }
        else
        {
            charge = 0;
            discharge = -addedMwh * spec.DischargeEfficiency / stepHours;
        }
        return (Snap.Value(Math.Clamp(charge, 0, power), 0, power), Snap.Value(Math.Clamp(discharge, 0, power), 0, power));
    }
}
