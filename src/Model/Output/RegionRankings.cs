using System.Text.Json;
using GridActors.Model.Accounting;
using GridActors.Model.Scenario;

namespace GridActors.Model.Output;

/// <summary>
/// The regions ranked best first on the figures a planner compares them by (数字碳评价): the average emission factor of
/// what they consume, their renewable share, their renewable curtailment and their load-weighted price.
/// summary.json's <c>region_rankings</c>; ties keep the scenario's order.
/// </summary>
public static class RegionRankings
{
    public static IReadOnlyList<(string Name, bool HigherIsBetter, Func<RegionTotals, double> Value)> Measures { get; } =
    [
        ("average_factor_g_per_kwh", false, r => r.AverageFactorGPerKwh),
        ("renewable_share_percent", true, r => r.RenewableSharePercent),
        ("curtailment_percent", false, r => r.CurtailmentPercent),
        ("load_weighted_price_per_mwh", false, r => r.LoadWeightedPricePerMwh),
    ];

    public static IReadOnlyList<(string Region, double Value)> Rank(ResolvedScenario scenario, SummaryAccumulator summary, string measure)
    {
        var (_, higherIsBetter, value) = Measures.Single(m => m.Name == measure);
        var ranked = scenario.Regions.Select(r => (Region: r.Id, Value: Numbers.Round(value(summary.Regions[r.Index]))));
        return [.. higherIsBetter ? ranked.OrderByDescending(r => r.Value) : ranked.OrderBy(r => r.Value)];
    }

    internal static void WriteJson(Utf8JsonWriter json, ResolvedScenario scenario, SummaryAccumulator summary)
    {
        json.WriteStartObject("region_rankings");
        foreach (var (name, _, _) in Measures)
        {
            json.WriteStartArray(name);
            foreach (var (region, value) in Rank(scenario, summary, name))
            {
                json.WriteStartObject();
                json.WriteString("region", region);
                json.WriteNumber("value", value);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }
}
