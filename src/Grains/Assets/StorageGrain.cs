using GridActors.Grains.Abstractions;
using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

/// <summary>A battery or pumped-hydro store: holds its energy and trades on the price forecast it is given.</summary>
public sealed class StorageGrain : AssetGrain<StorageSpec>, IStorageGrain
{
    private double energyMwh;

    protected override void OnInitialized() => energyMwh = Spec.InitialEnergyMwh;

    protected override AssetBid Bid(BidRequest request) =>
        StorageStrategy.Bid(Spec, Setup.Economics, Setup.StepHours, request.FirstStep, request.Steps, LastStep, energyMwh, request.ForecastPricePerMwh);

    protected override void Settle(AssetSettlement settlement)
    {
        // Recompute the energy from the accepted powers with the same rule the clearing used.
        foreach (var step in settlement.Steps)
        {
            energyMwh = StorageMath.NextEnergy(energyMwh, step.ConsumedMw, step.ProducedMw, Spec.ChargeEfficiency, Spec.DischargeEfficiency, Setup.StepHours, Spec.EnergyMwh);
        }
    }
}

/// <summary>An industrial enterprise or a region's other demand: sheds and shifts on price, keeps its deferred energy.</summary>
public sealed class LoadGrain : AssetGrain<LoadSpec>, ILoadGrain
{
    private DeferredEnergy[] backlog = [];

    protected override void OnInitialized() => backlog = [];

    protected override AssetBid Bid(BidRequest request) =>
        LoadBidding.Bid(Spec, Setup.Economics, request.FirstStep, request.Steps, backlog, request.ForecastPricePerMwh);

    protected override void Settle(AssetSettlement settlement) => backlog = settlement.Backlog;
}
