using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Scenario;
using static GridActors.Model.Tests.MarketFixtures;

namespace GridActors.Model.Tests;

public sealed class AssetBehaviourTests
{
    private static readonly EconomicsSpec Cyclic = Economics with { CyclicStorage = true };

    [Fact]
    public void ThermalRampsDownAheadOfAnAvailabilityDrop()
    {
        var plant = new ThermalSpec(0, "coal", 0, null, "coal", 100, 0, 20, 10, 0.9, [1, 1, 1, 0.2]);
        var (_, ceiling) = ThermalBidding.Envelope(plant, 1, 0, 4);
        Assert.Equal([80, 60, 40, 20], ceiling);
    }

    /// <summary>
    /// A window's envelope starts its backward pass a swing from zero to full capacity beyond the window, not at the
    /// horizon's end: on random plants (outages, floors, ramps from slow to none) and windows it equals the pass over the
    /// whole horizon, written out here as the format defines it.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void AWindowsEnvelopeEqualsTheWholeHorizonsPass(int seed)
    {
        var random = new Random(seed);
        for (var trial = 0; trial < 200; trial++)
        {
            var horizon = 1 + random.Next(300);
            var capacity = 50 + 950 * random.NextDouble();
            var ramp = random.Next(5) switch { 0 => double.PositiveInfinity, 1 => 0, _ => capacity * (0.01 + 0.6 * random.NextDouble()) };
            var availability = Enumerable.Range(0, horizon).Select(_ => random.NextDouble() < 0.05 ? 0 : random.NextDouble() < 0.1 ? random.NextDouble() : 1).ToArray();
            var stepHours = random.Next(2) == 0 ? 1 : 0.5;
            var plant = new ThermalSpec(0, "p", 0, null, "coal", capacity, capacity * 0.5 * random.NextDouble(), ramp, 300, 0.9, availability);
            var (wholeFloor, wholeCeiling) = WholeHorizonEnvelope(plant, stepHours);
            var first = random.Next(horizon);
            var steps = 1 + random.Next(horizon - first);
            var (floor, ceiling) = ThermalBidding.Envelope(plant, stepHours, first, steps);
            Assert.Equal(wholeFloor[first..(first + steps)], floor);
            Assert.Equal(wholeCeiling[first..(first + steps)], ceiling);
        }
    }

    private static (double[] Floor, double[] Ceiling) WholeHorizonEnvelope(ThermalSpec plant, double stepHours)
    {
        var ramp = plant.RampMwPerH * stepHours;
        var ceiling = plant.Availability.Select(a => plant.CapacityMw * a).ToArray();
        var floor = ceiling.Select(c => Math.Min(plant.MinOutputMw, c)).ToArray();
        for (var t = ceiling.Length - 2; t >= 0; t--)
        {
            ceiling[t] = Math.Min(ceiling[t], ceiling[t + 1] + ramp);
            floor[t] = Math.Min(Math.Max(floor[t], floor[t + 1] - ramp), ceiling[t]);
        }
        return (floor, ceiling);
    }

    [Fact]
    public void StorageBuysLowAndSellsHighWhenTheSpreadPaysForLossesAndWear()
    {
        var battery = new StorageSpec(0, "bat", 0, null, 10, 20, 0.9, 0.9, 0.5, 5, "battery");
        var proposal = StorageResponse.Once(battery, Cyclic, 1, 0, 3, 10, [10, 100, 12, 90]);
        Assert.Equal([10, 0, 10, 0], proposal.Steps.Select(s => Math.Round(s.ConsumedMw, 9)));
        Assert.True(proposal.Steps[1].ProducedMw > 0 && proposal.Steps[3].ProducedMw > 0);
        Assert.All(proposal.Steps, s => Assert.InRange(s.EnergyMwh, 0, 20 + 1e-9));
        Assert.True(proposal.Steps[^1].EnergyMwh >= 10 - 1e-9, "the cyclic rule holds at the last step");
        Assert.Equal(proposal.Steps.Sum(s => s.ProducedMw) * 5, proposal.Cost, 9);
    }

    [Fact]
    public void StorageStaysIdleWhenTheSpreadDoesNotPay()
    {
        var battery = new StorageSpec(0, "bat", 0, null, 10, 20, 0.9, 0.9, 0.5, 5, "battery");
        var proposal = StorageResponse.Once(battery, Cyclic, 1, 0, 3, 10, [50, 52, 50, 52]);
        Assert.All(proposal.Steps, s => Assert.Equal(0, s.ProducedMw + s.ConsumedMw, 9));
    }

    [Fact]
    public void CyclicStorageKeepsEnoughEnergyToRechargeByTheEnd()
    {
        Assert.Equal([0, 0, 10, 20], Enumerable.Range(0, 4).Select(t => StorageMath.CyclicFloor(20, 10, 1, 1, t, 3)));
        var battery = new StorageSpec(0, "bat", 0, null, 10, 40, 1, 1, 0.5, 0, "battery");
        // Prices say "sell everything now", but the store must be back at 20 MWh by step 4.
        var proposal = StorageResponse.Once(battery, Cyclic, 1, 0, 4, 20, [100, 100, 0, 0, 0]);
        Assert.True(proposal.Steps[^1].EnergyMwh >= 20 - 1e-9);
    }

    [Fact]
    public void ShiftableLoadMovesToTheCheaperStepWithinItsWindowAndLosesNoEnergy()
    {
        var load = new LoadSpec(0, "cement", 0, null, "cement", Repeat(100, 4), 0, 0, 0.5, 2);
        var proposal = ShiftResponse.Once(load, 0, 3, [], [300, 300, 0, 300]);
        var steps = proposal.Steps;
        // The proposal covers the shiftable half of the demand (50 MW a step).
        Assert.Equal([0, 0, 150, 50], steps.Select(s => Math.Round(s.ConsumedMw, 9)));
        Assert.Equal(200, steps.Sum(s => s.ConsumedMw), 9);
        Assert.Equal([50, 50, 0, 0], steps.Select(s => Math.Round(s.DeferredMw, 9)));
        Assert.Equal([0, 0, 100, 0], steps.Select(s => Math.Round(s.RecoveredMw, 9)));
        Assert.Empty(ShiftBacklog.Apply([], 0, steps, 2, 3));
    }

    [Fact]
    public void DeferredDemandIsServedByItsDeadlineEvenWhenDear()
    {
        var load = new LoadSpec(0, "cement", 0, null, "cement", Repeat(100, 4), 0, 0, 0.5, 1);
        var proposal = ShiftResponse.Once(load, 0, 3, [], [0, 300, 300, 0]);
        var steps = proposal.Steps;
        Assert.Equal(0, steps[0].DeferredMw, 9);
        // Step 1's share cannot wait past step 2, which is as dear: it is served on time.
        Assert.Equal(0, steps[1].DeferredMw, 9);
        Assert.Equal(50, steps[2].DeferredMw, 9);
        Assert.Equal(50, steps[3].RecoveredMw, 9);
    }

    [Fact]
    public void BacklogCarriedIntoAWindowKeepsItsDeadline()
    {
        var load = new LoadSpec(0, "cement", 0, null, "cement", Repeat(100, 6), 0, 0, 0.5, 3);
        DeferredEnergy[] backlog = [new(4, 30)];
        var proposal = ShiftResponse.Once(load, 3, 5, backlog, [500, 500, 0]);
        // 30 MW deferred earlier is due by step 4: it cannot wait for the cheap step 5.
        Assert.Equal(30, proposal.Steps[0].RecoveredMw + proposal.Steps[1].RecoveredMw, 9);
        Assert.Equal(0, proposal.Steps[2].RecoveredMw - proposal.Steps[0].DeferredMw - proposal.Steps[1].DeferredMw, 9);
    }

    [Fact]
    public void BacklogIsServedFirstInFirstOut()
    {
        var steps = new AssetStep[]
        {
            new(0, 0, 0, 0, DeferredMw: 10, RecoveredMw: 0, 0, 0),
            new(0, 0, 0, 0, DeferredMw: 20, RecoveredMw: 0, 0, 0),
            new(0, 0, 0, 0, DeferredMw: 0, RecoveredMw: 15, 0, 0),
        };
        var backlog = ShiftBacklog.Apply([], 0, steps, windowSteps: 4, lastStep: 9);
        Assert.Equal([new DeferredEnergy(5, 15)], backlog);
    }

    [Fact]
    public void FeasibilityCheckCatchesShiftedDemandServedLate()
    {
        var load = new LoadSpec(0, "cement", 0, null, "cement", Repeat(100, 4), 0, 0, 0.5, 1);
        var scenario = Build(4, 1, [], load);
        // 50 MW deferred in step 0 with a one-step window, but recovered only in step 2.
        AssetStep[][] assets = [[new(0, 50, 0, 0, 50, 0, 0, 0), new(0, 100, 0, 0, 0, 0, 0, 0), new(0, 150, 0, 0, 0, 50, 0, 0), new(0, 100, 0, 0, 0, 0, 0, 0)]];
        var regions = BalanceClosure.Close(scenario, assets, [], [Repeat(0, 4)], 4);
        var check = new GridActors.Testing.FeasibilityCheck(scenario);
        check.Add(GridActors.Model.Accounting.WindowReports.Build(scenario, 0, 4, assets, regions, [], null));
        Assert.Contains(check.Violations, v => v.StartsWith("step 1, cement: only 0 MW-steps", StringComparison.Ordinal));
    }
}
