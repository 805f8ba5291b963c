using GridActors.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

/// <summary>Wind, solar or run-of-river: offers its availability at its marginal cost.</summary>
public sealed class RenewableGrain : AssetGrain<RenewableSpec>, IRenewableGrain
{
    protected override AssetBid? Bid(BidRequest request) => RenewableBidding.Bid(Spec, request.FirstStep, request.Steps);
}
