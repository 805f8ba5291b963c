using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

public sealed class AssetBehaviourTests
{
    private static readonly EconomicsSpec Economics = new("CNY", 0, 30000, CyclicStorage: false);

    private static ResolvedScenario OneRegion(int steps, params AssetSpec[] assets) =>
        new("t", 0, DateTimeOffset.UnixEpoch, steps, 60, Economics, [new RegionSpec(0, "A", "A")], [], assets, ComputeSpec.Empty);

    private static double[] Repeat(double value, int steps) => Enumerable.Repeat(value, steps).ToArray();

    [Fact]
    public void ThermalRespectsRampsAndMinimumOutput()
    {
        var plant = new ThermalSpec(0, "coal", 0, null, "coal", 100, 20, 30, 10, 0.9, Repeat(1, 4));
        var load = new LoadSpec(1, "town", 0, null, "other", [10, 100, 100, 0], 0, 0, 0, 0);
        var backup = new ThermalSpec(2, "peaker", 0, null, "gas", 1000, 0, double.PositiveInfinity, 500, 0.4, Repeat(1, 4));
        var scenario = OneRegion(4, plant, load, backup);
        var bids = new AssetBid[]
        {
            ThermalBidding.Bid(plant, Economics, 1, ThermalBidding.Envelope(plant, 1), 0, 4, null),
            LoadBidding.Bid(load, Economics, 0, 4, [], null),
            ThermalBidding.Bid(backup, Economics, 1, ThermalBidding.Envelope(backup, 1), 0, 4, null),
        };
        var outcome = new WindowClearer(scenario).Clear(0, 4, bids);
        var coal = outcome.Assets[0].Select(s => s.ProducedMw).ToArray();
        Assert.Equal([20, 50, 80, 50], coal);
        Assert.Equal([0, 50, 20, 0], outcome.Assets[2].Select(s => Math.Round(s.ProducedMw, 9)));
        Assert.Equal([10, 0, 0, 50], outcome.Regions[0].Select(r => r.SpilledMw));
    }

    [Fact]
    public void ThermalRampsDownAheadOfAnAvailabilityDrop()
    {
        var plant = new ThermalSpec(0, "coal", 0, null, "coal", 100, 0, 20, 10, 0.9, [1, 1, 1, 0.2]);
        var (_, ceiling) = ThermalBidding.Envelope(plant, 1);
        Assert.Equal([80, 60, 40, 20], ceiling);
    }

    [Fact]
    public void StorageKeepsItsEnergyWithinBounds()
    {
        var battery = new StorageSpec(0, "bat", 0, null, 50, 100, 0.9, 0.9, 0.5, 0, "battery");
        var cheap = new ThermalSpec(1, "wind-like", 0, null, "other", 1000, 0, double.PositiveInfinity, 0, 0, Repeat(1, 6));
        var load = new LoadSpec(2, "town", 0, null, "other", Repeat(10, 6), 0, 0, 0, 0);
        var scenario = OneRegion(6, battery, cheap, load);
        var bid = new StorageBid(0, 0, Repeat(1, 6), Repeat(1e6, 6), 50, 100, 0.9, 0.9, 50, Repeat(0, 6));
        var outcome = new WindowClearer(scenario).Clear(0, 6, [bid,
            ThermalBidding.Bid(cheap, Economics, 1, ThermalBidding.Envelope(cheap, 1), 0, 6, null),
            LoadBidding.Bid(load, Economics, 0, 6, [], null)]);
        var energy = outcome.Assets[0].Select(s => s.EnergyMwh).ToArray();
        Assert.All(energy, e => Assert.InRange(e, 0, 100));
        Assert.Equal(95, energy[0], 9);
        Assert.Equal(100, energy[1], 9);
        Assert.Equal(50, outcome.Assets[0][0].ConsumedMw, 9);
        Assert.Equal(5 / 0.9, outcome.Assets[0][1].ConsumedMw, 9);
        Assert.Equal(0, outcome.Assets[0][2].ConsumedMw, 9);
    }

    [Fact]
    public void StorageStrategyBuysLowAndSellsHighOnlyWhenTheSpreadPays()
    {
        var battery = new StorageSpec(0, "bat", 0, null, 10, 20, 0.9, 0.9, 0.5, 5, "battery");
        var bid = StorageStrategy.Bid(battery, Economics, 1, 0, 4, 3, 10, [10, 100, 12, 90]);
        Assert.True(bid.BuyPricePerMwh[0] >= 12 && bid.BuyPricePerMwh[0] < 90 * 0.81 - 5);
        Assert.True(bid.SellPricePerMwh[0] <= 90 && bid.SellPricePerMwh[0] > bid.BuyPricePerMwh[0]);
        var flat = StorageStrategy.Bid(battery, Economics, 1, 0, 4, 3, 10, [50, 52, 50, 52]);
        Assert.Equal(StorageStrategy.Idle(Economics).Buy, flat.BuyPricePerMwh[0]);
    }

    [Fact]
    public void CyclicStorageIsForcedToRechargeByTheEnd()
    {
        var battery = new StorageSpec(0, "bat", 0, null, 10, 40, 1, 1, 0.5, 0, "battery");
        var economics = Economics with { CyclicStorage = true };
        var bid = StorageStrategy.Bid(battery, economics, 1, 0, 4, 3, 0, null);
        Assert.Equal([0, 0, 10, 20], bid.MinEnergyAfterMwh);
    }

    [Fact]
    public void LoadShedsItsCurtailablePartAboveItsCurtailmentCost()
    {
        var load = new LoadSpec(0, "mill", 0, null, "steel", Repeat(100, 2), 0.3, 200, 0, 0);
        var plant = new ThermalSpec(1, "gas", 0, null, "gas", 1000, 0, double.PositiveInfinity, 300, 0.4, Repeat(1, 2));
        var scenario = OneRegion(2, load, plant);
        var outcome = new WindowClearer(scenario).Clear(0, 2, [
            LoadBidding.Bid(load, Economics, 0, 2, [], null),
            ThermalBidding.Bid(plant, Economics, 1, ThermalBidding.Envelope(plant, 1), 0, 2, null)]);
        Assert.Equal(30, outcome.Assets[0][0].ShedMw, 9);
        Assert.Equal(70, outcome.Assets[0][0].ConsumedMw, 9);
        Assert.Equal(300, outcome.Regions[0][0].PricePerMwh, 9);
    }

    [Fact]
    public void ShiftableLoadMovesToTheCheaperStepWithinItsWindowAndLosesNoEnergy()
    {
        var load = new LoadSpec(0, "cement", 0, null, "cement", Repeat(100, 4), 0, 0, 0.5, 2);
        var plant = new ThermalSpec(1, "coal", 0, null, "coal", 1000, 0, double.PositiveInfinity, 300, 0.9, Repeat(1, 4));
        var cheap = new RenewableSpec(2, "solar", "solar", 0, null, 100, 0, [0, 0, 1, 0]);
        var scenario = OneRegion(4, load, plant, cheap);
        var forecast = new double[] { 300, 300, 0, 300 };
        var outcome = new WindowClearer(scenario).Clear(0, 4, [
            LoadBidding.Bid(load, Economics, 0, 4, [], forecast),
            ThermalBidding.Bid(plant, Economics, 1, ThermalBidding.Envelope(plant, 1), 0, 4, null),
            RenewableBidding.Bid(cheap, 0, 4)]);
        var steps = outcome.Assets[0];
        Assert.Equal([50, 50, 200, 100], steps.Select(s => s.ConsumedMw));
        Assert.Equal(400, steps.Sum(s => s.ConsumedMw), 9);
        Assert.Equal([50, 50, 0, 0], steps.Select(s => s.DeferredMw));
        Assert.Equal([0, 0, 100, 0], steps.Select(s => s.RecoveredMw));
        Assert.Empty(outcome.Backlogs[0]);
    }

    [Fact]
    public void DeferredDemandIsServedByItsDeadlineEvenWhenDear()
    {
        var load = new LoadSpec(0, "cement", 0, null, "cement", Repeat(100, 4), 0, 0, 0.5, 1);
        var plant = new ThermalSpec(1, "coal", 0, null, "coal", 1000, 0, double.PositiveInfinity, 300, 0.9, Repeat(1, 4));
        var scenario = OneRegion(4, load, plant);
        var forecast = new double[] { 300, 0, 0, 0 };
        var outcome = new WindowClearer(scenario).Clear(0, 4, [
            LoadBidding.Bid(load, Economics, 0, 4, [], forecast),
            ThermalBidding.Bid(plant, Economics, 1, ThermalBidding.Envelope(plant, 1), 0, 4, null)]);
        var steps = outcome.Assets[0];
        Assert.Equal(50, steps[0].DeferredMw, 9);
        Assert.Equal(50, steps[1].RecoveredMw, 9);
        Assert.Equal(100, steps[1].ConsumedMw, 9);
        Assert.Equal(400, steps.Sum(s => s.ConsumedMw), 9);
    }
}
