using System.Text.Json;
using GridActors.Model.Scenario;

namespace GridActors.Model.Results;

/// <summary>One line of a comparison: a measure in both modes and how far negotiation is from the optimum.</summary>
public sealed record ComparisonRow(string Measure, string Unit, double Negotiated, double Optimal)
{
    public double Difference => Negotiated - Optimal;

    /// <summary>(negotiated - optimal) / |optimal|, or null when the optimum is zero.</summary>
    public double? RelativeGap => Optimal != 0 ? Difference / Math.Abs(Optimal) : null;
}

/// <summary>
/// The negotiated and the optimal dispatch of one scenario side by side: total cost, each cost
/// term, emissions, unserved, spilled and curtailed energy, and mean price per region.
/// </summary>
public sealed class Comparison
{
    public Comparison(ResolvedScenario scenario, SummaryAccumulator negotiated, SummaryAccumulator optimal)
    {
        Scenario = scenario;
        Negotiated = negotiated;
        Optimal = optimal;
        var currency = scenario.Economics.Currency;
        var rows = new List<ComparisonRow>
        {
            new("total_cost", currency, negotiated.TotalCost, optimal.TotalCost),
            new("generation_cost", currency, negotiated.Costs.Generation, optimal.Costs.Generation),
            new("carbon_cost", currency, negotiated.Costs.Carbon, optimal.Costs.Carbon),
            new("storage_wear_cost", currency, negotiated.Costs.StorageWear, optimal.Costs.StorageWear),
            new("link_cost", currency, negotiated.Costs.Links, optimal.Costs.Links),
            new("load_curtailment_cost", currency, negotiated.Costs.LoadCurtailment, optimal.Costs.LoadCurtailment),
            new("lost_load_cost", currency, negotiated.Costs.LostLoad, optimal.Costs.LostLoad),
            new("compute_data_cost", currency, negotiated.Costs.ComputeData, optimal.Costs.ComputeData),
            new("sla_penalty_cost", currency, negotiated.Costs.SlaPenalty, optimal.Costs.SlaPenalty),
            new("emissions", "t", negotiated.EmissionsT, optimal.EmissionsT),
            new("unserved", "MWh", negotiated.UnservedMwh, optimal.UnservedMwh),
            new("spilled", "MWh", negotiated.SpilledMwh, optimal.SpilledMwh),
            new("curtailed_renewable", "MWh", negotiated.CurtailedRenewableMwh, optimal.CurtailedRenewableMwh),
            new("load_shed", "MWh", negotiated.ShedMwh, optimal.ShedMwh),
            new("work_moved", "MWh", negotiated.Workloads.Sum(w => w.MovedMwh), optimal.Workloads.Sum(w => w.MovedMwh)),
            new("work_unfinished", "MWh", negotiated.Workloads.Sum(w => w.UnfinishedMwh), optimal.Workloads.Sum(w => w.UnfinishedMwh)),
        };
        foreach (var region in scenario.Regions)
        {
            rows.Add(new($"mean_price.{region.Id}", $"{currency}/MWh", negotiated.Regions[region.Index].MeanPricePerMwh, optimal.Regions[region.Index].MeanPricePerMwh));
        }
        Rows = rows;
    }

    public ResolvedScenario Scenario { get; }

    public SummaryAccumulator Negotiated { get; }

    public SummaryAccumulator Optimal { get; }

    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>The headline: (negotiated - optimal) / optimal of the total cost.</summary>
    public double CostGap => Rows[0].RelativeGap ?? 0;

    /// <summary>For a scenario with compute work: every placement policy's run, set by the compare command.</summary>
    public IReadOnlyList<PlacementRow> Placements { get; set; } = [];

    /// <summary>compare.json: deterministic like every result file (wall times live in each mode's run.json).</summary>
    public byte[] ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("scenario", Scenario.Name);
            json.WriteString("currency", Scenario.Economics.Currency);
            json.WriteNumber("cost_gap", CostGap);
            json.WriteNumber("negotiation_rounds", Negotiated.Windows.Sum(w => w.Rounds));
            json.WriteNumber("windows", Negotiated.Windows.Count);
            json.WriteNumber("windows_converged", Negotiated.Windows.Count(w => w.Converged));
            json.WriteStartObject("measures");
            foreach (var row in Rows)
            {
                json.WriteStartObject(row.Measure);
                json.WriteString("unit", row.Unit);
                json.WriteNumber("negotiated", Numbers.Round(row.Negotiated));
                json.WriteNumber("optimal", Numbers.Round(row.Optimal));
                json.WriteNumber("difference", Numbers.Round(row.Difference));
                if (row.RelativeGap is { } gap)
                {
                    json.WriteNumber("relative_gap", gap);
                }
                else
                {
                    json.WriteNull("relative_gap");
                }
                json.WriteEndObject();
            }
            json.WriteEndObject();
            if (Placements.Count > 0)
            {
                PlacementComparison.Write(json, Placements);
            }
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
