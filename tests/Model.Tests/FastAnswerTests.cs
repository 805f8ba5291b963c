using GridActors.Model.Assets;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

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
        var envelope = ThermalBidding.Envelope(spec, 1, 0, steps);
        double? previous = random.NextDouble() < 0.5 ? null : envelope.Floor[0] + (envelope.Ceiling[0] - envelope.Floor[0]) * random.NextDouble();
        var bid = ThermalBidding.Bid(spec, MarketFixtures.Economics, 1, 0, steps, previous);
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
        using var solver = new LpModel(LpSolverKind.Glop);
        var steps = prices.Length;
        var output = new LpVariable[steps];
        for (var k = 0; k < steps; k++)
        {
            output[k] = solver.MakeNumVar(bid.FloorMw[k], bid.CeilingMw[k], $"p{k}");
            // Earnings are maximized: their negative is minimized.
            solver.Objective().SetCoefficient(output[k], bid.PricePerMwh[k] - prices[k]);
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
        return solver.Solve() == LpStatus.Optimal ? -solver.Objective().Value() : null;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void StorageAnswerEqualsItsLp(int seed)
    {
        var random = new Random(seed);
        var steps = 1 + random.Next(48);
        var stepHours = random.NextDouble() < 0.3 ? 0.25 : 1;
        var power = 10 + 90 * random.NextDouble();
        var spec = new StorageSpec(0, "s", 0, null, power, power * (0.5 + 9.5 * random.NextDouble()),
            0.75 + 0.25 * random.NextDouble(), 0.75 + 0.25 * random.NextDouble(), random.NextDouble(), random.NextDouble() < 0.3 ? 0 : 10 * random.NextDouble(), "battery");
        var economics = MarketFixtures.Economics with { CyclicStorage = random.NextDouble() < 0.5 };
        var firstStep = random.Next(10);
        var lastStep = firstStep + steps - 1 + (random.NextDouble() < 0.5 ? 0 : random.Next(24));
        var energy = spec.EnergyMwh * random.NextDouble();
        // Prices that repeat, fall below zero (where wasting energy can pay) and swing widely.
        var prices = Enumerable.Range(0, steps).Select(_ => random.NextDouble() switch
        {
            < 0.1 => 100,
            < 0.2 => -200 * random.NextDouble(),
            _ => 50 + 250 * random.NextDouble(),
        }).ToArray();
        var terminal = random.NextDouble() < 0.5 ? 0 : 200 * random.NextDouble();

        var lp = StorageLp(spec, economics, stepHours, firstStep, lastStep, energy, prices, terminal);
        if (lp is null)
        {
            // A start below a cyclic floor that charging cannot reach in time: both say so.
            Assert.Throws<InvalidOperationException>(() => StorageResponse.Once(spec, economics, stepHours, firstStep, lastStep, energy, prices, terminal));
            return;
        }
        var proposal = StorageResponse.Once(spec, economics, stepHours, firstStep, lastStep, energy, prices, terminal);

        Assert.Equal(lp.Value, proposal.CostAtPrices(prices, stepHours), 1e-6 * Math.Max(1, Math.Abs(lp.Value)));
        var held = energy;
        for (var k = 0; k < steps; k++)
        {
            var step = proposal.Steps[k];
            Assert.InRange(step.ProducedMw, 0, power);
            Assert.InRange(step.ConsumedMw, 0, power);
            held += (step.ConsumedMw * spec.ChargeEfficiency - step.ProducedMw / spec.DischargeEfficiency) * stepHours;
            Assert.Equal(held, step.EnergyMwh, 1e-6 * Math.Max(1, spec.EnergyMwh));
            Assert.InRange(step.EnergyMwh, StorageMath.EnergyFloor(spec, economics, stepHours, firstStep + k, lastStep) - 1e-6, spec.EnergyMwh + 1e-6);
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ShiftAnswerEqualsItsLp(int seed)
    {
        var random = new Random(seed);
        var steps = 1 + random.Next(48);
        var firstStep = random.Next(10);
        var lastStep = firstStep + steps - 1 + (random.NextDouble() < 0.5 ? 0 : random.Next(24));
        var window = random.Next(9);
        var demand = Enumerable.Range(0, lastStep + 1).Select(_ => random.NextDouble() < 0.1 ? 0 : 100 * random.NextDouble()).ToArray();
        var spec = new LoadSpec(0, "l", 0, null, "steel", demand, 0, 0, 0.05 + 0.5 * random.NextDouble(), window);
        var backlog = Enumerable.Range(0, random.Next(4))
            .Select(_ => new DeferredEnergy(firstStep + random.Next(Math.Max(1, window + 1)), 20 * random.NextDouble())).ToArray();
        var prices = Enumerable.Range(0, steps).Select(_ => random.NextDouble() < 0.2 ? 100 : 50 + 250 * random.NextDouble()).ToArray();

        var proposal = ShiftResponse.Once(spec, firstStep, lastStep, backlog, prices);
        var lp = ShiftLp(spec, firstStep, lastStep, backlog, prices);

        var value = 0.0;
        var held = backlog.Sum(b => b.PowerMw);
        for (var k = 0; k < steps; k++)
        {
            var step = proposal.Steps[k];
            value += (ShiftResponse.TieBreakPerMwh - prices[k]) * step.DeferredMw + prices[k] * step.RecoveredMw;
            held += step.DeferredMw - step.RecoveredMw;
            Assert.InRange(step.DeferredMw, 0, demand[firstStep + k] * spec.ShiftableFraction + 1e-9);
            Assert.Equal(demand[firstStep + k] * spec.ShiftableFraction - step.DeferredMw + step.RecoveredMw, step.ConsumedMw, 1e-9);
            Assert.True(held >= -1e-9, $"backlog below zero at step {k}");
        }
        Assert.Equal(0, held, 1e-9);
        Assert.Equal(lp, value, 1e-6 * Math.Max(1, Math.Abs(lp)));
    }

    /// <summary>The store's LP, as the optimizer states it, at these prices: its least cost (wear − earnings − terminal value).</summary>
    private static double? StorageLp(StorageSpec spec, EconomicsSpec economics, double stepHours, int firstStep, int lastStep, double energy, double[] prices, double terminal)
    {
        using var solver = new LpModel(LpSolverKind.Glop);
        var terms = StorageTerms.Add(solver, spec, economics, stepHours, firstStep, prices.Length, lastStep, energy);
        var objective = solver.Objective();
        for (var k = 0; k < prices.Length; k++)
        {
            objective.SetCoefficient(terms.Discharge[k], (spec.CostPerMwh - prices[k]) * stepHours);
            objective.SetCoefficient(terms.Charge[k], prices[k] * stepHours);
        }
        objective.SetCoefficient(terms.Energy[^1], -terminal * spec.DischargeEfficiency);
        return solver.Solve() == LpStatus.Optimal ? objective.Value() : null;
    }

    /// <summary>The shiftable load's LP, as the optimizer states it, at these prices (with the token cost of deferring).</summary>
    private static double ShiftLp(LoadSpec spec, int firstStep, int lastStep, IReadOnlyList<DeferredEnergy> backlog, double[] prices)
    {
        using var solver = new LpModel(LpSolverKind.Glop);
        var terms = ShiftTerms.Add(solver, spec, firstStep, prices.Length, lastStep, backlog);
        var objective = solver.Objective();
        for (var k = 0; k < prices.Length; k++)
        {
            objective.SetCoefficient(terms.Deferred[k], ShiftResponse.TieBreakPerMwh - prices[k]);
            objective.SetCoefficient(terms.Recovered[k], prices[k]);
        }
        Assert.Equal(LpStatus.Optimal, solver.Solve());
        return objective.Value();
    }
}
