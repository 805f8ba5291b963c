namespace GridActors.Model.Market;

/// <summary>
/// Demand deferred by a shiftable load, oldest deadline first: the state a load carries from one
/// window to the next. Recovered energy is taken from the oldest deferral first (first in, first out).
/// </summary>
public static class ShiftBacklog
{
    /// <summary>Below this a deferral is round-off and dropped (MW).</summary>
    private const double NegligibleMw = 1e-9;

    /// <summary>
    /// The backlog after the given steps: each step recovers from the oldest deferral first, then
    /// adds what it deferred with its deadline, <paramref name="windowSteps"/> later (at most the last step).
    /// </summary>
    public static DeferredEnergy[] Apply(IReadOnlyList<DeferredEnergy> backlog, int firstStep, IReadOnlyList<AssetStep> steps, int windowSteps, int lastStep)
    {
        var items = backlog.OrderBy(i => i.DeadlineStep).ToList();
        for (var k = 0; k < steps.Count; k++)
        {
            var remaining = steps[k].RecoveredMw;
            for (var i = 0; i < items.Count && remaining > 0; i++)
            {
                var served = Math.Min(items[i].PowerMw, remaining);
                items[i] = items[i] with { PowerMw = items[i].PowerMw - served };
                remaining -= served;
            }
            items.RemoveAll(i => i.PowerMw <= NegligibleMw);
            // Energy deferred and recovered in the same step never entered the backlog.
            var deferred = steps[k].DeferredMw - remaining;
            if (deferred > NegligibleMw)
            {
                items.Add(new DeferredEnergy(Math.Min(firstStep + k + windowSteps, lastStep), deferred));
            }
        }
        return [.. items];
    }
}
