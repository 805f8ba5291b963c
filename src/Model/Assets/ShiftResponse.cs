using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Assets;

/// <summary>
/// The shiftable part of a load answering a price signal: when to consume it within its shift
/// window so that it pays least, the same problem as <see cref="ShiftTerms"/> states as an LP.
/// Solved exactly without one: recovery has no upper limit, so every deferred MWh is on its own
/// (first in, first out makes the LP's backlog rows the same as "each MWh served within its
/// window"). A step's shiftable demand waits for the cheapest step within its window when that is
/// cheaper by more than the token cost of deferring; energy carried in is served at the cheapest
/// step before its deadline. Ties go to the earliest step. About steps × window operations.
/// </summary>
public sealed class ShiftResponse
{
    /// <summary>Per MWh deferred: breaks ties between equal prices in favour of serving on time (not a real cost).</summary>
    public const double TieBreakPerMwh = 1e-4;

    private readonly LoadSpec spec;
    private readonly double[] shiftableMw;
    private readonly IReadOnlyList<DeferredEnergy> backlog;
    private readonly int lastIndex;

    /// <summary>Sets up the load's answers for <paramref name="steps"/> steps from <paramref name="firstStep"/>, with the backlog it carries in.</summary>
    /// <remarks>Every MWh is priced per step alike, so the step's length does not change the answer and is not asked for.</remarks>
    public ShiftResponse(LoadSpec spec, int firstStep, int steps, int lastStep, IReadOnlyList<DeferredEnergy> backlog)
    {
        this.spec = spec;
        this.backlog = backlog;
        FirstStep = firstStep;
        shiftableMw = [.. Enumerable.Range(firstStep, steps).Select(spec.ShiftableMw)];
        // The backlog must be empty after the range's last step and after the horizon's.
        lastIndex = Math.Min(steps - 1, lastStep - firstStep);
    }

    public int FirstStep { get; }

    public int Steps => shiftableMw.Length;

    /// <summary>The schedule of the shiftable part that pays least at these prices.</summary>
    public Proposal Propose(double[] pricePerMwh)
    {
        var deferred = new double[Steps];
        var recovered = new double[Steps];
        var window = spec.ShiftWindowSteps;
        for (var k = 0; window > 0 && k < lastIndex; k++)
        {
            var to = Cheapest(pricePerMwh, k + 1, Math.Min(k + window, lastIndex));
            if (pricePerMwh[to] + TieBreakPerMwh < pricePerMwh[k] && shiftableMw[k] > 0)
            {
                deferred[k] = shiftableMw[k];
                recovered[to] += shiftableMw[k];
            }
        }
        foreach (var carried in backlog)
        {
            // Carried energy may wait while its deadline is later than the step.
            var latest = Math.Clamp(carried.DeadlineStep - FirstStep, 0, Math.Max(0, lastIndex));
            recovered[Cheapest(pricePerMwh, 0, latest)] += carried.PowerMw;
        }
        var steps = new AssetStep[Steps];
        for (var k = 0; k < steps.Length; k++)
        {
            steps[k] = new AssetStep(0, shiftableMw[k] - deferred[k] + recovered[k], 0, 0, deferred[k], recovered[k], 0, 0);
        }
        return Proposal.From(spec.Index, spec.Region, 0, steps);
    }

    /// <summary>One answer for a window.</summary>
    public static Proposal Once(LoadSpec spec, int firstStep, int lastStep, IReadOnlyList<DeferredEnergy> backlog, double[] pricePerMwh) =>
        new ShiftResponse(spec, firstStep, pricePerMwh.Length, lastStep, backlog).Propose(pricePerMwh);

    /// <summary>The earliest step in [from, to] with the lowest price.</summary>
    private static int Cheapest(double[] pricePerMwh, int from, int to)
    {
        var best = from;
        for (var k = from + 1; k <= to; k++)
        {
            if (pricePerMwh[k] < pricePerMwh[best])
            {
                best = k;
            }
        }
        return best;
    }
}
