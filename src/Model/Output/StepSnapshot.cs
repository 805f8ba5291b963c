namespace GridActors.Model.Output;

/// <summary>All regions in one step.</summary>
public sealed record StepSnapshot(int Step, DateTimeOffset Time, IReadOnlyList<RegionSnapshot> Regions);
