using Google.OrTools.LinearSolver;
using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Optimization;

namespace GridActors.Model.Tests;

/// <summary>The exact price answers without an LP, against the LP of the same problem on random prices.</summary>
public sealed class FastAnswerTests
{
    public static IEnumerable<object[]> Seeds() => [.. Enumerable.Range(1, 100).Select(i => new object[] { i })];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ThermalAnswerEqualsItsLp(int seed)
    {
        var random = new Random(seed);
        var steps = 1 + random.Next(48);
        var capacity = 100 + 900 * random.NextDouble();
        var ceiling = Enumerable.Range(0, steps).Select(_ => random.NextDouble() < 0.1 ? capacity * random.NextDouble() : capacity).ToArray();
        var floorShare = random.NextDouble() * 0.5;
        var ramp = random.NextDouble() < 0.2 ? double.PositiveInfinity : capacity * (0.05 + 0.5 * random.NextDouble());
        var spec = new Scenario.ThermalSpec(0, "p", 0, null, "coal", capacity, capacity * floorShare, ramp, 250, 0.9, [.. ceiling.Select(c => c / capacity)]);
        var envelope = ThermalBidding.Envelope(spec, 1);
        double? previous = random.NextDouble() < 0.5 ? null : envelope.Floor[0] + (envelope.Ceiling[0] - envelope.Floor[0]) * random.NextDouble();
        var bid = ThermalBidding.Bid(spec, MarketFixtures.Economics, 1, envelope, 0, steps, previous);
        var prices = Enumerable.Range(0, steps).Select(_ => random.NextDouble() < 0.1 ? 250 : 150 + 200 * random.NextDouble()).ToArray();

        var lp = ThermalLp(bid, prices);
        if (lp is null)
        {
            // Limits no schedule can follow (a floor out of reach of the ceiling before it): both say so.
            Assert.Throws<InvalidOperationException>(() => ThermalResponse.Best(bid, prices, 1));
            return;
        }
        var (output, earnings) = ThermalResponse.Best(bid, prices, 1);
        var lpEarnings = lp.Value;

        Assert.Equal(lpEarnings, earnings, 1e-6 * Math.Max(1, Math.Abs(lpEarnings)));
        var value = 0.0;
        for (var k = 0; k < steps; k++)
        {
            Assert.InRange(output[k], bid.FloorMw[k] - 1e-7, bid.CeilingMw[k] + 1e-7);
            var before = k > 0 ? output[k - 1] : previous;
            if (before is { } b && double.IsFinite(ramp))
            {
                Assert.InRange(output[k] - b, -ramp - 1e-7, ramp + 1e-7);
            }
            value += (prices[k] - bid.PricePerMwh[k]) * output[k];
        }
        Assert.Equal(earnings, value, 1e-6 * Math.Max(1, Math.Abs(earnings)));
    }

    private static double? ThermalLp(ThermalBid bid, double[] prices)
    {
        using var solver = LpSolvers.Create(LpSolverKind.Glop);
        var steps = prices.Length;
        var output = new Variable[steps];
        for (var k = 0; k < steps; k++)
        {
            output[k] = solver.MakeNumVar(bid.FloorMw[k], bid.CeilingMw[k], $"p{k}");
            solver.Objective().SetCoefficient(output[k], prices[k] - bid.PricePerMwh[k]);
            if (!double.IsFinite(bid.RampMwPerStep))
            {
                continue;
            }
            if (k > 0)
            {
                var row = solver.MakeConstraint(-bid.RampMwPerStep, bid.RampMwPerStep);
                row.SetCoefficient(output[k], 1);
                row.SetCoefficient(output[k - 1], -1);
            }
            else if (bid.PreviousOutputMw is { } previous)
            {
                var row = solver.MakeConstraint(previous - bid.RampMwPerStep, previous + bid.RampMwPerStep);
                row.SetCoefficient(output[k], 1);
            }
        }
        solver.Objective().SetMaximization();
        return solver.Solve() == Solver.ResultStatus.OPTIMAL ? solver.Objective().Value() : null;
    }
}
