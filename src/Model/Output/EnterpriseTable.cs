using System.Text.Json;
using GridActors.Model.Accounting;
using GridActors.Model.Options;

namespace GridActors.Model.Output;

/// <summary>The enterprise accounts as files: enterprises.csv (one row per enterprise) and the enterprises and sectors sections of summary.json.</summary>
internal static class EnterpriseTable
{
    /// <summary>The figures' column names, in the order <see cref="Figures"/> gives them.</summary>
    private static readonly string[] FigureColumns = [.. Figures(new EnterpriseTotals("", "", [])).Select(f => f.Name)];

    private static readonly string[] GradeColumns = ["value_added", "intensity_t_per_10k", "benchmark_t_per_10k", "efficiency_value", "grade"];

    public static ResultTable Open(string folder, ResultFormat format) => new(folder, ResultFiles.Enterprises,
        [
            new("enterprise", ColumnKind.Text), new("name", ColumnKind.Text), new("sector", ColumnKind.Text), new("regions", ColumnKind.Text),
            .. FigureColumns.Select(c => new ResultColumn(c, ColumnKind.Number)),
            new("graded_carbon_t", ColumnKind.Number),
            .. GradeColumns.Select(c => new ResultColumn(c, ColumnKind.OptionalNumber)),
            new("carbon_level", ColumnKind.Text),
            new("neutrality_rate", ColumnKind.Number),
        ], format);

    public static void Write(ResultTable table, EnterpriseAccounts accounts, IReadOnlyList<CarbonGrade> grades)
    {
        var gradeOf = grades.ToDictionary(g => g.Enterprise, StringComparer.Ordinal);
        foreach (var e in accounts.Enterprises)
        {
            var grade = gradeOf[e.Id];
            table.Text(e.Id).Text(grade.Name).Text(e.Sector).Text(string.Join(' ', e.Regions));
            foreach (var (_, value) in Figures(e))
            {
                table.Number(value);
            }
            table.Number(grade.CarbonT).OptionalNumber(grade.ValueAdded).OptionalNumber(grade.IntensityTPer10k).OptionalNumber(grade.BenchmarkTPer10k)
                .OptionalNumber(grade.EfficiencyValue).OptionalNumber(grade.Grade).OptionalText(grade.Level).Number(grade.NeutralityRate).EndRow();
        }
        table.EndWindow();
    }

    public static void WriteJson(Utf8JsonWriter json, EnterpriseAccounts accounts, IReadOnlyList<CarbonGrade> grades)
    {
        json.WriteStartObject("enterprises");
        var gradeOf = grades.ToDictionary(g => g.Enterprise, StringComparer.Ordinal);
        foreach (var e in accounts.Enterprises)
        {
            var grade = gradeOf[e.Id];
            json.WriteStartObject(e.Id);
            json.WriteString("name", grade.Name);
            json.WriteString("sector", e.Sector);
            json.WriteStartArray("regions");
            foreach (var region in e.Regions)
            {
                json.WriteStringValue(region);
            }
            json.WriteEndArray();
            foreach (var (name, value) in Figures(e))
            {
                json.WriteNumber(name, Numbers.Round(value));
            }
            json.WriteNumber("graded_carbon_t", Numbers.Round(grade.CarbonT));
            OptionalNumber(json, "value_added", grade.ValueAdded);
            OptionalNumber(json, "intensity_t_per_10k", grade.IntensityTPer10k);
            if (grade.Level is { } level)
            {
                json.WriteString("carbon_level", level);
            }
            else
            {
                json.WriteNull("carbon_level");
            }
            OptionalNumber(json, "benchmark_t_per_10k", grade.BenchmarkTPer10k);
            if (grade.BenchmarkTPer10k is not null)
            {
                json.WriteString("benchmark_source", grade.BenchmarkFromPeers ? "sector's enterprises in the scenario" : "scenario");
            }
            OptionalNumber(json, "efficiency_value", grade.EfficiencyValue);
            if (grade.Grade is { } g)
            {
                json.WriteNumber("grade", g);
            }
            else
            {
                json.WriteNull("grade");
            }
            json.WriteNumber("neutrality_rate", Numbers.Round(grade.NeutralityRate));
            json.WriteEndObject();
        }
        json.WriteEndObject();
        json.WriteStartObject("sectors");
        foreach (var s in accounts.Sectors)
        {
            json.WriteStartObject(s.Id);
            json.WriteNumber("enterprises", s.Enterprises);
            json.WriteNumber("consumption_mwh", Numbers.Round(s.ConsumptionMwh));
            json.WriteNumber("energy_bill", Numbers.Round(s.EnergyBill));
            json.WriteNumber("scope2_location_t", Numbers.Round(s.LocationBasedT));
            json.WriteNumber("scope2_marginal_t", Numbers.Round(s.MarginalT));
            json.WriteEndObject();
        }
        json.WriteEndObject();
    }

    private static void OptionalNumber(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Numbers.Round(v));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>The figures in the order of enterprises.csv's columns after the regions, with their names there.</summary>
    private static (string Name, double Value)[] Figures(EnterpriseTotals e) =>
    [
        ("consumption_mwh", e.ConsumptionMwh),
        ("own_generation_mwh", e.OwnGenerationMwh),
        ("purchased_mwh", e.PurchasedMwh),
        ("sold_mwh", e.SoldMwh),
        ("energy_bill", e.EnergyBill),
        ("operating_cost", e.OperatingCost),
        ("scope1_t", e.DirectEmissionsT),
        ("scope2_location_t", e.LocationBasedT),
        ("scope2_market_t", e.MarketBasedT),
        ("scope2_marginal_t", e.MarginalT),
        ("own_renewable_mwh", e.OwnRenewableMwh),
    ];
}
