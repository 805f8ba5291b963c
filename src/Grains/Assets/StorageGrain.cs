using GridActors.Abstractions;
using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

/// <summary>A battery or pumped-hydro store: holds its energy and answers prices with the schedule that earns it most.</summary>
public sealed class StorageGrain : AssetGrain<StorageSpec>, IStorageGrain
{
    private double energyMwh;
    private StorageResponse? response;

    protected override void OnInitialized()
    {
        energyMwh = Spec.InitialEnergyMwh;
        Forget();
    }

    /// <summary>
    /// Its limits from the energy it holds now: a region clearing its own market holds the store exactly; the central
    /// market leaves the bid aside and mixes the store's answers to prices.
    /// </summary>
    protected override AssetBid? Bid(BidRequest request) =>
        StorageBidding.Bid(Spec, Setup.Economics, Setup.StepHours, request.FirstStep, request.Steps, LastStep, energyMwh);

    public Task<Proposal> ProposeAsync(ProposalRequest request)
    {
        // A window's first signal sets the answers up afresh from the state now, so a replayed window answers exactly as the first time.
        if (request.Request == 0 || response is null || response.FirstStep != request.FirstStep || response.Steps != request.PricePerMwh.Length)
        {
            response = new StorageResponse(Spec, Setup.Economics, Setup.StepHours, request.FirstStep, request.PricePerMwh.Length, LastStep, energyMwh);
        }
        return Task.FromResult(response.Propose(request.PricePerMwh, request.TerminalPricePerMwh));
    }

    protected override void Settle(AssetSettlement settlement)
    {
        energyMwh = settlement.Steps[^1].EnergyMwh;
        Forget();
    }

    protected override AssetCheckpoint Checkpoint() => new(EnergyMwh: energyMwh);

    protected override void Restore(AssetCheckpoint checkpoint) => energyMwh = checkpoint.EnergyMwh ?? Spec.InitialEnergyMwh;

    private void Forget() => response = null;
}
