using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Optimization;

namespace GridActors.Model.Tests;

/// <summary>
/// The window markets leave a fast plant's ramp rows out until a solution breaks them
/// (<see cref="MarketTerms.Solve"/>). On random markets of plants with ramps from a fifth to more
/// than their whole range, outages and an output before the window, the result costs what the LP
/// with every ramp row costs, and no plant's output breaks its ramp.
/// </summary>
public sealed class LazyRampTests
{
    public static IEnumerable<object[]> Seeds() => [.. Enumerable.Range(1, 40).Select(i => new object[] { i })];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void RampRowsAddedWhenBrokenGiveTheOptimumWithEveryRow(int seed)
    {
        var random = new Random(seed);
        var steps = 2 + random.Next(47);
        var bids = new List<AssetBid>();
        var capacityMw = 0.0;
        for (var i = 0; i < 3 + random.Next(10); i++)
        {
            var capacity = 100 + 900 * random.NextDouble();
            capacityMw += capacity;
            var ceiling = Enumerable.Range(0, steps).Select(_ => random.NextDouble() < 0.1 ? capacity * random.NextDouble() : capacity).ToArray();
            var floorShare = random.NextDouble() * 0.5;
            var floor = ceiling.Select(c => Math.Min(c, capacity * floorShare)).ToArray();
            var ramp = capacity * (1 - floorShare) * (0.2 + random.NextDouble());
            double? previous = random.NextDouble() < 0.5 ? null : floor[0] + (ceiling[0] - floor[0]) * random.NextDouble();
            var price = 100 + 300 * random.NextDouble();
            bids.Add(new ThermalBid(i, 0, floor, ceiling, [.. Enumerable.Repeat(price, steps)], ramp, previous));
        }
        bids.Add(new RenewableBid(bids.Count, 0, [.. Enumerable.Range(0, steps).Select(_ => capacityMw * 0.5 * random.NextDouble())], 0));
        bids.Add(new FixedDemandBid(bids.Count, 0, [.. Enumerable.Range(0, steps).Select(_ => capacityMw * (0.2 + 0.7 * random.NextDouble()))]));

        var (everyRow, _) = Solve(bids, steps, lazy: false);
        var (lazy, lazySteps) = Solve(bids, steps, lazy: true);

        Assert.Equal(everyRow is null, lazy is null);
        if (everyRow is not { } expected || lazy is not { } actual)
        {
            return;
        }
        Assert.Equal(expected, actual, 1e-7 * Math.Max(1, Math.Abs(expected)));
        foreach (var bid in bids.OfType<ThermalBid>())
        {
            var before = bid.PreviousOutputMw;
            for (var k = 0; k < steps; k++)
            {
                var output = lazySteps[bid.Asset]![k].ProducedMw;
                if (before is { } last)
                {
                    Assert.InRange(output - last, -bid.RampMwPerStep - 1e-6, bid.RampMwPerStep + 1e-6);
                }
                before = output;
            }
        }
    }

    [Fact]
    public void ABrokenRampGetsItsRowAndTheMarketIsSolvedAgain()
    {
        // A plant that ramps 60 of its 100 MW range in a step waits for its ramp rows. Without them it would follow
        // demand from 30 to 100 MW; with its ramp it reaches 90 MW, and 10 MW go unserved at the value of lost load.
        using var lp = new DispatchLp(LpSolverKind.Highs, 1, 0, 2, 1);
        var market = new MarketTerms(lp, [], 30_000, lazyRamps: true);
        market.Build([new ThermalBid(0, 0, [0, 0], [100, 100], [10, 10], 60, null), new FixedDemandBid(1, 0, [30, 100])]);
        var rowsBefore = lp.Solver.NumConstraints();

        Assert.Equal(LpStatus.Optimal, market.Solve());

        Assert.Equal(rowsBefore + 1, lp.Solver.NumConstraints()); // the one ramp row between its two steps
        Assert.Equal([30, 90], market.AssetSteps(2, 2)[0]!.Select(s => Math.Round(s.ProducedMw, 6)));
        Assert.Equal(10 * (30 + 90) + 30_000 * 10, lp.Solver.Objective().Value(), 1e-6);
    }

    /// <summary>The market's cost (null when its limits leave no solution) and every asset's steps.</summary>
    private static (double? Cost, AssetStep[]?[] Steps) Solve(List<AssetBid> bids, int steps, bool lazy)
    {
        using var lp = new DispatchLp(LpSolverKind.Highs, 1, 0, steps, 1);
        var market = new MarketTerms(lp, [], 30_000, lazyRamps: lazy);
        market.Build(bids);
        var status = lazy ? market.Solve() : lp.Solve();
        return status == LpStatus.Optimal ? (lp.Solver.Objective().Value(), market.AssetSteps(bids.Count, steps)) : (null, []);
    }
}
