namespace GridActors.Model.Market;

/// <summary>
/// An asset's bid as the window clearing walks through the steps: it offers into each step's book
/// within the limits its state allows, then takes what was accepted and moves its state on.
/// </summary>
internal abstract class ClearingUnit(int asset, int region)
{
    public int Asset { get; } = asset;

    public int Region { get; } = region;

    public abstract void Offer(int k, int step, OfferBook book);

    /// <summary>Takes the accepted quantities of step k; <paramref name="unservedMw"/> is its share of the region's unserved demand.</summary>
    public abstract AssetStep Settle(int k, int step, OfferBook book, double unservedMw);

    /// <summary>Demand this unit takes whatever the price in the step just offered (for sharing unserved energy).</summary>
    public virtual double FixedDemandMw => 0;

    public virtual DeferredEnergy[] Backlog => [];

    public static ClearingUnit From(AssetBid bid, double stepHours, int lastStep) => bid switch
    {
        ThermalBid t => new ThermalUnit(t),
        RenewableBid r => new RenewableUnit(r),
        StorageBid s => new StorageUnit(s, stepHours),
        LoadBid l => new LoadUnit(l, lastStep),
        FixedDemandBid d => new FixedDemandUnit(d),
        _ => throw new ArgumentException($"unknown bid type {bid.GetType().Name}", nameof(bid)),
    };
}

internal sealed class ThermalUnit(ThermalBid bid) : ClearingUnit(bid.Asset, bid.Region)
{
    private double? previous = bid.PreviousOutputMw;
    private double floor;
    private int handle;

    public override void Offer(int k, int step, OfferBook book)
    {
        var (low, high) = (bid.FloorMw[k], bid.CeilingMw[k]);
        if (previous is { } p)
        {
            low = Math.Max(low, p - bid.RampMwPerStep);
            high = Math.Min(high, p + bid.RampMwPerStep);
        }
        // The grain's floors and ceilings are ramp-consistent over the horizon, so this only guards round-off.
        floor = Math.Min(low, high);
        book.FixedSupplyMw[Region] += floor;
        handle = book.Add(Region, supply: true, bid.PricePerMwh[k], high - floor);
    }

    public override AssetStep Settle(int k, int step, OfferBook book, double unservedMw)
    {
        var output = floor + book.AcceptedOf(handle);
        previous = output;
        return new AssetStep(output, 0, 0, 0, 0, 0, 0, 0);
    }
}

internal sealed class RenewableUnit(RenewableBid bid) : ClearingUnit(bid.Asset, bid.Region)
{
    private int handle;

    public override void Offer(int k, int step, OfferBook book) =>
        handle = book.Add(Region, supply: true, bid.PricePerMwh, bid.AvailableMw[k]);

    public override AssetStep Settle(int k, int step, OfferBook book, double unservedMw)
    {
        var output = book.AcceptedOf(handle);
        return new AssetStep(output, 0, Math.Max(0, bid.AvailableMw[k] - output), 0, 0, 0, 0, 0);
    }
}

internal sealed class StorageUnit(StorageBid bid, double stepHours) : ClearingUnit(bid.Asset, bid.Region)
{
    private double energy = bid.EnergyMwh;
    private double forcedCharge;
    private int chargeHandle;
    private int dischargeHandle;

    public override void Offer(int k, int step, OfferBook book)
    {
        var minimum = Math.Min(bid.MinEnergyAfterMwh[k], bid.CapacityMwh);
        var maxCharge = Math.Clamp((bid.CapacityMwh - energy) / (bid.ChargeEfficiency * stepHours), 0, bid.PowerMw);
        var maxDischarge = Math.Clamp((energy - minimum) * bid.DischargeEfficiency / stepHours, 0, bid.PowerMw);
        forcedCharge = Math.Clamp((minimum - energy) / (bid.ChargeEfficiency * stepHours), 0, maxCharge);
        book.FixedDemandMw[Region] += forcedCharge;
        chargeHandle = book.Add(Region, supply: false, bid.BuyPricePerMwh[k], maxCharge - forcedCharge);
        dischargeHandle = book.Add(Region, supply: true, bid.SellPricePerMwh[k], maxDischarge);
    }

    public override double FixedDemandMw => forcedCharge;

    public override AssetStep Settle(int k, int step, OfferBook book, double unservedMw)
    {
        var charge = Math.Max(0, forcedCharge - unservedMw + book.AcceptedOf(chargeHandle));
        var discharge = book.AcceptedOf(dischargeHandle);
        energy = StorageMath.NextEnergy(energy, charge, discharge, bid.ChargeEfficiency, bid.DischargeEfficiency, stepHours, bid.CapacityMwh);
        return new AssetStep(discharge, charge, 0, 0, 0, 0, 0, energy);
    }
}

internal sealed class LoadUnit(LoadBid bid, int lastStep) : ClearingUnit(bid.Asset, bid.Region)
{
    private readonly ShiftBacklog backlog = new(bid.Backlog);
    private double fixedMw;
    private double dueMw;
    private double newShiftableMw;
    private bool shiftForced;
    private int curtailHandle;
    private int shiftHandle;

    public override void Offer(int k, int step, OfferBook book)
    {
        dueMw = backlog.DueBy(step);
        newShiftableMw = bid.ShiftableMw[k];
        // With no window left (or none at all) the shiftable part cannot move and is taken now.
        shiftForced = step >= lastStep || bid.ShiftWindowSteps == 0;
        fixedMw = bid.FixedMw[k] + dueMw + (shiftForced ? newShiftableMw : 0);
        book.FixedDemandMw[Region] += fixedMw;
        curtailHandle = book.Add(Region, supply: false, bid.CurtailmentPricePerMwh, bid.CurtailableMw[k]);
        var flexible = backlog.TotalMw - dueMw + (shiftForced ? 0 : newShiftableMw);
        shiftHandle = book.Add(Region, supply: false, bid.ShiftPricePerMwh[k], flexible);
    }

    public override double FixedDemandMw => fixedMw;

    public override DeferredEnergy[] Backlog => backlog.ToArray();

    public override AssetStep Settle(int k, int step, OfferBook book, double unservedMw)
    {
        var curtailAccepted = book.AcceptedOf(curtailHandle);
        var shiftAccepted = book.AcceptedOf(shiftHandle);
        var (recovered, deferred) = backlog.Settle(step, shiftForced ? 0 : newShiftableMw, shiftAccepted, Math.Min(step + bid.ShiftWindowSteps, lastStep));
        var consumed = fixedMw + curtailAccepted + shiftAccepted;
        return new AssetStep(0, consumed, 0, bid.CurtailableMw[k] - curtailAccepted, deferred, recovered, Math.Min(unservedMw, consumed), 0);
    }
}

internal sealed class FixedDemandUnit(FixedDemandBid bid) : ClearingUnit(bid.Asset, bid.Region)
{
    private double demand;

    public override void Offer(int k, int step, OfferBook book)
    {
        demand = bid.DemandMw[k];
        book.FixedDemandMw[Region] += demand;
    }

    public override double FixedDemandMw => demand;

    public override AssetStep Settle(int k, int step, OfferBook book, double unservedMw) =>
        new(0, demand, 0, 0, 0, 0, Math.Min(unservedMw, demand), 0);
}
