using GridActors.Model.Accounting;

namespace GridActors.Api.Runs;

/// <summary>
/// What a run has produced so far, for the cumulative counters of /metrics: each region's totals over the steps
/// released (<see cref="RegionTotals"/>, the summary's own definition, with generation by the carriers named in
/// <c>Carriers</c>; their renewable figures, which the summary fills from its ledger, stay empty here), and the system
/// cost and the compute work moved up to the latest whole window (the summary's). The regions' per-step sums are done
/// here as well as in the summary because the counters move with every released step, the summary with whole windows.
/// </summary>
public sealed record RunSoFar(IReadOnlyList<string> RegionIds, IReadOnlyList<string> Carriers, IReadOnlyList<RegionTotals> Regions, double Cost, double WorkMovedMwh);
