namespace GridActors.Model.Market;

/// <summary>
/// A schedule a flexible asset offers to run over the steps of a window (and its look-ahead): the
/// power it would put into its region's balance in each step (negative: take out), what running it
/// would cost the asset itself (wear), and the schedule in full. The market mixes an asset's
/// proposals; every mix is feasible for the asset because its own limits are convex.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.Proposal")]
public sealed record Proposal(
    [property: Id(0)] int Asset,
    [property: Id(1)] int Region,
    [property: Id(2)] double[] InjectionMw,
    [property: Id(3)] double Cost,
    [property: Id(4)] AssetStep[] Steps)
{
    public static Proposal From(int asset, int region, double cost, AssetStep[] steps) =>
        new(asset, region, [.. steps.Select(s => s.ProducedMw - s.ConsumedMw)], cost, steps);

    /// <summary>What the schedule costs the asset at the given prices: its own cost minus what it earns for its injections.</summary>
    public double CostAtPrices(double[] pricePerMwh, double stepHours)
    {
        var total = Cost;
        for (var k = 0; k < InjectionMw.Length; k++)
        {
            total -= pricePerMwh[k] * InjectionMw[k] * stepHours;
        }
        return total;
    }
}
