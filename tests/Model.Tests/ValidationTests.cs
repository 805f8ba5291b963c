using GridActors.Model.Loading;

namespace GridActors.Model.Tests;

public sealed class ValidationTests : IDisposable
{
    private readonly TempScenario files = new();

    public void Dispose() => files.Dispose();

    private const string Broken = """
        format: 1
        name: broken
        horizon: { start: 2024-01-01T00:00:00+08:00, steps: 10 }
        regions:
          - { id: A }
        profiles:
          flat: { values: [1] }
          short: { csv: short.csv, column: load }
        assets:
          - { id: coal, type: thermal, region: A, fuel: coal, capcity_mw: 100, marginal_cost_per_mwh: 10 }
          - { id: wind, type: wind, region: Z, capacity_mw: -5, profile: flat }
          - { id: bat, type: storage, region: A, power_mw: 10, energy_mwh: 40, charge_efficiency: 1.2 }
          - { id: town, type: load, region: A, peak_mw: 50, profile: flatt }
          - { id: mill, type: load, region: A, peak_mw: 20, profile: short }
        """;

    private IReadOnlyList<ScenarioError> Errors()
    {
        files.Write("short.csv", "hour,load\n1,0.5\n2,0.6\n3,0.7\n");
        var (scenario, errors) = ScenarioLoader.TryLoad(files.Write("broken.yaml", Broken));
        Assert.Null(scenario);
        return errors;
    }

    private static ScenarioError Find(IReadOnlyList<ScenarioError> errors, string path) =>
        errors.Single(e => e.FieldPath == path);

    [Fact]
    public void EveryErrorIsCollectedAtOnce()
    {
        var errors = Errors();
        Assert.Equal(
            ["assets[0].capacity_mw", "assets[0].capcity_mw", "assets[1].capacity_mw", "assets[1].region", "assets[2].charge_efficiency", "assets[3].profile", "profiles.short.csv"],
            errors.Select(e => e.FieldPath).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void UnknownFieldNamesTheClosestKnownOne()
    {
        var error = Find(Errors(), "assets[0].capcity_mw");
        Assert.Equal("unknown field 'capcity_mw'; did you mean 'capacity_mw'?", error.Message);
        Assert.Equal((10, 55), (error.Location.Line, error.Location.Column));
        Assert.EndsWith("broken.yaml", error.Location.File, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingRequiredFieldPointsAtTheObject()
    {
        var error = Find(Errors(), "assets[0].capacity_mw");
        Assert.Equal("required field is missing", error.Message);
        Assert.Equal((10, 5), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void UnknownRegionAndProfileAreNamedWithASuggestion()
    {
        var errors = Errors();
        Assert.Equal("unknown region 'Z'; expected one of 'A'", Find(errors, "assets[1].region").Message);
        var profile = Find(errors, "assets[3].profile");
        Assert.Equal("unknown profile 'flatt'; did you mean 'flat'?", profile.Message);
        Assert.Equal((13, 62), (profile.Location.Line, profile.Location.Column));
    }

    [Fact]
    public void NegativeCapacityAndEfficiencyOutOfRangeAreRejected()
    {
        var errors = Errors();
        var capacity = Find(errors, "assets[1].capacity_mw");
        Assert.Equal("must be at least 0, got -5", capacity.Message);
        Assert.Equal((11, 53), (capacity.Location.Line, capacity.Location.Column));
        Assert.Equal("must be in (0, 1], got 1.2", Find(errors, "assets[2].charge_efficiency").Message);
    }

    [Fact]
    public void CsvTooShortForTheHorizonIsReportedOnceReferencesResolve()
    {
        files.Write("short.csv", "hour,load\n1,0.5\n2,0.6\n3,0.7\n");
        var fixedReferences = Broken
            .Replace("capcity_mw", "capacity_mw", StringComparison.Ordinal)
            .Replace("region: Z, capacity_mw: -5", "region: A, capacity_mw: 5", StringComparison.Ordinal)
            .Replace("charge_efficiency: 1.2", "charge_efficiency: 0.9", StringComparison.Ordinal)
            .Replace("flatt", "flat", StringComparison.Ordinal);
        var (_, errors) = ScenarioLoader.TryLoad(files.Write("short.yaml", fixedReferences));
        var error = Assert.Single(errors);
        Assert.Equal("profiles.short.csv", error.FieldPath);
        Assert.EndsWith("short.csv has 3 data rows; offset 0 + 10 steps needs 10", error.Message, StringComparison.Ordinal);
        Assert.Equal(8, error.Location.Line);
    }

    [Fact]
    public void NonNumericCsvCellIsLocatedInTheCsvFile()
    {
        files.Write("bad.csv", "hour,load\n1,0.5\n2,abc\n");
        var yaml = TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { csv: bad.csv, column: load }", StringComparison.Ordinal);
        var (_, errors) = ScenarioLoader.TryLoad(files.Write("s.yaml", yaml));
        var error = Assert.Single(errors);
        Assert.EndsWith("bad.csv", error.Location.File, StringComparison.Ordinal);
        Assert.Equal((3, 3), (error.Location.Line, error.Location.Column));
        Assert.Equal("column 'load': expected a number, got 'abc'", error.Message);
    }

    [Fact]
    public void UnknownAssetTypeSuggestsTheClosest()
    {
        var yaml = TempScenario.Minimal.Replace("type: thermal", "type: thermall", StringComparison.Ordinal);
        var (_, errors) = ScenarioLoader.TryLoad(files.Write("s.yaml", yaml));
        Assert.Equal("unknown type 'thermall'; did you mean 'thermal'?", Assert.Single(errors).Message);
    }

    [Fact]
    public void CrossFieldRulesAreChecked()
    {
        var yaml = TempScenario.Minimal.Replace("profile: flat }", "profile: flat, curtailable_fraction: 0.7, shiftable_fraction: 0.5 }", StringComparison.Ordinal);
        var (_, errors) = ScenarioLoader.TryLoad(files.Write("s.yaml", yaml));
        Assert.Contains(errors, e => e.Message == "curtailable_fraction + shiftable_fraction must be at most 1, got 1.2");
        Assert.Contains(errors, e => e.FieldPath == "assets[1].curtailment_cost_per_mwh" && e.Message == "required when curtailable_fraction > 0");
        Assert.Contains(errors, e => e.FieldPath == "assets[1].shift_window_h" && e.Message == "required when shiftable_fraction > 0");
    }
}
