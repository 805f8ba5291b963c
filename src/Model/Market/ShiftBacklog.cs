namespace GridActors.Model.Market;

/// <summary>
/// Demand deferred by a shiftable load, oldest deadline first. Deferred energy is served no
/// earlier than it was due and no later than its deadline.
/// </summary>
public sealed class ShiftBacklog(IEnumerable<DeferredEnergy> items)
{
    private readonly List<DeferredEnergy> items = [.. items.OrderBy(i => i.DeadlineStep)];

    public double TotalMw => items.Sum(i => i.PowerMw);

    /// <summary>Deferred power whose deadline is this step or earlier: it must be served now.</summary>
    public double DueBy(int step) => items.Where(i => i.DeadlineStep <= step).Sum(i => i.PowerMw);

    /// <summary>
    /// Serves the due part and then <paramref name="acceptedFlexibleMw"/> of flexible demand, oldest
    /// backlog first and new demand last; what is left of the new demand is deferred to <paramref name="deadline"/>.
    /// Returns the deferred power served now (recovered) and the new power deferred.
    /// </summary>
    public (double RecoveredMw, double DeferredMw) Settle(int step, double newShiftableMw, double acceptedFlexibleMw, int deadline)
    {
        var recovered = 0.0;
        var remaining = acceptedFlexibleMw;
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            var serve = item.DeadlineStep <= step ? item.PowerMw : Math.Min(item.PowerMw, remaining);
            if (item.DeadlineStep > step)
            {
                remaining -= serve;
            }
            recovered += serve;
            items[i] = item with { PowerMw = item.PowerMw - serve };
        }
        items.RemoveAll(i => i.PowerMw <= 1e-12);
        var deferred = Math.Max(0, newShiftableMw - Math.Max(0, remaining));
        if (deferred > 1e-12)
        {
            var at = items.FindIndex(i => i.DeadlineStep > deadline);
            items.Insert(at < 0 ? items.Count : at, new DeferredEnergy(deadline, deferred));
        }
        return (recovered, deferred > 1e-12 ? deferred : 0);
    }

    public DeferredEnergy[] ToArray() => [.. items];
}
