namespace GridActors.Model.Documents;

/// <summary>A scenario file as written (format version 1), before profiles are expanded.</summary>
public sealed class ScenarioDoc : DocNode
{
    public const string IdPattern = "^[A-Za-z0-9][A-Za-z0-9_.-]*$";

    [Field("format", "Scenario format version; this version of GridActors reads format 1.", Required = true, Minimum = 1, Maximum = 1)]
    public int Format { get; set; }

    [Field("name", "Short identifier, used in output folder names.", Required = true, Pattern = IdPattern)]
    public string Name { get; set; } = "";

    [Field("description", "Free text.", MaxLength = 2000)]
    public string? Description { get; set; }

    [Field("seed", "Seeds every random draw; same seed, identical results.", Default = 0)]
    public int Seed { get; set; }

    [Field("include", "Other scenario files (paths relative to this one) merged first, in order, then this file on top.")]
    public List<string>? Include { get; set; }

    [Field("horizon", "The simulated time span.", Required = true)]
    public HorizonDoc? Horizon { get; set; }

    [Field("economics", "Prices that apply to the whole system.")]
    public EconomicsDoc? Economics { get; set; }

    [Field("regions", "Market regions (bidding zones).", Required = true)]
    public List<RegionDoc>? Regions { get; set; }

    [Field("links", "Power links between regions.")]
    public List<LinkDoc>? Links { get; set; }

    [Field("profiles", "Named time series of per-unit values aligned to the horizon's steps.")]
    public Dictionary<string, ProfileDoc>? Profiles { get; set; }

    [Field("assets", "Plants, renewables, storage, loads and data centers.", Required = true)]
    public List<AssetDoc>? Assets { get; set; }

    [Field("compute", "Data-center network and workloads (East-Data-West-Compute).")]
    public ComputeDoc? Compute { get; set; }

    [Field("enterprises", "The enterprises that own assets: names, sectors and value added, for their carbon-efficiency grades.")]
    public List<EnterpriseDoc>? Enterprises { get; set; }

    [Field("carbon_efficiency", "Grade thresholds and sector benchmarks for the enterprises' carbon-efficiency grades.")]
    public CarbonEfficiencyDoc? CarbonEfficiency { get; set; }
}

public sealed class HorizonDoc : DocNode
{
    [Field("start", "Time of the first step, ISO-8601 with offset.", Required = true)]
    public DateTimeOffset Start { get; set; }

    [Field("steps", "Number of steps.", Required = true, Minimum = 1)]
    public int Steps { get; set; }

    [Field("step_minutes", "Step length in minutes; must divide 1440.", Minimum = 1, Maximum = 1440, Default = 60)]
    public int StepMinutes { get; set; } = 60;
}

public sealed class EconomicsDoc : DocNode
{
    [Field("currency", "Currency label.", Default = "CNY")]
    public string Currency { get; set; } = "CNY";

    [Field("carbon_price_per_t", "Added to the cost of every emitting MWh, per tonne CO2.", Minimum = 0, Default = 0)]
    public double CarbonPricePerT { get; set; }

    [Field("value_of_lost_load_per_mwh", "Cost of unserved (and spilled) energy.", ExclusiveMinimum = 0, Default = 30000)]
    public double ValueOfLostLoadPerMwh { get; set; } = 30000;

    [Field("cyclic_storage", "Storage must end the horizon with at least its initial energy.", Default = true)]
    public bool CyclicStorage { get; set; } = true;
}

public sealed class RegionDoc : DocNode
{
    [Field("id", "Region id.", Required = true, Pattern = ScenarioDoc.IdPattern)]
    public string Id { get; set; } = "";

    [Field("name", "Display name.")]
    public string? Name { get; set; }

    [Field("latitude", "Degrees north; used by synthetic solar.", Minimum = -90, Maximum = 90)]
    public double? Latitude { get; set; }

    [Field("longitude", "Degrees east; used by synthetic solar.", Minimum = -180, Maximum = 180)]
    public double? Longitude { get; set; }
}

public sealed class LinkDoc : DocNode
{
    [Field("id", "Link id.", Required = true, Pattern = ScenarioDoc.IdPattern)]
    public string Id { get; set; } = "";

    [Field("from", "Region id at the sending end of the positive direction.", Required = true)]
    public string From { get; set; } = "";

    [Field("to", "Region id at the receiving end of the positive direction.", Required = true)]
    public string To { get; set; } = "";

    [Field("capacity_mw", "Limit from -> to, MW.", Required = true, Minimum = 0)]
    public double CapacityMw { get; set; }

    [Field("capacity_reverse_mw", "Limit to -> from, MW; defaults to capacity_mw.", Minimum = 0)]
    public double? CapacityReverseMw { get; set; }

    [Field("loss_fraction", "Share of the sent power lost on the way.", Minimum = 0, ExclusiveMaximum = 1, Default = 0)]
    public double LossFraction { get; set; }

    [Field("cost_per_mwh", "Cost per MWh sent (hurdle or wheeling charge).", Minimum = 0, Default = 0)]
    public double CostPerMwh { get; set; }
}

/// <summary>An enterprise that owns assets (their <c>owner</c>), with what its carbon-efficiency grade needs.</summary>
public sealed class EnterpriseDoc : DocNode
{
    [Field("id", "The enterprise, as its assets name it in `owner`.", Required = true)]
    public string Id { get; set; } = "";

    [Field("name", "Display name.")]
    public string? Name { get; set; }

    [Field("sector", "Its sector; by default that of its largest load.", OneOf = ["steel", "petrochemical", "cement", "aluminium", "appliances", "commercial", "residential", "other", "datacenter"])]
    public string? Sector { get; set; }

    [Field("value_added_per_year", "Value added per year in the scenario's currency, counted pro rata over the horizon.", ExclusiveMinimum = 0, MaxMagnitude = 1e15)]
    public double? ValueAddedPerYear { get; set; }

    [Field("value_added_per_mwh", "Value added per MWh it consumes, in the scenario's currency (instead of value_added_per_year).", ExclusiveMinimum = 0)]
    public double? ValueAddedPerMwh { get; set; }
}

/// <summary>How enterprises are graded on their carbon efficiency (碳效码).</summary>
public sealed class CarbonEfficiencyDoc : DocNode
{
    /// <summary>The grade bounds on the carbon-efficiency value of the Zhejiang grading method (docs/carbon.md gives the source).</summary>
    public static readonly double[] DefaultThresholds = [0.6, 0.8, 1.2, 2.0];

    /// <summary>The same method's bounds on the intensity, t CO2 per 10,000 CNY of value added, of low and medium carbon.</summary>
    public static readonly double[] DefaultLevels = [0.6, 2.0];

    [Field("thresholds", "Four increasing carbon-efficiency values (intensity over the sector's benchmark) that end grades 1 to 4; above the last is grade 5.", ExclusiveMinimum = 0)]
    public List<double>? Thresholds { get; set; }

    [Field("levels_t_per_10k", "Two increasing intensities (t CO2 per 10,000 of the currency of value added) that end the low and the medium carbon level; above the second is high.", ExclusiveMinimum = 0)]
    public List<double>? Levels { get; set; }

    [Field("benchmarks_t_per_10k", "Per sector, the benchmark intensity in t CO2 per 10,000 of the currency of value added; a sector without one is measured against its enterprises in the scenario.")]
    public Dictionary<string, double>? Benchmarks { get; set; }
}
