using GridActors.Abstractions;
using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

/// <summary>An industrial enterprise or a region's other demand: bids its fixed and curtailable parts, negotiates its shiftable part, keeps its deferred energy.</summary>
public sealed class LoadGrain : AssetGrain<LoadSpec>, ILoadGrain
{
    private DeferredEnergy[] backlog = [];
    private ShiftResponse? response;

    protected override void OnInitialized()
    {
        backlog = [];
        Forget();
    }

    /// <summary>Its fixed and curtailable parts, and its shiftable part with the energy it carries in (which the central market leaves to its answers).</summary>
    protected override AssetBid? Bid(BidRequest request) => LoadBidding.Bid(Spec, request.FirstStep, request.Steps, (LastStep, backlog));

    public Task<Proposal> ProposeAsync(ProposalRequest request)
    {
        // A window's first signal sets the answers up afresh from the state now, so a replayed window answers exactly as the first time.
        if (request.Request == 0 || response is null || response.FirstStep != request.FirstStep || response.Steps != request.PricePerMwh.Length)
        {
            response = new ShiftResponse(Spec, request.FirstStep, request.PricePerMwh.Length, LastStep, backlog);
        }
        return Task.FromResult(response.Propose(request.PricePerMwh));
    }

    protected override void Settle(AssetSettlement settlement)
    {
        backlog = ShiftBacklog.Apply(backlog, settlement.FirstStep, settlement.Steps, Spec.ShiftWindowSteps, LastStep);
        Forget();
    }

    protected override AssetCheckpoint Checkpoint() => new(Backlog: backlog);

    protected override void Restore(AssetCheckpoint checkpoint) => backlog = checkpoint.Backlog ?? [];

    private void Forget() => response = null;
}
