using GridActors.Model.Scenario;

namespace GridActors.Model.Accounting;

/// <summary>
/// One enterprise's carbon-efficiency grade (碳效码), after the industrial carbon-efficiency code Huzhou introduced in
/// 2021: carbon per unit of value added and its level (low, medium or high carbon), that intensity against its sector's
/// benchmark (the carbon-efficiency value), a grade from 1 (best) to 5, and a carbon-neutrality rate. Null figures where
/// the scenario gives no value added.
/// </summary>
public sealed record CarbonGrade(
    string Enterprise,
    string Name,
    string Sector,
    double CarbonT,
    double? ValueAdded,
    double? IntensityTPer10k,
    string? Level,
    double? BenchmarkTPer10k,
    bool BenchmarkFromPeers,
    double? EfficiencyValue,
    int? Grade,
    double NeutralityRate);

/// <summary>Grades the enterprises of a run (docs/carbon.md, "Carbon-efficiency grades").</summary>
public static class CarbonGrades
{
    /// <summary>Value added is counted per 10,000 of the currency, the unit of the Chinese intensity figures (t CO2 / 万元).</summary>
    public const double ValueAddedUnit = 10_000;

    private const double HoursPerYear = 8760;

    public static IReadOnlyList<CarbonGrade> Of(ResolvedScenario scenario, EnterpriseAccounts accounts)
    {
        var grading = scenario.CarbonGrading;
        var declared = grading.Enterprises.ToDictionary(e => e.Id, StringComparer.Ordinal);
        var horizonHours = scenario.Steps * scenario.StepHours;
        var valueAdded = accounts.Enterprises.ToDictionary(e => e.Id, e => declared.TryGetValue(e.Id, out var d) ? ValueAdded(d, e, horizonHours) : null, StringComparer.Ordinal);

        // A sector without a benchmark in the scenario is measured against its own enterprises: their carbon over their value added.
        var sectorBenchmark = accounts.Enterprises
            .Where(e => valueAdded[e.Id] is > 0)
            .GroupBy(e => e.Sector, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(e => e.CarbonT) / (g.Sum(e => valueAdded[e.Id]!.Value) / ValueAddedUnit), StringComparer.Ordinal);

        return [.. accounts.Enterprises.Select(e =>
        {
            var name = declared.TryGetValue(e.Id, out var d) ? d.Name : e.Id;
            var neutrality = e.GrossCarbonT > 0 ? e.DisplacedT / e.GrossCarbonT : 0;
            if (valueAdded[e.Id] is not { } added || added <= 0)
            {
                return new CarbonGrade(e.Id, name, e.Sector, e.CarbonT, null, null, null, null, false, null, null, neutrality);
            }
            var intensity = e.CarbonT / (added / ValueAddedUnit);
            var given = grading.BenchmarksTPer10k.TryGetValue(e.Sector, out var b);
            var benchmark = given ? b : sectorBenchmark[e.Sector];
            double? value = benchmark > 0 ? intensity / benchmark : null;
            return new CarbonGrade(e.Id, name, e.Sector, e.CarbonT, added, intensity, Level(intensity, grading.LevelsTPer10k), benchmark, !given, value,
                value is { } v ? Grade(v, grading.Thresholds) : null, neutrality);
        })];
    }

    /// <summary>Grade 1 up to the first threshold, 2 up to the second, ..., 5 above the fourth.</summary>
    public static int Grade(double efficiencyValue, IReadOnlyList<double> thresholds)
    {
        for (var g = 0; g < thresholds.Count; g++)
        {
            if (efficiencyValue <= thresholds[g])
            {
                return g + 1;
            }
        }
        return thresholds.Count + 1;
    }

    /// <summary>The intensity's level across all industry: low carbon up to the first bound, medium up to the second, high above.</summary>
    public static string Level(double intensityTPer10k, IReadOnlyList<double> bounds) =>
        intensityTPer10k <= bounds[0] ? "low" : intensityTPer10k <= bounds[1] ? "medium" : "high";

    private static double? ValueAdded(EnterpriseSpec spec, EnterpriseTotals totals, double horizonHours) =>
        spec.ValueAddedPerYear is { } perYear ? perYear * horizonHours / HoursPerYear
        : spec.ValueAddedPerMwh is { } perMwh ? perMwh * totals.ConsumptionMwh
        : null;
}
