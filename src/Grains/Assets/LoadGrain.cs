using GridActors.Grains.Abstractions;
using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

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
