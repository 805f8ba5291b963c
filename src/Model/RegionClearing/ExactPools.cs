using GridActors.Model.Market;

namespace GridActors.Model.RegionClearing;

/// <summary>
/// Flexible assets of one region that a market can hold as one: <see cref="Bid"/> is their sum, and each member runs
/// its <see cref="Member.Share"/> of whatever the pool runs.
/// </summary>
internal sealed record ExactPool<TBid>(TBid Bid, ExactPool<TBid>.Member[] Members)
{
    /// <summary>A pooled asset (its index in the region) and its share of the pool.</summary>
    public readonly record struct Member(int Local, double Share);
}

/// <summary>
/// Stores, and loads' shiftable parts, that are the same asset at different sizes: the same limits per MW, efficiencies,
/// wear and window, and a profile and state in the same proportion. Their limits are linear and scale with the size,
/// so any schedule of the sum, split in proportion to size, is a schedule each member can run at the same cost per MW,
/// and any schedules of the members add up to one of the sum: the region's market holds one store or one shiftable load
/// for each pool and loses nothing. The national scenarios' industrial loads follow one profile with a few shift
/// windows, so a province's 20-30 shiftable loads become 2 or 3, and their backlog rows, most of the region's market,
/// shrink as much. A member whose state drifted out of proportion (round-off beyond <see cref="Tolerance"/>) stands alone.
/// </summary>
internal static class ExactPools
{
    /// <summary>Per-unit figures this close (relative, at least absolute) are the same.</summary>
    public const double Tolerance = 1e-9;

    public static List<ExactPool<StorageBid>> OfStores(IEnumerable<(int Local, StorageBid Bid)> stores) =>
        Group(stores, b => b.PowerMw, StoreShape, SumStores);

    public static List<ExactPool<ShiftBid>> OfShifts(IEnumerable<(int Local, ShiftBid Bid)> shifts) =>
        Group(shifts, ShiftSize, ShiftShape, SumShifts);

    /// <summary>Pools in the order of their first member, members in the given order: the same pools on every run.</summary>
    private static List<ExactPool<T>> Group<T>(IEnumerable<(int Local, T Bid)> assets, Func<T, double> size, Func<T, double, double[]> shape, Func<IReadOnlyList<T>, T> sum)
    {
        var groups = new List<(double[]? Shape, List<(int Local, T Bid, double Size)> Members)>();
        foreach (var (local, bid) in assets)
        {
            var s = size(bid);
            // An asset of no size has no shape per unit: it is a pool of its own.
            var perUnit = s > 0 ? shape(bid, s) : null;
            var group = perUnit is null ? -1 : groups.FindIndex(g => g.Shape is { } other && Same(other, perUnit));
            if (group < 0)
            {
                groups.Add((perUnit, []));
                group = groups.Count - 1;
            }
            groups[group].Members.Add((local, bid, s));
        }
        return [.. groups.Select(g =>
        {
            var total = g.Members.Sum(m => m.Size);
            var members = g.Members.Select(m => new ExactPool<T>.Member(m.Local, total > 0 ? m.Size / total : 1)).ToArray();
            return new ExactPool<T>(g.Members.Count == 1 ? g.Members[0].Bid : sum([.. g.Members.Select(m => m.Bid)]), members);
        })];
    }

    private static bool Same(double[] a, double[] b)
    {
        if (a.Length != b.Length)
        {
            return false;
        }
        for (var i = 0; i < a.Length; i++)
        {
            if (Math.Abs(a[i] - b[i]) > Tolerance * Math.Max(1, Math.Max(Math.Abs(a[i]), Math.Abs(b[i]))))
            {
                return false;
            }
        }
        return true;
    }

    private static double[] StoreShape(StorageBid bid, double powerMw) =>
        [bid.EnergyMwh / powerMw, bid.ChargeEfficiency, bid.DischargeEfficiency, bid.EnergyNowMwh / powerMw, bid.WearPerMwh,
            .. bid.FloorMwh.Select(f => f / powerMw)];

    private static StorageBid SumStores(IReadOnlyList<StorageBid> bids) => bids[0] with
    {
        PowerMw = bids.Sum(b => b.PowerMw),
        EnergyMwh = bids.Sum(b => b.EnergyMwh),
        EnergyNowMwh = bids.Sum(b => b.EnergyNowMwh),
        FloorMwh = [.. Enumerable.Range(0, bids[0].FloorMwh.Length).Select(k => bids.Sum(b => b.FloorMwh[k]))],
    };

    /// <summary>The energy a shiftable load must serve in the range: what falls due in it and what it carries in (MW × steps).</summary>
    private static double ShiftSize(ShiftBid bid) => bid.ShiftableMw.Sum() + bid.Backlog.Sum(d => d.PowerMw);

    private static double[] ShiftShape(ShiftBid bid, double size) =>
        [bid.WindowSteps, bid.LastStep, bid.ShiftableMw.Length, .. bid.ShiftableMw.Select(s => s / size),
            .. ByDeadline(bid.Backlog).SelectMany(d => new[] { d.DeadlineStep, d.PowerMw / size })];

    private static ShiftBid SumShifts(IReadOnlyList<ShiftBid> bids) => bids[0] with
    {
        ShiftableMw = [.. Enumerable.Range(0, bids[0].ShiftableMw.Length).Select(k => bids.Sum(b => b.ShiftableMw[k]))],
        Backlog = ByDeadline(bids.SelectMany(b => b.Backlog)),
    };

    /// <summary>Energy carried in, summed by deadline, earliest first.</summary>
    private static DeferredEnergy[] ByDeadline(IEnumerable<DeferredEnergy> backlog) =>
        [.. backlog.GroupBy(d => d.DeadlineStep).OrderBy(g => g.Key).Select(g => new DeferredEnergy(g.Key, g.Sum(d => d.PowerMw)))];
}
