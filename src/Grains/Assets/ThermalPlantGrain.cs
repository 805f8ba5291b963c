using GridActors.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

/// <summary>A dispatchable plant: remembers its last output so its next bid respects its ramp.</summary>
public sealed class ThermalPlantGrain : AssetGrain<ThermalSpec>, IThermalPlantGrain
{
    private double? previousOutputMw;

    protected override void OnInitialized() => previousOutputMw = null;

    protected override AssetBid? Bid(BidRequest request) =>
        ThermalBidding.Bid(Spec, Setup.Economics, Setup.StepHours, request.FirstStep, request.Steps, previousOutputMw);

    protected override void Settle(AssetSettlement settlement) => previousOutputMw = settlement.Steps[^1].ProducedMw;

    protected override AssetCheckpoint Checkpoint() => new(PreviousOutputMw: previousOutputMw);

    protected override void Restore(AssetCheckpoint checkpoint) => previousOutputMw = checkpoint.PreviousOutputMw;
}
