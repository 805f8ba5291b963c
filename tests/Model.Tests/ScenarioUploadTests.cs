using GridActors.Model.Loading;

namespace GridActors.Model.Tests;

/// <summary>Scenarios sent as text (the API's uploads) resolve files in one folder and may not leave it.</summary>
public sealed class ScenarioUploadTests : IDisposable
{
    private readonly TempScenario files = new();

    public void Dispose() => files.Dispose();

    [Fact]
    public void UploadIncludesAndReadsCsvFromTheScenariosFolder()
    {
        files.Write("demand.csv", "hour,A\n1,10\n2,20\n3,40\n4,30\n");
        files.Write("base.yaml", TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { csv: demand.csv, column: A, normalize: peak }", StringComparison.Ordinal));
        var (scenario, errors) = ScenarioLoader.TryLoadText("format: 1\nname: variant\ninclude: [base.yaml]\n", "request body", files.Folder);
        Assert.Empty(errors);
        Assert.Equal("variant", scenario!.Name);
    }

    [Fact]
    public void UploadNamingAFileOutsideTheFolderIsRefusedWithItsLine()
    {
        var yaml = TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { csv: /etc/passwd, column: A }", StringComparison.Ordinal)
            + "\ninclude: [../outside.yaml]\n";
        var (scenario, errors) = ScenarioLoader.TryLoadText(yaml, "request body", files.Folder);
        Assert.Null(scenario);
        Assert.Contains(errors, e => e.Location.File == "request body" && e.FieldPath == "include[0]" && e.Message.Contains("outside the scenarios folder", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Location.File == "request body" && e.FieldPath.EndsWith("csv", StringComparison.Ordinal) && e.Location.Line > 1);
    }

    [Fact]
    public void UploadErrorsNameTheBodyLineAndField()
    {
        var (_, errors) = ScenarioLoader.TryLoadText(TempScenario.Minimal.Replace("steps: 4", "steps: -4", StringComparison.Ordinal), "request body", files.Folder);
        var error = Assert.Single(errors);
        Assert.Equal("request body", error.Location.File);
        Assert.Equal("horizon.steps", error.FieldPath);
    }
}
