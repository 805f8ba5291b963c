using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Accounting;

/// <summary>
/// What one asset did in one step, in energy, emissions and money: the one place where each of these quantities is
/// defined. Region rows, the summary, assets.csv and the enterprise accounts are all sums of these entries.
/// </summary>
public readonly record struct LedgerEntry(
    double ProducedMwh,
    double ConsumedMwh,
    double CurtailedMwh,
    double AvailableRenewableMwh,
    double ShedMwh,
    double ItMwh,
    double EmissionsT,
    double GenerationCost,
    double CarbonCost,
    double WearCost,
    double CurtailmentCost)
{
    /// <summary>The asset's own operating cost in the step: the format's cost terms that belong to one asset.</summary>
    public double Cost => GenerationCost + CarbonCost + WearCost + CurtailmentCost;

    /// <summary>Energy put into the grid minus energy taken from it (MWh); negative for a consumer.</summary>
    public double NetMwh => ProducedMwh - ConsumedMwh;
}

public static class AssetLedger
{
    /// <summary>Renewable output: wind, solar and run-of-river, and plants burning nothing fossil (hydro stations, biomass).</summary>
    public static bool IsRenewable(AssetSpec asset) => asset is RenewableSpec || asset is ThermalSpec { Fuel: "hydro" or "biomass" };

    /// <summary>The ledger entry of <paramref name="spec"/> for one cleared step of <paramref name="stepHours"/> hours.</summary>
    public static LedgerEntry Entry(AssetSpec spec, in AssetStep step, double stepHours, EconomicsSpec economics)
    {
        var produced = step.ProducedMw * stepHours;
        var consumed = step.ConsumedMw * stepHours;
        switch (spec)
        {
            case ThermalSpec t:
                var emissions = t.EmissionsTPerMwh * produced;
                return new(produced, 0, 0, 0, 0, 0, emissions, t.MarginalCostPerMwh * produced, economics.CarbonPricePerT * emissions, 0, 0);
            case RenewableSpec r:
                var curtailed = step.CurtailedMw * stepHours;
                return new(produced, 0, curtailed, produced + curtailed, 0, 0, 0, r.MarginalCostPerMwh * produced, 0, 0, 0);
            case StorageSpec s:
                // Wear is paid on the energy discharged, as in the LP's objective.
                return new(produced, consumed, 0, 0, 0, 0, 0, 0, 0, s.CostPerMwh * produced, 0);
            case LoadSpec l:
                var shed = step.ShedMw * stepHours;
                return new(0, consumed, 0, 0, shed, 0, 0, 0, 0, 0, l.CurtailmentCostPerMwh * shed);
            case DatacenterSpec d:
                return new(0, consumed, 0, 0, 0, consumed / d.Pue, 0, 0, 0, 0, 0);
            default:
                throw new ArgumentException($"no ledger rule for asset type {spec.Type}", nameof(spec));
        }
    }
}
