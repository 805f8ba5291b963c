namespace GridActors.Model.Accounting;

/// <summary>The system cost by the terms of the format.</summary>
public sealed class CostBreakdown
{
    public double Generation { get; set; }
    public double Carbon { get; set; }
    public double StorageWear { get; set; }
    public double Links { get; set; }
    public double LoadCurtailment { get; set; }
    public double LostLoad { get; set; }
    public double ComputeData { get; set; }
    public double SlaPenalty { get; set; }

    public double Total => Generation + Carbon + StorageWear + Links + LoadCurtailment + LostLoad + ComputeData + SlaPenalty;
}
