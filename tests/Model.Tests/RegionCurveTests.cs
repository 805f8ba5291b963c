using GridActors.Model.Coupling;
using GridActors.Model.Market;
using GridActors.Model.RegionClearing;

namespace GridActors.Model.Tests;

/// <summary>
/// A region's bid curve pools its bids for the coordinator: blocks of equal price into one, and beyond
/// <see cref="RegionCurves.MaxBlocks"/> prices or <see cref="RegionCurves.MaxGroups"/> plants, neighbours in price
/// order. On random regions (plants with and without binding ramps, outages, renewables, curtailable and fixed
/// loads) the pooled curve offers, at every price and step, exactly what the bids offer while it is within its
/// limits — so a merit-order dispatch of the curve is the dispatch of the bids — and beyond them keeps every step's
/// megawatts, their value and the plants' floors and ramps.
/// </summary>
public sealed class RegionCurveTests
{
    [Theory]
    [InlineData(1, 20, 12)]
    [InlineData(2, 60, 8)]
    [InlineData(3, 120, 30)]
    public void APooledCurveOffersWhatItsBidsOfferAtEveryPrice(int seed, int bids, int distinctPrices)
    {
        var random = new Random(seed);
        var steps = 24;
        var prices = Enumerable.Range(0, distinctPrices).Select(_ => Math.Round(100 + 400 * random.NextDouble(), 1)).ToArray();
        var region = RandomBids(random, bids, steps, () => prices[random.Next(prices.Length)]);
        var curve = RegionCurves.Of(region, steps, 1);
        Assert.True(curve.Plants.Length <= RegionCurves.MaxGroups);

        foreach (var price in prices.Append(0).Append(1e4))
        {
            for (var k = 0; k < steps; k++)
            {
                Assert.Equal(BidSupply(region, k, price), CurveSupply(curve, k, price), 6);
            }
        }
        var floorCost = region.OfType<ThermalBid>().Sum(t => Enumerable.Range(0, steps).Sum(k => t.FloorMw[k] * t.PricePerMwh[k]));
        Assert.Equal(floorCost, curve.BaseCost, 6);
    }

    [Fact]
    public void BeyondItsLimitsTheCurveKeepsEveryStepsMegawattsValueFloorsAndRamps()
    {
        var random = new Random(11);
        var steps = 12;
        // Every bid at its own price, and more plants with binding ramps than groups.
        var region = RandomBids(random, 800, steps, () => 100 + 400 * random.NextDouble(), bindingShare: 0.8);
        var curve = RegionCurves.Of(region, steps, 1);
        var plants = region.OfType<ThermalBid>().Where(t => t.RampMwPerStep < t.CeilingMw.Max()).ToArray();
        Assert.True(plants.Length > RegionCurves.MaxGroups, $"{plants.Length} plants with binding ramps");
        Assert.Equal(RegionCurves.MaxGroups, curve.Plants.Length);
        Assert.All(curve.Blocks, b => Assert.InRange(b.Length, 1, RegionCurves.MaxBlocks));
        Assert.Equal(plants.Sum(p => p.RampMwPerStep), curve.Plants.Sum(g => g.RampMwPerStep), 6);
        for (var k = 0; k < steps; k++)
        {
            var offered = BidSupply(region, k, double.PositiveInfinity);
            Assert.Equal(offered, CurveSupply(curve, k, double.PositiveInfinity), 6);
            var value = region.Sum(b => b switch
            {
                ThermalBid t => (t.CeilingMw[k] - t.FloorMw[k]) * t.PricePerMwh[k],
                RenewableBid r => r.AvailableMw[k] * r.PricePerMwh,
                LoadBid l => l.CurtailableMw[k] * l.CurtailmentPricePerMwh,
                _ => 0,
            });
            var curveValue = curve.Blocks[k].Sum(b => b.Mw * b.PricePerMwh) + curve.Plants.Sum(g => g.RoomMw[k] * g.PricePerMwh[k]);
            Assert.Equal(value, curveValue, 1e-9 * value);
            Assert.Equal(region.OfType<ThermalBid>().Sum(t => t.FloorMw[k]) - region.OfType<LoadBid>().Sum(l => l.FixedMw[k] + l.CurtailableMw[k])
                - region.OfType<FixedDemandBid>().Sum(d => d.DemandMw[k]), curve.BaseMw[k], 6);
        }
    }

    /// <summary>What the bids offer at <paramref name="price"/> or less in step k, net of the demand they must serve.</summary>
    private static double BidSupply(IEnumerable<AssetBid> bids, int k, double price) => bids.Sum(b => b switch
    {
        ThermalBid t => t.FloorMw[k] + (t.PricePerMwh[k] <= price ? t.CeilingMw[k] - t.FloorMw[k] : 0),
        RenewableBid r => r.PricePerMwh <= price ? r.AvailableMw[k] : 0,
        LoadBid l => -l.FixedMw[k] - (l.CurtailmentPricePerMwh <= price ? 0 : l.CurtailableMw[k]),
        FixedDemandBid d => -d.DemandMw[k],
        _ => 0,
    });

    private static double CurveSupply(RegionCurve curve, int k, double price) =>
        curve.BaseMw[k] + curve.Blocks[k].Where(b => b.PricePerMwh <= price + 1e-6).Sum(b => b.Mw) + curve.Plants.Where(g => g.PricePerMwh[k] <= price + 1e-6).Sum(g => g.RoomMw[k]);

    private static List<AssetBid> RandomBids(Random random, int count, int steps, Func<double> price, double bindingShare = 0.3)
    {
        var bids = new List<AssetBid>();
        for (var i = 0; i < count; i++)
        {
            switch (random.Next(5))
            {
                case 0 or 1:
                    var capacity = 100 + 900 * random.NextDouble();
                    var ceiling = Enumerable.Range(0, steps).Select(k => k > 0 && random.NextDouble() < 0.05 ? 0 : capacity).ToArray();
                    var floor = ceiling.Select(c => Math.Min(c, capacity * 0.4 * random.NextDouble())).ToArray();
                    var offer = price();
                    var ramp = random.NextDouble() < bindingShare ? capacity * (0.05 + 0.4 * random.NextDouble()) : 2 * capacity;
                    bids.Add(new ThermalBid(i, 0, floor, ceiling, [.. Enumerable.Repeat(offer, steps)], ramp, random.NextDouble() < 0.5 ? null : floor[0]));
                    break;
                case 2:
                    bids.Add(new RenewableBid(i, 0, [.. Enumerable.Range(0, steps).Select(_ => 300 * random.NextDouble())], random.NextDouble() < 0.5 ? 0 : price()));
                    break;
                case 3:
                    bids.Add(new LoadBid(i, 0, [.. Enumerable.Range(0, steps).Select(_ => 200 * random.NextDouble())], [.. Enumerable.Range(0, steps).Select(_ => 50 * random.NextDouble())], price()));
                    break;
                default:
                    bids.Add(new FixedDemandBid(i, 0, [.. Enumerable.Range(0, steps).Select(_ => 100 * random.NextDouble())]));
                    break;
            }
        }
        return bids;
    }
}
