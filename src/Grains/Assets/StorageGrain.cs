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

/// <summary>An industrial enterprise or a region's other demand: bids its fixed and curtailable parts, negotiates its shiftable part, keeps its deferred energy.</summary>
public sealed class LoadGrain : AssetGrain<LoadSpec>, ILoadGrain
{
    private DeferredEnergy[] backlog = [];

    protected override void OnInitialized() => backlog = [];

    protected override AssetBid? Bid(BidRequest request) => LoadBidding.Bid(Spec, request.FirstStep, request.Steps);

    public Task<Proposal> ProposeAsync(ProposalRequest request) =>
        Task.FromResult(ShiftResponse.Propose(Spec, Setup.StepHours, request.FirstStep, LastStep, backlog, request.PricePerMwh));

    protected override void Settle(AssetSettlement settlement) =>
        backlog = ShiftBacklog.Apply(backlog, settlement.FirstStep, settlement.Steps, Spec.ShiftWindowSteps, LastStep);
}
