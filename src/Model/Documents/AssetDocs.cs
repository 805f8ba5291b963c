namespace GridActors.Model.Documents;

/// <summary>Fields every asset has; the concrete class is chosen by <c>type</c>.</summary>
[Discriminator("type")]
public abstract class AssetDoc : DocNode
{
    [Field("id", "Asset id.", Required = true, Pattern = ScenarioDoc.IdPattern)]
    public string Id { get; set; } = "";

    [Field("type", "Asset type.", Required = true)]
    public string Type { get; set; } = "";

    [Field("region", "Region id the asset is connected in.", Required = true)]
    public string Region { get; set; } = "";

    [Field("owner", "Enterprise the asset belongs to, for carbon accounting.")]
    public string? Owner { get; set; }
}

[Variant("thermal")]
public sealed class ThermalDoc : AssetDoc
{
    [Field("fuel", "Carrier label.", Required = true, OneOf = ["coal", "gas", "oil", "biomass", "nuclear", "hydro", "other"])]
    public string Fuel { get; set; } = "";

    [Field("capacity_mw", "Maximum output, MW.", Required = true, Minimum = 0)]
    public double CapacityMw { get; set; }

    [Field("min_output_mw", "Must-run floor in every step, MW.", Minimum = 0, Default = 0)]
    public double MinOutputMw { get; set; }

    [Field("ramp_mw_per_h", "Maximum change of output between consecutive steps, per hour; unlimited when absent.", Minimum = 0)]
    public double? RampMwPerH { get; set; }

    [Field("marginal_cost_per_mwh", "Fuel and variable cost.", Required = true)]
    public double MarginalCostPerMwh { get; set; }

    [Field("emissions_t_per_mwh", "CO2 per MWh produced.", Minimum = 0, Default = 0)]
    public double EmissionsTPerMwh { get; set; }

    [Field("availability", "Profile name, per unit of capacity (outages, seasonal hydro); 1 when absent.")]
    public string? Availability { get; set; }
}

[Variant("wind", "solar", "run_of_river")]
public sealed class RenewableDoc : AssetDoc
{
    [Field("capacity_mw", "Installed capacity, MW.", Required = true, Minimum = 0)]
    public double CapacityMw { get; set; }

    [Field("profile", "Profile name: per-unit availability.", Required = true)]
    public string Profile { get; set; } = "";

    [Field("marginal_cost_per_mwh", "Variable cost.", Default = 0)]
    public double MarginalCostPerMwh { get; set; }
}

[Variant("storage")]
public sealed class StorageDoc : AssetDoc
{
    [Field("power_mw", "Maximum charge and discharge power, MW.", Required = true, Minimum = 0)]
    public double PowerMw { get; set; }

    [Field("energy_mwh", "Energy capacity, MWh.", Required = true, Minimum = 0)]
    public double EnergyMwh { get; set; }

    [Field("charge_efficiency", "One-way charging efficiency.", ExclusiveMinimum = 0, Maximum = 1, Default = 0.95)]
    public double ChargeEfficiency { get; set; } = 0.95;

    [Field("discharge_efficiency", "One-way discharging efficiency.", ExclusiveMinimum = 0, Maximum = 1, Default = 0.95)]
    public double DischargeEfficiency { get; set; } = 0.95;

    [Field("initial_soc", "Fraction of energy_mwh stored at the start.", Minimum = 0, Maximum = 1, Default = 0.5)]
    public double InitialSoc { get; set; } = 0.5;

    [Field("cost_per_mwh", "Wear cost per MWh discharged.", Minimum = 0, Default = 0)]
    public double CostPerMwh { get; set; }

    [Field("technology", "Label.", OneOf = ["battery", "pumped_hydro", "other"], Default = "battery")]
    public string Technology { get; set; } = "battery";
}

[Variant("load")]
public sealed class LoadDoc : AssetDoc
{
    [Field("sector", "Industry label.", OneOf = ["steel", "petrochemical", "cement", "aluminium", "appliances", "commercial", "residential", "other"], Default = "other")]
    public string Sector { get; set; } = "other";

    [Field("peak_mw", "Demand = peak_mw x profile, MW.", Required = true, Minimum = 0)]
    public double PeakMw { get; set; }

    [Field("profile", "Profile name: per-unit demand shape.", Required = true)]
    public string Profile { get; set; } = "";

    [Field("curtailable_fraction", "Share of each step's demand that may be shed.", Minimum = 0, Maximum = 1, Default = 0)]
    public double CurtailableFraction { get; set; }

    [Field("curtailment_cost_per_mwh", "Paid per MWh shed; required when curtailable_fraction > 0.", Minimum = 0)]
    public double? CurtailmentCostPerMwh { get; set; }

    [Field("shiftable_fraction", "Share of each step's demand that may move later in time.", Minimum = 0, Maximum = 1, Default = 0)]
    public double ShiftableFraction { get; set; }

    [Field("shift_window_h", "Shifted energy is served within this many hours after it was due; required when shiftable_fraction > 0.", ExclusiveMinimum = 0)]
    public double? ShiftWindowH { get; set; }
}

[Variant("datacenter")]
public sealed class DatacenterDoc : AssetDoc
{
    [Field("hub", "Computing hub label, e.g. Ningxia.")]
    public string? Hub { get; set; }

    [Field("it_capacity_mw", "Maximum IT power, MW.", Required = true, Minimum = 0)]
    public double ItCapacityMw { get; set; }

    [Field("pue", "Facility power = IT power x pue.", Required = true, Minimum = 1)]
    public double Pue { get; set; }

    [Field("interactive_it_mw", "Latency-bound IT load that never moves, MW.", Minimum = 0, Default = 0)]
    public double InteractiveItMw { get; set; }

    [Field("interactive_profile", "Profile name shaping the interactive load; 1 when absent.")]
    public string? InteractiveProfile { get; set; }
}
