using System.Text.Json;
using GridActors.Model.Accounting;
using GridActors.Model.Scenario;

namespace GridActors.Model.Output;

/// <summary>
/// One line of a comparison: a measure negotiated, at the whole-horizon optimum (null when that was not solved) and at
/// the rolling optimum with the negotiation's windows (null when that was not solved).
/// </summary>
public sealed record ComparisonRow(string Measure, string Unit, double Negotiated, double? Optimal, double? RollingOptimal = null)
{
    /// <summary>negotiated - optimal, or null without the optimum.</summary>
    public double? Difference => Negotiated - Optimal;

    /// <summary>(negotiated - optimal) / |optimal|, or null when the optimum is zero or was not solved.</summary>
    public double? RelativeGap => Optimal is { } o && o != 0 ? (Negotiated - o) / Math.Abs(o) : null;

    /// <summary>(negotiated - rolling optimum) / |rolling optimum|: what negotiating costs, the windows being the same.</summary>
    public double? RollingGap => RollingOptimal is { } r && r != 0 ? (Negotiated - r) / Math.Abs(r) : null;
}

/// <summary>
/// The negotiated dispatch of one scenario beside the central optimum: the whole-horizon optimum when the scenario is
/// small enough for one LP, and the rolling optimum with the negotiation's own windows. Total cost, each cost term,
/// emissions, unserved, spilled and curtailed energy, and mean price per region. The negotiated cost above the rolling
/// optimum is what negotiating costs; the rolling optimum above the whole one is what the windows cannot see.
/// </summary>
public sealed class Comparison
{
    public Comparison(ResolvedScenario scenario, SummaryAccumulator negotiated, SummaryAccumulator? optimal, SummaryAccumulator? rollingOptimal = null)
    {
        if (optimal is null && rollingOptimal is null)
        {
            throw new ArgumentException("a comparison needs the whole-horizon or the rolling optimum", nameof(optimal));
        }
        Scenario = scenario;
        Negotiated = negotiated;
        Optimal = optimal;
        RollingOptimal = rollingOptimal;
        var mine = Measures(scenario, negotiated);
        var whole = optimal is null ? null : Measures(scenario, optimal);
        var rolling = rollingOptimal is null ? null : Measures(scenario, rollingOptimal);
        Rows = [.. mine.Select((m, i) => new ComparisonRow(m.Measure, m.Unit, m.Value, whole?[i].Value, rolling?[i].Value))];
    }

    /// <summary>Every measure compared, in the order shown.</summary>
    private static List<(string Measure, string Unit, double Value)> Measures(ResolvedScenario scenario, SummaryAccumulator s)
    {
        var currency = scenario.Economics.Currency;
        var measures = new List<(string, string, double)>
        {
            ("total_cost", currency, s.TotalCost),
            ("generation_cost", currency, s.Costs.Generation),
            ("carbon_cost", currency, s.Costs.Carbon),
            ("storage_wear_cost", currency, s.Costs.StorageWear),
            ("link_cost", currency, s.Costs.Links),
            ("load_curtailment_cost", currency, s.Costs.LoadCurtailment),
            ("lost_load_cost", currency, s.Costs.LostLoad),
            ("compute_data_cost", currency, s.Costs.ComputeData),
            ("sla_penalty_cost", currency, s.Costs.SlaPenalty),
            ("emissions", "t", s.EmissionsT),
            ("unserved", "MWh", s.UnservedMwh),
            ("spilled", "MWh", s.SpilledMwh),
            ("curtailed_renewable", "MWh", s.CurtailedRenewableMwh),
            ("load_shed", "MWh", s.ShedMwh),
            ("work_moved", "MWh", s.Workloads.Sum(w => w.MovedMwh)),
            ("work_unfinished", "MWh", s.Workloads.Sum(w => w.UnfinishedMwh)),
        };
        foreach (var region in scenario.Regions)
        {
            measures.Add(($"mean_price.{region.Id}", $"{currency}/MWh", s.Regions[region.Index].MeanPricePerMwh));
        }
        return measures;
    }

    public ResolvedScenario Scenario { get; }

    public SummaryAccumulator Negotiated { get; }

    /// <summary>The whole-horizon optimum; null when the scenario is too large for one LP here.</summary>
    public SummaryAccumulator? Optimal { get; }

    /// <summary>The rolling optimum with the negotiation's windows; null when it was not solved.</summary>
    public SummaryAccumulator? RollingOptimal { get; }

    public IReadOnlyList<ComparisonRow> Rows { get; }

    /// <summary>The headline: (negotiated - optimal) / optimal of the total cost; 0 when the optimum is zero, null when it was not solved.</summary>
    public double? CostGap => Optimal is null ? null : Rows[0].RelativeGap ?? 0;

    /// <summary>(negotiated - rolling optimum) / rolling optimum of the total cost: what negotiating costs; null when the rolling optimum was not solved.</summary>
    public double? RollingCostGap => RollingOptimal is null ? null : Rows[0].RollingGap ?? 0;

    /// <summary>(rolling optimum - optimum) / optimum of the total cost: what the windows cannot see; null without both.</summary>
    public double? ForesightCost => Optimal is null || RollingOptimal is null || Optimal.TotalCost == 0 ? null
        : (RollingOptimal.TotalCost - Optimal.TotalCost) / Math.Abs(Optimal.TotalCost);

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
            NumberOrNull(json, "cost_gap", CostGap);
            NumberOrNull(json, "rolling_cost_gap", RollingCostGap);
            NumberOrNull(json, "foresight_cost", ForesightCost);
            json.WriteNumber("negotiation_rounds", Negotiated.Windows.Sum(w => w.Rounds));
            json.WriteNumber("windows", Negotiated.Windows.Count);
            json.WriteNumber("windows_converged", Negotiated.Windows.Count(w => w.Converged));
            json.WriteStartObject("measures");
            foreach (var row in Rows)
            {
                json.WriteStartObject(row.Measure);
                json.WriteString("unit", row.Unit);
                json.WriteNumber("negotiated", Numbers.Round(row.Negotiated));
                NumberOrNull(json, "optimal", row.Optimal is { } o ? Numbers.Round(o) : null);
                NumberOrNull(json, "difference", row.Difference is { } d ? Numbers.Round(d) : null);
                NumberOrNull(json, "relative_gap", row.RelativeGap);
                NumberOrNull(json, "rolling_optimal", row.RollingOptimal is { } r ? Numbers.Round(r) : null);
                NumberOrNull(json, "rolling_relative_gap", row.RollingGap);
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

    private static void NumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
