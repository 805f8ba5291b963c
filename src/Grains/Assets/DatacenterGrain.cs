using GridActors.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

/// <summary>A data-center campus: its interactive IT load and the batch work placed on it, times PUE, taken whatever the price.</summary>
public sealed class DatacenterGrain : AssetGrain<DatacenterSpec>, IDatacenterGrain
{
    protected override AssetBid? Bid(BidRequest request) => DatacenterBidding.Bid(Spec, request.FirstStep, request.Steps, Setup.BatchItMw);
}
