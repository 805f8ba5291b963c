using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

public sealed class ClearingTests
{
    private static readonly LinkSpec[] NoLinks = [];

    private static LinkSpec Link(double capacity, double loss = 0, double cost = 0) => new(0, "A-B", 0, 1, capacity, capacity, loss, cost);

    [Fact]
    public void MeritOrderDispatchesCheapestFirstAndTheMarginalOfferSetsThePrice()
    {
        var book = new OfferBook(1);
        book.FixedDemandMw[0] = 150;
        var cheap = book.Add(0, supply: true, 10, 100);
        var middle = book.Add(0, supply: true, 30, 100);
        var dear = book.Add(0, supply: true, 50, 100);
        var (regions, _) = new StepClearing(NoLinks, 30000).Clear(book);
        Assert.Equal(100, book.AcceptedOf(cheap), 9);
        Assert.Equal(50, book.AcceptedOf(middle), 9);
        Assert.Equal(0, book.AcceptedOf(dear), 9);
        Assert.Equal(30, regions[0].PricePerMwh, 9);
    }

    [Fact]
    public void CongestedLinkSplitsPrices()
    {
        var book = new OfferBook(2);
        book.FixedDemandMw[0] = 50;
        book.FixedDemandMw[1] = 200;
        book.Add(0, supply: true, 10, 300);
        book.Add(1, supply: true, 40, 300);
        var (regions, links) = new StepClearing([Link(100)], 30000).Clear(book);
        Assert.Equal(100, links[0].ForwardMw, 9);
        Assert.Equal(10, regions[0].PricePerMwh, 9);
        Assert.Equal(40, regions[1].PricePerMwh, 9);
    }

    [Fact]
    public void UncongestedLinkWithLossesAndCostSetsTheReceivingPriceAboveTheSendingOne()
    {
        var book = new OfferBook(2);
        book.FixedDemandMw[1] = 90;
        book.Add(0, supply: true, 10, 300);
        book.Add(1, supply: true, 40, 300);
        var (regions, links) = new StepClearing([Link(500, loss: 0.1, cost: 2)], 30000).Clear(book);
        Assert.Equal(100, links[0].ForwardMw, 9);
        Assert.Equal(10, regions[0].PricePerMwh, 9);
        // One more MWh in B needs 1/0.9 MWh sent from A at 10 + 2 per MWh sent.
        Assert.Equal(12 / 0.9, regions[1].PricePerMwh, 9);
        Assert.Equal(90, regions[1].ImportMw, 9);
    }

    [Fact]
    public void DemandAboveSupplyIsUnservedAtTheValueOfLostLoad()
    {
        var book = new OfferBook(1);
        book.FixedDemandMw[0] = 120;
        book.Add(0, supply: true, 10, 100);
        var (regions, _) = new StepClearing(NoLinks, 5000).Clear(book);
        Assert.Equal(20, regions[0].UnservedMw, 9);
        Assert.Equal(5000, regions[0].PricePerMwh, 9);
    }

    [Fact]
    public void MustRunAboveDemandIsSpilled()
    {
        var book = new OfferBook(1);
        book.FixedDemandMw[0] = 50;
        book.FixedSupplyMw[0] = 80;
        var (regions, _) = new StepClearing(NoLinks, 5000).Clear(book);
        Assert.Equal(30, regions[0].SpilledMw, 9);
        Assert.Equal(-5000, regions[0].PricePerMwh, 9);
    }

    [Fact]
    public void PriceResponsiveDemandIsCurtailedAboveItsBid()
    {
        var book = new OfferBook(1);
        book.FixedDemandMw[0] = 100;
        var flexible = book.Add(0, supply: false, 35, 50);
        book.Add(0, supply: true, 20, 100);
        book.Add(0, supply: true, 50, 100);
        var (regions, _) = new StepClearing(NoLinks, 30000).Clear(book);
        Assert.Equal(0, book.AcceptedOf(flexible), 9);
        Assert.Equal(35, regions[0].PricePerMwh, 9);
    }

    [Fact]
    public void EqualPricedOffersShareAcceptanceProRata()
    {
        var book = new OfferBook(1);
        book.FixedDemandMw[0] = 60;
        var a = book.Add(0, supply: true, 10, 100);
        var b = book.Add(0, supply: true, 10, 50);
        new StepClearing(NoLinks, 30000).Clear(book);
        Assert.Equal(40, book.AcceptedOf(a), 9);
        Assert.Equal(20, book.AcceptedOf(b), 9);
    }
}
