using GridActors.Model.Coupling;
using GridActors.Model.Market;

namespace GridActors.Model.RegionClearing;

/// <summary>
/// A region's offer around its clearing, step by step: how much more or less its bidding assets
/// can inject and at what price. Each plant moves at most half its ramp's slack on either side,
/// so moves in any combination of steps keep every ramp; renewables can stop spilling or spill,
/// curtailable loads shed more or less. Flexible assets keep their mix. The moves of a step are
/// pooled into at most <see cref="MaxBlocks"/> blocks each way, the nearest to the margin alone
/// and further ones in blocks of growing size, each at its average price: a region can always
/// deliver a block's part for no more than the block's price says (cheapest first), so the
/// coordinator's view never promises what the region cannot do.
/// </summary>
public static class RegionMoves
{
    public const int MaxBlocks = 8;

    public static (Move[][] Up, Move[][] Down) Offer(IReadOnlyList<AssetBid> bids, IReadOnlyList<AssetStep[]> cleared, int steps)
    {
        var up = new List<Move>[steps];
        var down = new List<Move>[steps];
        for (var k = 0; k < steps; k++)
        {
            up[k] = [];
            down[k] = [];
        }
        for (var i = 0; i < bids.Count; i++)
        {
            var schedule = cleared[i];
            switch (bids[i])
            {
                case ThermalBid t:
                    for (var k = 0; k < steps; k++)
                    {
                        var p = schedule[k].ProducedMw;
                        var reach = RampReach(t, schedule, k);
                        Add(up[k], Math.Min(t.CeilingMw[k] - p, reach), t.PricePerMwh[k]);
                        Add(down[k], Math.Min(p - t.FloorMw[k], reach), t.PricePerMwh[k]);
                    }
                    break;
                case RenewableBid r:
                    for (var k = 0; k < steps; k++)
                    {
                        Add(up[k], schedule[k].CurtailedMw, r.PricePerMwh);
                        Add(down[k], schedule[k].ProducedMw, r.PricePerMwh);
                    }
                    break;
                case LoadBid l:
                    for (var k = 0; k < steps; k++)
                    {
                        Add(up[k], l.CurtailableMw[k] - schedule[k].ShedMw, l.CurtailmentPricePerMwh);
                        Add(down[k], schedule[k].ShedMw, l.CurtailmentPricePerMwh);
                    }
                    break;
            }
        }
        return ([.. up.Select(m => Pool(m, ascending: true))], [.. down.Select(m => Pool(m, ascending: false))]);
    }

    /// <summary>Half the smaller slack of the ramps into and out of step k: moves of that size at every step never break a ramp.</summary>
    private static double RampReach(ThermalBid bid, AssetStep[] schedule, int k)
    {
        if (double.IsPositiveInfinity(bid.RampMwPerStep))
        {
            return double.PositiveInfinity;
        }
        var slack = double.PositiveInfinity;
        var p = schedule[k].ProducedMw;
        if (k > 0)
        {
            slack = bid.RampMwPerStep - Math.Abs(p - schedule[k - 1].ProducedMw);
        }
        else if (bid.PreviousOutputMw is { } previous)
        {
            // The step before the window is fixed: this step may use the whole slack towards it.
            slack = 2 * (bid.RampMwPerStep - Math.Abs(p - previous));
        }
        if (k + 1 < schedule.Length)
        {
            slack = Math.Min(slack, bid.RampMwPerStep - Math.Abs(schedule[k + 1].ProducedMw - p));
        }
        return Math.Max(0, slack / 2);
    }

    private static void Add(List<Move> moves, double mw, double price)
    {
        if (mw > 1e-9)
        {
            moves.Add(new Move(mw, price));
        }
    }

    /// <summary>Sorts moves from the margin outwards and pools them into blocks of 1, 1, 2, 4, ... moves, the last taking the rest.</summary>
    private static Move[] Pool(List<Move> moves, bool ascending)
    {
        // Equal prices keep the order of the bids (a stable sort), so the blocks are the same on every run.
        var sorted = ascending ? moves.OrderBy(m => m.PricePerMwh).ToList() : moves.OrderByDescending(m => m.PricePerMwh).ToList();
        var blocks = new List<Move>();
        var start = 0;
        var size = 1;
        while (start < sorted.Count)
        {
            var count = blocks.Count == MaxBlocks - 1 ? sorted.Count - start : Math.Min(size, sorted.Count - start);
            var mw = 0.0;
            var value = 0.0;
            for (var i = start; i < start + count; i++)
            {
                mw += sorted[i].Mw;
                value += sorted[i].Mw * sorted[i].PricePerMwh;
            }
            blocks.Add(new Move(mw, value / mw));
            start += count;
            if (blocks.Count >= 2)
            {
                size *= 2;
            }
        }
        return [.. blocks];
    }
}
