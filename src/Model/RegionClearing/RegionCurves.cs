using GridActors.Model.Coupling;
using GridActors.Model.Market;

namespace GridActors.Model.RegionClearing;

/// <summary>
/// A region's bid curve for the coordinator (<see cref="RegionCurve"/>): for each step, the least its plants,
/// renewables and loads can inject, and the blocks above it in merit order — renewables, curtailable loads and plants
/// whose ramp cannot bind, one block per price — and its other plants in groups that keep their ramps. Up to
/// <see cref="MaxBlocks"/> prices per step and <see cref="MaxGroups"/> groups the curve is exact (ramps included);
/// beyond, neighbours in price order are pooled at their average price, so the curve's size does not grow with the
/// region's assets beyond those limits. Stores and shiftable loads are not in it: the coordinator mixes their
/// schedules (<see cref="FlexibleColumn"/>).
/// </summary>
public static class RegionCurves
{
    public const int MaxBlocks = 48;

    public static RegionCurve Of(IReadOnlyList<AssetBid> bids, int steps, double stepHours)
    {
        var baseMw = new double[steps];
        var baseCost = 0.0;
        var blocks = new List<Move>[steps];
        for (var k = 0; k < steps; k++)
        {
            // A block a bid at most: no list grows step by step.
            blocks[k] = new List<Move>(bids.Count);
        }
        foreach (var bid in bids)
        {
            // Once a bid, not once a step: it reads the plant's whole window.
            var grouped = bid is ThermalBid plant && RampMayBind(plant);
            for (var k = 0; k < steps; k++)
            {
                switch (bid)
                {
                    case ThermalBid t:
                        baseMw[k] += t.FloorMw[k];
                        baseCost += t.FloorMw[k] * t.PricePerMwh[k] * stepHours;
                        if (!grouped)
                        {
                            Add(blocks[k], t.CeilingMw[k] - t.FloorMw[k], t.PricePerMwh[k]);
                        }
                        break;
                    case RenewableBid r:
                        Add(blocks[k], r.AvailableMw[k], r.PricePerMwh);
                        break;
                    case LoadBid l:
                        baseMw[k] -= l.FixedMw[k] + l.CurtailableMw[k];
                        Add(blocks[k], l.CurtailableMw[k], l.CurtailmentPricePerMwh);
                        break;
                    case FixedDemandBid d:
                        baseMw[k] -= d.DemandMw[k];
                        break;
                }
            }
        }
        return new RegionCurve(baseMw, baseCost, [.. blocks.Select(Pool)], Groups([.. bids.OfType<ThermalBid>().Where(RampMayBind)], steps));
    }

    /// <summary>
    /// Whether a plant's ramp can bind in the window: only if it is less than the plant's whole range (from its lowest
    /// floor to its highest ceiling, as the first step ramps from the output before the window). A plant that can go
    /// anywhere in a step is a block per step at its own price; the others join the groups, whose ramps the coordinator keeps.
    /// </summary>
    private static bool RampMayBind(ThermalBid plant) =>
        plant.CeilingMw.Length > 0 && plant.RampMwPerStep < Math.Max(plant.CeilingMw.Max(), plant.PreviousOutputMw ?? 0) - Math.Min(plant.FloorMw.Min(), plant.PreviousOutputMw ?? double.PositiveInfinity);

    /// <summary>The most plant groups a region's curve has; a region with more plants pools neighbours in price order.</summary>
    public const int MaxGroups = 128;

    private static ThermalGroup[] Groups(ThermalBid[] plants, int steps)
    {
        // Ordered by mean price (then by asset, so the same on every run), and pooled into groups of about equal count.
        var ordered = plants.OrderBy(p => p.PricePerMwh.Average()).ThenBy(p => p.Asset).ToArray();
        var count = Math.Min(MaxGroups, ordered.Length);
        var groups = new ThermalGroup[count];
        for (var g = 0; g < count; g++)
        {
            var members = ordered[(g * ordered.Length / count)..((g + 1) * ordered.Length / count)];
            var floor = new double[steps];
            var room = new double[steps];
            var price = new double[steps];
            for (var k = 0; k < steps; k++)
            {
                var value = 0.0;
                foreach (var p in members)
                {
                    floor[k] += p.FloorMw[k];
                    room[k] += p.CeilingMw[k] - p.FloorMw[k];
                    value += (p.CeilingMw[k] - p.FloorMw[k]) * p.PricePerMwh[k];
                }
                price[k] = room[k] > 0 ? value / room[k] : members.Average(p => p.PricePerMwh[k]);
            }
            var previous = members.All(p => p.PreviousOutputMw is not null) ? members.Sum(p => p.PreviousOutputMw!.Value) : (double?)null;
            groups[g] = new ThermalGroup(floor, room, price, members.Sum(p => p.RampMwPerStep), previous, members.Min(p => p.Asset));
        }
        return groups;
    }

    private static void Add(List<Move> blocks, double mw, double price)
    {
        if (mw > 1e-9)
        {
            blocks.Add(new Move(mw, price));
        }
    }

    private static Move[] Pool(List<Move> moves)
    {
        // Equal prices keep the order of the bids (a stable sort), so the blocks are the same on every run.
        var merged = new List<Move>();
        foreach (var move in moves.OrderBy(m => m.PricePerMwh))
        {
            if (merged.Count > 0 && merged[^1].PricePerMwh == move.PricePerMwh)
            {
                merged[^1] = merged[^1] with { Mw = merged[^1].Mw + move.Mw };
            }
            else
            {
                merged.Add(move);
            }
        }
        if (merged.Count <= MaxBlocks)
        {
            return [.. merged];
        }
        var pooled = new Move[MaxBlocks];
        for (var b = 0; b < MaxBlocks; b++)
        {
            var from = b * merged.Count / MaxBlocks;
            var to = (b + 1) * merged.Count / MaxBlocks;
            var mw = 0.0;
            var value = 0.0;
            for (var i = from; i < to; i++)
            {
                mw += merged[i].Mw;
                value += merged[i].Mw * merged[i].PricePerMwh;
            }
            pooled[b] = new Move(mw, value / mw);
        }
        return pooled;
    }
}
