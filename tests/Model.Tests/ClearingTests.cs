using GridActors.Model.Market;
using GridActors.Model.Scenario;
using static GridActors.Model.Tests.MarketFixtures;

namespace GridActors.Model.Tests;

public sealed class ClearingTests
{
    private static LinkSpec Link(double capacity, double loss = 0, double cost = 0) => new(0, "A-B", 0, 1, capacity, capacity, loss, cost);

    [Fact]
    public void MeritOrderDispatchesCheapestFirstAndTheMarginalOfferSetsThePrice()
    {
        var scenario = Build(1, 1, [], Placeholders(0, 0, 0, 0));
        var outcome = Clear(scenario, Plant(0, 0, 100, 10), Plant(1, 0, 100, 30), Plant(2, 0, 100, 50), Demand(3, 0, 150));
        Assert.Equal([100, 50, 0], outcome.Assets[..3].Select(a => a[0].ProducedMw));
        Assert.Equal(30, outcome.Regions[0][0].PricePerMwh, 9);
    }

    [Fact]
    public void CongestedLinkSplitsPrices()
    {
        var scenario = Build(1, 2, [Link(100)], Placeholders(0, 1, 0, 1));
        var outcome = Clear(scenario, Plant(0, 0, 300, 10), Plant(1, 1, 300, 40), Demand(2, 0, 50), Demand(3, 1, 200));
        Assert.Equal(100, outcome.Links[0][0].ForwardMw, 9);
        Assert.Equal(10, outcome.Regions[0][0].PricePerMwh, 9);
        Assert.Equal(40, outcome.Regions[1][0].PricePerMwh, 9);
    }

    [Fact]
    public void UncongestedLinkWithLossesAndCostSetsTheReceivingPriceAboveTheSendingOne()
    {
        var scenario = Build(1, 2, [Link(500, loss: 0.1, cost: 2)], Placeholders(0, 1, 1));
        var outcome = Clear(scenario, Plant(0, 0, 300, 10), Plant(1, 1, 300, 40), Demand(2, 1, 90));
        Assert.Equal(100, outcome.Links[0][0].ForwardMw, 9);
        Assert.Equal(10, outcome.Regions[0][0].PricePerMwh, 9);
        // One more MWh in B needs 1/0.9 MWh sent from A at 10 + 2 per MWh sent.
        Assert.Equal(12 / 0.9, outcome.Regions[1][0].PricePerMwh, 9);
        Assert.Equal(90, outcome.Regions[1][0].ImportMw, 9);
    }

    [Fact]
    public void DemandAboveSupplyIsUnservedAtTheValueOfLostLoad()
    {
        var scenario = Build(1, 1, [], Placeholders(0, 0));
        var outcome = Clear(scenario, Plant(0, 0, 100, 10), Demand(1, 0, 120));
        Assert.Equal(20, outcome.Regions[0][0].UnservedMw, 9);
        Assert.Equal(20, outcome.Assets[1][0].UnservedMw, 9);
        Assert.Equal(30000, outcome.Regions[0][0].PricePerMwh, 9);
    }

    [Fact]
    public void MustRunAboveDemandIsSpilled()
    {
        var scenario = Build(1, 1, [], Placeholders(0, 0));
        var outcome = Clear(scenario, Plant(0, 0, 100, 10, floorMw: 80), Demand(1, 0, 50));
        Assert.Equal(30, outcome.Regions[0][0].SpilledMw, 9);
        Assert.Equal(-30000, outcome.Regions[0][0].PricePerMwh, 9);
    }

    [Fact]
    public void CurtailableDemandIsShedAboveItsCurtailmentCost()
    {
        var scenario = Build(1, 1, [], Placeholders(0, 0, 0));
        var outcome = Clear(scenario, new LoadBid(0, 0, [100], [50], 35), Plant(1, 0, 100, 20), Plant(2, 0, 100, 50));
        Assert.Equal(50, outcome.Assets[0][0].ShedMw, 9);
        Assert.Equal(100, outcome.Assets[0][0].ConsumedMw, 9);
        Assert.Equal(35, outcome.Regions[0][0].PricePerMwh, 9);
    }

    [Fact]
    public void EqualPricedOffersShareAcceptanceProRata()
    {
        var scenario = Build(1, 1, [], Placeholders(0, 0, 0));
        var outcome = Clear(scenario, new RenewableBid(0, 0, [100], 10), new RenewableBid(1, 0, [50], 10), Demand(2, 0, 60));
        Assert.Equal(40, outcome.Assets[0][0].ProducedMw, 9);
        Assert.Equal(20, outcome.Assets[1][0].ProducedMw, 9);
        Assert.Equal(60, outcome.Assets[0][0].CurtailedMw, 9);
    }

    [Fact]
    public void RampsLinkTheStepsOfAWindowSoThePlantPlansAhead()
    {
        // Demand 10, 100, 100, 0 with a 20 MW must-run coal plant ramping 30 MW per step: the window
        // clearing keeps coal at 50 in step 2 so it can come down to its floor in step 3 (spilling 20, not 50).
        var scenario = Build(4, 1, [], Placeholders(0, 0, 0));
        var coal = new ThermalBid(0, 0, Repeat(20, 4), Repeat(100, 4), Repeat(10, 4), 30, null);
        var outcome = Clear(scenario, coal, Plant(1, 0, 1000, 500, steps: 4), Demand(2, 0, 10, 100, 100, 0));
        Assert.Equal([20, 50, 50, 20], outcome.Assets[0].Select(s => Math.Round(s.ProducedMw, 9)));
        Assert.Equal([0, 50, 50, 0], outcome.Assets[1].Select(s => Math.Round(s.ProducedMw, 9)));
        Assert.Equal([10, 0, 0, 20], outcome.Regions[0].Select(r => Math.Round(r.SpilledMw, 9)));
    }
}
