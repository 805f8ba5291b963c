namespace GridActors.Model.Accounting;

/// <summary>One workload's compute over the run.</summary>
public sealed class WorkloadTotals(string id)
{
    public string Id { get; } = id;
    public double ArrivedMwh { get; internal set; }
    public double RunAtOriginMwh { get; internal set; }
    public double MovedMwh { get; internal set; }
    public double DataTb { get; internal set; }
    public double UnfinishedMwh { get; internal set; }

    /// <summary>The work's facility energy valued at its campus region's price in each step.</summary>
    public double EnergyCost { get; internal set; }

    public double DataCost { get; internal set; }

    public double SlaPenalty { get; internal set; }

    /// <summary>What running the work cost: energy at the regions' prices, data moved and SLA penalties.</summary>
    public double Cost => EnergyCost + DataCost + SlaPenalty;

    /// <summary>The work's facility energy times its campus region's average (flow-traced) emission factor in each step (location-based).</summary>
    public double AttributedEmissionsT { get; internal set; }
}
