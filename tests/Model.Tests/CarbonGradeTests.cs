using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;

namespace GridActors.Model.Tests;

/// <summary>Carbon-efficiency grades (碳效码) and the scenario's enterprises section (docs/carbon.md).</summary>
public sealed class CarbonGradeTests
{
    private const string Plant = """
        format: 1
        name: grades
        horizon: { start: 2024-01-01T00:00:00+08:00, steps: 2 }
        economics: { carbon_price_per_t: 0, cyclic_storage: false }
        profiles:
          flat: { values: [1] }
        regions: [{ id: A }]
        assets:
          - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 1000, marginal_cost_per_mwh: 10, emissions_t_per_mwh: 1.0 }
          - { id: mill-x, type: load, region: A, owner: X, sector: steel, peak_mw: 100, profile: flat }
          - { id: mill-y, type: load, region: A, owner: Y, sector: steel, peak_mw: 50, profile: flat }
          - { id: cement-z, type: load, region: A, owner: Z, sector: cement, peak_mw: 10, profile: flat }
        enterprises:
          - { id: X, name: X Steel, value_added_per_mwh: 1000 }
          - { id: Y, value_added_per_mwh: 4000 }
        """;

    private static IReadOnlyList<CarbonGrade> Grades(string yaml)
    {
        using var folder = new TempScenario();
        var scenario = ScenarioLoader.Load(folder.Write("s.yaml", yaml));
        return SummaryAccumulator.Of(scenario, [HorizonOptimizer.Solve(scenario, LpSolverKind.Glop).Report]).Grades();
    }

    [Theory]
    [InlineData(0.1, 1)]
    [InlineData(0.6, 1)]
    [InlineData(0.61, 2)]
    [InlineData(0.8, 2)]
    [InlineData(0.81, 3)]
    [InlineData(1.2, 3)]
    [InlineData(1.21, 4)]
    [InlineData(2.0, 4)]
    [InlineData(2.01, 5)]
    public void GradesFollowTheZhejiangThresholds(double value, int grade) =>
        Assert.Equal(grade, CarbonGrades.Grade(value, GridActors.Model.Documents.CarbonEfficiencyDoc.DefaultThresholds));

    [Theory]
    [InlineData(0.6, "low")]
    [InlineData(0.61, "medium")]
    [InlineData(2.0, "medium")]
    [InlineData(2.01, "high")]
    public void IntensityLevelsFollowTheZhejiangBounds(double intensity, string level) =>
        Assert.Equal(level, CarbonGrades.Level(intensity, GridActors.Model.Documents.CarbonEfficiencyDoc.DefaultLevels));

    [Fact]
    public void WithoutABenchmarkASectorIsMeasuredAgainstItsOwnEnterprises()
    {
        var grades = Grades(Plant);
        // All power is coal (1 t/MWh). X: 200 t for 200 MWh x 1000 = 20 units of 10,000; Y: 100 t for 40 units.
        var x = grades.Single(g => g.Enterprise == "X");
        var y = grades.Single(g => g.Enterprise == "Y");
        Assert.Equal(("X Steel", "steel", 200.0), (x.Name, x.Sector, Math.Round(x.CarbonT, 6)));
        Assert.Equal(10, x.IntensityTPer10k!.Value, 6);
        Assert.Equal(2.5, y.IntensityTPer10k!.Value, 6);
        // The steel benchmark: 300 t over 60 units = 5 t per 10,000.
        Assert.Equal((5.0, 5.0), (Math.Round(x.BenchmarkTPer10k!.Value, 6), Math.Round(y.BenchmarkTPer10k!.Value, 6)));
        Assert.True(x.BenchmarkFromPeers);
        Assert.Equal((2.0, 4), (Math.Round(x.EfficiencyValue!.Value, 6), x.Grade!.Value));
        Assert.Equal((0.5, 1), (Math.Round(y.EfficiencyValue!.Value, 6), y.Grade!.Value));
        Assert.Equal(("high", "high"), (x.Level, y.Level));
        // Z has no value added: accounted, not graded.
        var z = grades.Single(g => g.Enterprise == "Z");
        Assert.Equal((20.0, (int?)null), (Math.Round(z.CarbonT, 6), z.Grade));
    }

    [Fact]
    public void ScenarioBenchmarksAndThresholdsApply()
    {
        var grades = Grades(Plant + "\n" + """
            carbon_efficiency:
              thresholds: [0.3, 0.6, 1.0, 1.2]
              benchmarks_t_per_10k: { steel: 10 }
            """);
        var x = grades.Single(g => g.Enterprise == "X");
        Assert.Equal((1.0, 3, false), (Math.Round(x.EfficiencyValue!.Value, 6), x.Grade!.Value, x.BenchmarkFromPeers));
        Assert.Equal(1, grades.Single(g => g.Enterprise == "Y").Grade);
    }

    [Fact]
    public void OwnRenewablesGiveACarbonNeutralityRate()
    {
        var yaml = Plant
            .Replace("  flat: { values: [1] }\n", "  flat: { values: [1] }\n  sun: { values: [1, 0] }\n", StringComparison.Ordinal)
            .Replace("enterprises:", "  - { id: roof-y, type: solar, region: A, owner: Y, capacity_mw: 50, profile: sun }\nenterprises:", StringComparison.Ordinal);
        var y = Grades(yaml).Single(g => g.Enterprise == "Y");
        // Hour 0: 160 MW consumed, 50 from Y's roof and 110 from coal; hour 1: all coal. Y consumes 50 MWh in each hour at
        // the grid's factor; its roof's 50 MWh in hour 0 displace the same amount at the same factor, which its graded
        // carbon leaves out.
        var hour0 = 110 / 160.0;
        var gross = 50 * hour0 + 50 * 1.0;
        Assert.Equal(gross - 50 * hour0, y.CarbonT, 6);
        Assert.Equal(50 * hour0 / gross, y.NeutralityRate, 6);
    }

    [Fact]
    public void ScenarioLevelsApply()
    {
        var grades = Grades(Plant + "\n" + """
            carbon_efficiency:
              levels_t_per_10k: [3, 12]
            """);
        // Intensities 10 (X) and 2.5 (Y) t per 10,000, as above.
        Assert.Equal(("medium", "low"), (grades.Single(g => g.Enterprise == "X").Level, grades.Single(g => g.Enterprise == "Y").Level));
    }

    [Fact]
    public void ValueAddedPerYearMayExceedTheScenarioWideMagnitude()
    {
        // A steelworks adds value in the tens of billions of CNY a year, beyond the 1e9 bound of other numbers.
        var grades = Grades(Plant.Replace("value_added_per_mwh: 4000", "value_added_per_year: 1.2e10", StringComparison.Ordinal));
        Assert.Equal(1.2e10 * 2 / 8760, grades.Single(g => g.Enterprise == "Y").ValueAdded!.Value, 3);
    }

    [Theory]
    [InlineData("enterprises: [{ id: Q }]", "enterprises[0].id", "no asset has owner 'Q'")]
    [InlineData("enterprises: [{ id: X, value_added_per_year: 1, value_added_per_mwh: 2 }]", "enterprises[0].value_added_per_mwh", "not both")]
    [InlineData("carbon_efficiency: { thresholds: [1, 0.5, 2, 3] }", "carbon_efficiency.thresholds", "must increase")]
    [InlineData("carbon_efficiency: { thresholds: [1, 2] }", "carbon_efficiency.thresholds", "expected 4 values")]
    [InlineData("carbon_efficiency: { benchmarks_t_per_10k: { steal: 2 } }", "carbon_efficiency.benchmarks_t_per_10k", "unknown sector 'steal'; did you mean 'steel'?")]
    [InlineData("carbon_efficiency: { benchmarks_t_per_10k: { steel: 0 } }", "carbon_efficiency.benchmarks_t_per_10k", "must be above 0")]
    [InlineData("carbon_efficiency: { levels_t_per_10k: [2, 1] }", "carbon_efficiency.levels_t_per_10k", "must increase")]
    [InlineData("carbon_efficiency: { levels_t_per_10k: [1] }", "carbon_efficiency.levels_t_per_10k", "expected 2 values")]
    [InlineData("enterprises: [{ id: X, value_added_per_year: 2e15 }]", "enterprises[0].value_added_per_year", "2e15 is larger than 1e15, the largest magnitude this field may have")]
    public void BadGradingInputIsLocated(string section, string path, string message)
    {
        using var folder = new TempScenario();
        var yaml = Plant[..Plant.IndexOf("enterprises:", StringComparison.Ordinal)] + section + "\n";
        var (scenario, errors) = ScenarioLoader.TryLoad(folder.Write("s.yaml", yaml));
        Assert.Null(scenario);
        var error = Assert.Single(errors);
        Assert.Equal(path, error.FieldPath);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.True(error.Location.Line > 0);
    }
}
