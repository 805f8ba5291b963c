namespace GridActors.Model.Documents;

/// <summary>The data-center network and the compute work that arrives in it.</summary>
public sealed class ComputeDoc : DocNode
{
    [Field("links", "Network links between data-center campuses (both directions).")]
    public List<ComputeLinkDoc>? Links { get; set; }

    [Field("workloads", "Compute work arriving at origin campuses.")]
    public List<WorkloadDoc>? Workloads { get; set; }
}

public sealed class ComputeLinkDoc : DocNode
{
    [Field("from", "Datacenter asset id.", Required = true)]
    public string From { get; set; } = "";

    [Field("to", "Datacenter asset id.", Required = true)]
    public string To { get; set; } = "";

    [Field("latency_ms", "One-way network latency, ms.", Required = true, Minimum = 0)]
    public double LatencyMs { get; set; }

    [Field("bandwidth_gbps", "Link bandwidth; 1 Gbps carries 0.45 TB per hour.", Required = true, Minimum = 0)]
    public double BandwidthGbps { get; set; }

    [Field("cost_per_tb", "Cost per TB moved.", Minimum = 0, Default = 0)]
    public double CostPerTb { get; set; }
}

public sealed class WorkloadDoc : DocNode
{
    [Field("id", "Workload id.", Required = true, Pattern = ScenarioDoc.IdPattern)]
    public string Id { get; set; } = "";

    [Field("origin", "Datacenter asset id where the work arrives.", Required = true)]
    public string Origin { get; set; } = "";

    [Field("energy_mwh_per_h", "Mean IT energy arriving per hour.", Required = true, Minimum = 0)]
    public double EnergyMwhPerH { get; set; }

    [Field("profile", "Profile name: per-unit arrival shape.")]
    public string? Profile { get; set; }

    [Field("deadline_h", "Work must finish within this many hours of arrival.", Required = true, ExclusiveMinimum = 0)]
    public double DeadlineH { get; set; }

    [Field("max_latency_ms", "Work may only run on campuses within this latency of the origin.", Minimum = 0)]
    public double? MaxLatencyMs { get; set; }

    [Field("data_tb_per_mwh", "Data moved per MWh of work run away from the origin.", Minimum = 0, Default = 0)]
    public double DataTbPerMwh { get; set; }

    [Field("sla_penalty_per_mwh", "Cost of work not finished by its deadline.", Minimum = 0, Default = 0)]
    public double SlaPenaltyPerMwh { get; set; }
}
