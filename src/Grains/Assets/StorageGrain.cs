using GridActors.Grains.Abstractions;
using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

/// <summary>A battery or pumped-hydro store: holds its energy and answers prices with the schedule that earns it most.</summary>
public sealed class StorageGrain : AssetGrain<StorageSpec>, IStorageGrain
{
    private double energyMwh;

    protected override void OnInitialized() => energyMwh = Spec.InitialEnergyMwh;

    /// <summary>Storage places no price-quantity bid: it negotiates with schedules only.</summary>
    protected override AssetBid? Bid(BidRequest request) => null;

    public Task<Proposal> ProposeAsync(ProposalRequest request) =>
        Task.FromResult(StorageResponse.Propose(Spec, Setup.Economics, Setup.StepHours, request.FirstStep, LastStep, energyMwh, request.PricePerMwh, request.TerminalPricePerMwh));

    protected override void Settle(AssetSettlement settlement) => energyMwh = settlement.Steps[^1].EnergyMwh;
}
