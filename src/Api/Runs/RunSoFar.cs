using GridActors.Model.Accounting;
using GridActors.Model.Scenario;

namespace GridActors.Api.Runs;

/// <summary>
/// What a run has produced up to its latest released window, for the cumulative counters of /metrics: copies of the
/// run's own totals (<see cref="SummaryAccumulator"/>), which later windows leave alone.
/// </summary>
public sealed record RunSoFar(IReadOnlyList<string> RegionIds, IReadOnlyList<string> Carriers, IReadOnlyList<RegionTotals> Regions, double Cost, double WorkMovedMwh)
{
    /// <summary>Before the first window.</summary>
    public static RunSoFar Nothing { get; } = new([], [], [], 0, 0);

    public static RunSoFar Of(ResolvedScenario scenario, SummaryAccumulator summary) =>
        new([.. scenario.Regions.Select(r => r.Id)], summary.Carriers, [.. summary.Regions.Select(r => r.Copy())], summary.TotalCost, summary.Workloads.Sum(w => w.MovedMwh));
}
