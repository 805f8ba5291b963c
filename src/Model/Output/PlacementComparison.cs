using System.Text.Json;
using GridActors.Model.Accounting;
using GridActors.Model.Options;

namespace GridActors.Model.Output;

/// <summary>One placement policy's run of a scenario with compute work, against the optimum and against `local`.</summary>
public sealed record PlacementRow(string Policy, double TotalCost, double EmissionsT, double MovedMwh, double DataTb, double UnfinishedMwh, double CostGap, double CostSavedVsLocal, double CarbonSavedVsLocalT, WorkloadSaving[] Workloads);

/// <summary>One workload under a policy, against `local`: its own cost and location-based emissions (see <see cref="WorkloadTotals"/>).</summary>
public sealed record WorkloadSaving(string Id, double MovedMwh, double DataTb, double UnfinishedMwh, double CostSavedVsLocal, double CarbonSavedVsLocalT);

/// <summary>
/// The placement policies side by side with the optimum: what each costs and emits, how much work
/// it moves, and what it saves against never moving work (`local`).
/// </summary>
public static class PlacementComparison
{
    public static IReadOnlyList<PlacementRow> Rows(double optimalCost, IReadOnlyList<(string Policy, SummaryAccumulator Summary)> runs)
    {
        var local = runs.First(r => r.Policy == OptionNames.Placement.Name(PlacementPolicies.Placement.Local)).Summary;
        return [.. runs.Select(r => new PlacementRow(
            r.Policy,
            r.Summary.TotalCost,
            r.Summary.EmissionsT,
            r.Summary.Workloads.Sum(w => w.MovedMwh),
            r.Summary.Workloads.Sum(w => w.DataTb),
            r.Summary.Workloads.Sum(w => w.UnfinishedMwh),
            optimalCost != 0 ? (r.Summary.TotalCost - optimalCost) / Math.Abs(optimalCost) : 0,
            local.TotalCost - r.Summary.TotalCost,
            local.EmissionsT - r.Summary.EmissionsT,
            [.. r.Summary.Workloads.Select((w, i) => new WorkloadSaving(w.Id, w.MovedMwh, w.DataTb, w.UnfinishedMwh,
                local.Workloads[i].Cost - w.Cost, local.Workloads[i].AttributedEmissionsT - w.AttributedEmissionsT))]))];
    }

    /// <summary>Writes the rows into compare.json's "placements" object.</summary>
    public static void Write(Utf8JsonWriter json, IReadOnlyList<PlacementRow> rows)
    {
        json.WriteStartObject("placements");
        foreach (var row in rows)
        {
            json.WriteStartObject(row.Policy);
            json.WriteNumber("total_cost", Numbers.Round(row.TotalCost));
            json.WriteNumber("emissions_t", Numbers.Round(row.EmissionsT));
            json.WriteNumber("work_moved_mwh", Numbers.Round(row.MovedMwh));
            json.WriteNumber("data_moved_tb", Numbers.Round(row.DataTb));
            json.WriteNumber("work_unfinished_mwh", Numbers.Round(row.UnfinishedMwh));
            json.WriteNumber("cost_gap", row.CostGap);
            json.WriteNumber("cost_saved_vs_local", Numbers.Round(row.CostSavedVsLocal));
            json.WriteNumber("carbon_saved_vs_local_t", Numbers.Round(row.CarbonSavedVsLocalT));
            json.WriteStartObject("workloads");
            foreach (var w in row.Workloads)
            {
                json.WriteStartObject(w.Id);
                json.WriteNumber("moved_mwh", Numbers.Round(w.MovedMwh));
                json.WriteNumber("data_tb", Numbers.Round(w.DataTb));
                json.WriteNumber("unfinished_mwh", Numbers.Round(w.UnfinishedMwh));
                json.WriteNumber("cost_saved_vs_local", Numbers.Round(w.CostSavedVsLocal));
                json.WriteNumber("carbon_saved_vs_local_t", Numbers.Round(w.CarbonSavedVsLocalT));
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }
}
