namespace GridActors.Model.Market;

/// <summary>
/// The offers of one step, collected from every unit: price-quantity segments on the supply or
/// demand side of a region, plus quantities that must be taken whatever the price.
/// After clearing, <see cref="Accepted"/> holds the accepted quantity of each offer.
/// </summary>
public sealed class OfferBook(int regions)
{
    private readonly List<Offer> offers = [];

    public double[] FixedSupplyMw { get; } = new double[regions];

    public double[] FixedDemandMw { get; } = new double[regions];

    public IReadOnlyList<Offer> Offers => offers;

    public double[] Accepted { get; private set; } = [];

    public int RegionCount => FixedSupplyMw.Length;

    /// <summary>Adds a price-dependent offer and returns its handle (or -1 when its quantity is zero).</summary>
    public int Add(int region, bool supply, double pricePerMwh, double quantityMw)
    {
        if (quantityMw <= 0)
        {
            return -1;
        }
        offers.Add(new Offer(region, supply, pricePerMwh, quantityMw));
        return offers.Count - 1;
    }

    public double AcceptedOf(int handle) => handle < 0 ? 0 : Accepted[handle];

    internal void SetAccepted(double[] accepted) => Accepted = accepted;

    public void Clear()
    {
        offers.Clear();
        Array.Clear(FixedSupplyMw);
        Array.Clear(FixedDemandMw);
        Accepted = [];
    }
}

public readonly record struct Offer(int Region, bool Supply, double PricePerMwh, double QuantityMw);
