using GridActors.Abstractions;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Assets;

/// <summary>
/// Shared plumbing of the asset grains: keeps the setup; the subclass supplies strategy and state.
/// Every asset grain inherits <c>[PreferLocalPlacement]</c>: only its region grain calls it (set-up,
/// bids, proposals every round, settlement), so it is activated on its region's silo and those calls
/// stay in process instead of crossing silos.
/// </summary>
[Orleans.Placement.PreferLocalPlacement]
public abstract class AssetGrain<TSpec> : Grain, IAssetGrain where TSpec : AssetSpec
{
    private AssetSetup? setup;

    protected TSpec Spec => (TSpec)Setup.Spec;

    protected AssetSetup Setup => setup ?? throw new GrainStateLostException($"asset grain {this.GetPrimaryKeyString()} was not initialised");

    protected int LastStep => Setup.Steps - 1;

    public Task InitializeAsync(AssetSetup setup)
    {
        if (setup.Spec is not TSpec)
        {
            throw new ArgumentException($"{GetType().Name} cannot host a {setup.Spec.Type} asset", nameof(setup));
        }
        this.setup = setup;
        OnInitialized();
        if (setup.Restore is { } restore)
        {
            Restore(restore);
        }
        return Task.CompletedTask;
    }

    public Task<AssetBid?> BidAsync(BidRequest request) => Task.FromResult(Bid(request));

    public Task ReleaseAsync()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<AssetCheckpoint> SettleAsync(AssetSettlement settlement)
    {
        Settle(settlement);
        return Task.FromResult(Checkpoint());
    }

    protected virtual void OnInitialized() { }

    protected abstract AssetBid? Bid(BidRequest request);

    protected virtual void Settle(AssetSettlement settlement) { }

    /// <summary>The state the asset carries into the next window; none for assets without memory.</summary>
    protected virtual AssetCheckpoint Checkpoint() => AssetCheckpoint.None;

    /// <summary>Takes the state of a checkpoint, after <see cref="OnInitialized"/> reset the asset.</summary>
    protected virtual void Restore(AssetCheckpoint checkpoint) { }
}
