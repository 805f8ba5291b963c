using GridActors.Model.Coupling;
using GridActors.Model.Market;

namespace GridActors.Model.RegionClearing;

/// <summary>
/// A region's offer around its clearing, step by step: its merit order seen from where it stands.
/// Plants can go up to their ceiling or down to their floor, renewables stop spilling or spill,
/// curtailable loads shed more or less; flexible assets keep their mix. Ramps are left out: the
/// offer is the region's bid curve of each step, and the region's own clearing at the injection the
/// coordinator then asks puts the ramps back (it may cost more than the offer said; the upper
/// bound is that clearing, never the offer). The moves of a step are pooled into at most
/// <see cref="MaxBlocks"/> blocks each way, the nearest to the margin alone and further ones in
/// blocks of growing size, each at its average price, so the offer's size does not grow with the
/// region's assets beyond that.
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
                        Add(up[k], t.CeilingMw[k] - p, t.PricePerMwh[k]);
                        Add(down[k], p - t.FloorMw[k], t.PricePerMwh[k]);
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
