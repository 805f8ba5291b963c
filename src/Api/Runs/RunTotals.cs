using GridActors.Model.Results;

namespace GridActors.Api.Runs;

/// <summary>What a run has produced so far, per region: the cumulative counters of /metrics.</summary>
public sealed class RunTotals
{
    public Dictionary<string, RegionTotalsSoFar> Regions { get; private init; } = new(StringComparer.Ordinal);

    /// <summary>Total system cost so far, in the scenario's currency.</summary>
    public double Cost { get; set; }

    /// <summary>Compute work run away from its origin so far, in MWh of IT energy.</summary>
    public double WorkMovedMwh { get; set; }

    public void Add(StepSnapshot step, double stepHours)
    {
        foreach (var region in step.Regions)
        {
            if (!Regions.TryGetValue(region.Region, out var sums))
            {
                sums = new RegionTotalsSoFar();
                Regions[region.Region] = sums;
            }
            foreach (var (carrier, mw) in region.GenerationMw)
            {
                sums.EnergyMwh[carrier] = sums.EnergyMwh.GetValueOrDefault(carrier) + mw * stepHours;
            }
            sums.EmissionsT += region.EmissionsT;
            sums.UnservedMwh += region.UnservedMw * stepHours;
            sums.CurtailedMwh += region.CurtailedMw * stepHours;
        }
    }

    public RunTotals Copy() => new()
    {
        Regions = Regions.ToDictionary(r => r.Key, r => r.Value.Copy(), StringComparer.Ordinal),
        Cost = Cost,
        WorkMovedMwh = WorkMovedMwh,
    };
}

/// <summary>One region's cumulative energy by carrier, emissions, unserved and curtailed energy.</summary>
public sealed class RegionTotalsSoFar
{
    public Dictionary<string, double> EnergyMwh { get; private init; } = new(StringComparer.Ordinal);
    public double EmissionsT { get; set; }
    public double UnservedMwh { get; set; }
    public double CurtailedMwh { get; set; }

    public RegionTotalsSoFar Copy() => new()
    {
        EnergyMwh = new Dictionary<string, double>(EnergyMwh, StringComparer.Ordinal),
        EmissionsT = EmissionsT,
        UnservedMwh = UnservedMwh,
        CurtailedMwh = CurtailedMwh,
    };
}
