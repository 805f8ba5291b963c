using System.Diagnostics;
using GridActors.Model.Loading;

namespace GridActors.Model.Tests;

/// <summary>
/// Input made to crash, exhaust or escape the loader gets a located error instead: broken and bottomless YAML,
/// alias bombs, sizes and numbers that could not run, files that are not files, links out of a confined folder.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly TempScenario files = new();

    public void Dispose() => files.Dispose();

    private static ScenarioError Single(string yaml, ScenarioLimits? limits = null)
    {
        var (scenario, errors) = ScenarioLoader.TryLoadText(yaml, "request body", Path.GetTempPath(), limits);
        Assert.Null(scenario);
        return Assert.Single(errors);
    }

    [Theory]
    [InlineData("regions: [ { id: A }, { id: B }")]
    [InlineData("regions: { A: 1, B: 2")]
    [InlineData("format: 1\nassets: [ { id: x, type: thermal ")]
    [InlineData("name: \"never closed\nformat: 1")]
    public void UnclosedCollectionsAreALocatedYamlError(string yaml)
    {
        var error = Single(yaml);
        Assert.Equal("request body", error.Location.File);
        Assert.True(error.Location.Line >= 1);
        Assert.StartsWith("not valid YAML", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DeepNestingIsRefusedBeforeItOverflowsTheStack()
    {
        var error = Single("regions: " + new string('[', 50_000));
        Assert.Contains("nested more than 64 deep", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, error.Location.Line);
    }

    [Fact]
    public void AliasBombsAreRefusedQuickly()
    {
        var yaml = new System.Text.StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 10; level++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{level}: &a{level} [")
                .Append(string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))).Append("]\n");
        }
        var watch = Stopwatch.StartNew();
        var error = Single(yaml.ToString());
        Assert.Contains("once its aliases are expanded", error.Message, StringComparison.Ordinal);
        // Not a timing target: a bound on the cost of refusing, which was exponential (56 s at 10 levels).
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("r: &r [*r]", 1, 8)]
    [InlineData("r: &r { a: *r }", 1, 12)]
    [InlineData("r: &r { *r : 1 }", 1, 9)]
    [InlineData("r: &r [[[ *r ]]]", 1, 11)]
    [InlineData("format: 1\nregions: &r\n  - id: A\n    next: *r\n", 4, 11)]
    [InlineData("a: &r [1]\nb: &r [x, *r]\n", 2, 11)]
    public void AnAliasInsideItsOwnAnchorIsALocatedCycleNotAStackOverflow(string yaml, int line, int column)
    {
        var error = Single(yaml);
        Assert.StartsWith("alias cycle: *r stands inside", error.Message, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Location.Line, error.Location.Column));
    }

    [Fact]
    public void AnAnchorNamedAgainInsideItsValueIsNoCycle()
    {
        // The alias refers to the latest definition of its anchor: here the finished [1], not the open list around it.
        var (_, errors) = ScenarioLoader.TryLoadText(TempScenario.Minimal + "\nr: &r [&r [1], *r]\n", "request body", files.Folder);
        Assert.Equal("unknown field 'r'", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("id: town,", "assets[1].id")]
    [InlineData("region: A, peak_mw", "assets[1].region")]
    [InlineData("name: minimal", "name")]
    public void IdsNamesAndReferencesAreBoundedInLength(string field, string path)
    {
        var rest = field[(field.IndexOf(':', StringComparison.Ordinal) + 2)..];
        var value = rest.TrimEnd(',').Split(',')[0];
        var yaml = TempScenario.Minimal.Replace(field, field.Replace(value, new string('x', 1_000_000), StringComparison.Ordinal), StringComparison.Ordinal);
        var (_, errors) = ScenarioLoader.TryLoadText(yaml, "request body", files.Folder);
        var error = Assert.Single(errors, e => e.FieldPath == path);
        Assert.Equal($"'{new string('x', 40)}…' is 1,000,000 characters long, more than the 100 this field may have", error.Message);
        // An error never echoes the value whole.
        Assert.All(errors, e => Assert.True(e.ToString().Length < 400, ErrorText.Quote(e.ToString())));
    }

    [Fact]
    public void ADescriptionMayBeLongerThanAnId()
    {
        var (scenario, errors) = ScenarioLoader.TryLoadText(TempScenario.Minimal + "\ndescription: " + new string('d', 2000) + "\n", "request body", files.Folder);
        Assert.Empty(errors);
        Assert.NotNull(scenario);
        var (_, tooLong) = ScenarioLoader.TryLoadText(TempScenario.Minimal + "\ndescription: " + new string('d', 2001) + "\n", "request body", files.Folder);
        Assert.Contains("more than the 2,000 this field may have", Assert.Single(tooLong).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFewAliasesAreFine()
    {
        var yaml = TempScenario.Minimal.Replace("regions:\n  - { id: A }", "defaults: &d { id: A }\nregions:\n  - *d", StringComparison.Ordinal);
        var (_, errors) = ScenarioLoader.TryLoadText(yaml, "request body", files.Folder);
        // 'defaults' is not a field: the only complaint is that, so the alias itself was read.
        Assert.Equal("unknown field 'defaults'", Assert.Single(errors).Message);
    }

    [Theory]
    [InlineData("steps: 4", "steps: 10000000", "more than the 100,000")]
    [InlineData("steps: 4", "steps: 2147483647", "more than the 100,000")]
    [InlineData("start: 2024-01-01T00:00:00+08:00, steps: 4", "start: 9999-12-30T00:00:00+08:00, steps: 48", "after the year 9999")]
    public void HorizonsTooLongToRunAreLocatedErrors(string from, string to, string expected)
    {
        var error = Single(TempScenario.Minimal.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal("horizon.steps", error.FieldPath);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AssetStepsOverTheLimitAreALocatedError()
    {
        var error = Single(TempScenario.Minimal, ScenarioLimits.Default with { MaxAssetSteps = 7 });
        Assert.Equal("horizon.steps", error.FieldPath);
        Assert.Contains("2 assets and workloads × 4 steps are 8 asset-steps, more than the 7", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("capacity_mw: 100", "capacity_mw: 1e308", "assets[0].capacity_mw")]
    [InlineData("capacity_mw: 100", "capacity_mw: 1.5e9", "assets[0].capacity_mw")]
    [InlineData("marginal_cost_per_mwh: 10", "marginal_cost_per_mwh: -1e12", "assets[0].marginal_cost_per_mwh")]
    [InlineData("peak_mw: 50", "peak_mw: 1e300", "assets[1].peak_mw")]
    public void NumbersBeyondTheLargestMagnitudeAreLocatedErrors(string from, string to, string field)
    {
        var error = Single(TempScenario.Minimal.Replace(from, to, StringComparison.Ordinal));
        Assert.Equal(field, error.FieldPath);
        Assert.Contains("the largest magnitude a scenario number may have", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ValueOfLostLoadBeyondTheLargestMagnitudeIsALocatedError()
    {
        var error = Single(TempScenario.Minimal + "\neconomics: { value_of_lost_load_per_mwh: 1e308 }\n");
        Assert.Equal("economics.value_of_lost_load_per_mwh", error.FieldPath);
    }

    [Fact]
    public void DevicesAreNotReadAsFiles()
    {
        var csv = files.Write("zero.yaml", TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { csv: /dev/zero, column: A }", StringComparison.Ordinal));
        var (_, errors) = ScenarioLoader.TryLoad(csv);
        Assert.Contains("/dev/zero is empty or not a regular file", Assert.Single(errors).Message, StringComparison.Ordinal);

        File.CreateSymbolicLink(Path.Combine(files.Folder, "zero-link.yaml"), "/dev/zero");
        var include = files.Write("include.yaml", "include: [zero-link.yaml]\n" + TempScenario.Minimal);
        var (_, includeErrors) = ScenarioLoader.TryLoad(include);
        Assert.Contains("zero-link.yaml is empty or not a regular file", Assert.Single(includeErrors).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/etc/shadow")]
    [InlineData("/etc/passwd")]
    [InlineData("/dev/zero")]
    public void IncludeNamesScenarioFilesOnlySoNoOtherFilesLinesAreQuoted(string path)
    {
        var include = files.Write("include.yaml", $"include: [{path}]\n" + TempScenario.Minimal);
        var (_, errors) = ScenarioLoader.TryLoad(include);
        var error = Assert.Single(errors);
        Assert.Equal("include[0]", error.FieldPath);
        Assert.Equal($"'{path}' is not a .yaml or .yml file; include names scenario files only", error.Message);
    }

    [Fact]
    public void ANulInAnIncludeOrCsvPathIsALocatedError()
    {
        var include = files.Write("nul.yaml", "include: [\"a\\0b.yaml\"]\n" + TempScenario.Minimal);
        var (_, includeErrors) = ScenarioLoader.TryLoad(include);
        Assert.Contains("NUL character", Assert.Single(includeErrors).Message, StringComparison.Ordinal);
        var csv = files.Write("nul-csv.yaml", TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { csv: \"a\\0b.csv\", column: A }", StringComparison.Ordinal));
        var (_, csvErrors) = ScenarioLoader.TryLoad(csv);
        Assert.Contains("NUL character", Assert.Single(csvErrors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task APipeIsRefusedWithoutWaitingForAWriter()
    {
        var fifo = Path.Combine(files.Folder, "pipe.yaml");
        using (var mkfifo = Process.Start("mkfifo", fifo))
        {
            mkfifo.WaitForExit();
        }
        var load = Task.Run(() => ScenarioLoader.TryLoad(fifo));
        var (_, errors) = await load.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Contains("not a regular file", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FilesOverTheSizeLimitAreRefused()
    {
        files.Write("big.csv", "A\n" + string.Concat(Enumerable.Repeat("1\n", 100)));
        var yaml = TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { csv: big.csv, column: A }", StringComparison.Ordinal);
        var (_, errors) = ScenarioLoader.TryLoadText(yaml, "request body", files.Folder, ScenarioLimits.Default with { MaxCsvBytes = 100 });
        Assert.Contains("more than the 100 a scenario file may have", Assert.Single(errors).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ALinkInTheConfinedFolderMayNotLeadOutOfIt()
    {
        var outside = new TempScenario();
        try
        {
            outside.Write("secret.csv", "A\nroot:x:0:0:root:/root:/bin/bash the whole foreign line\n");
            File.CreateSymbolicLink(Path.Combine(files.Folder, "looks-local.csv"), Path.Combine(outside.Folder, "secret.csv"));
            Directory.CreateSymbolicLink(Path.Combine(files.Folder, "data"), outside.Folder);
            foreach (var csv in new[] { "looks-local.csv", "data/secret.csv" })
            {
                var yaml = TempScenario.Minimal.Replace("flat: { values: [1] }", $"flat: {{ csv: {csv}, column: A }}", StringComparison.Ordinal);
                var (_, errors) = ScenarioLoader.TryLoadText(yaml, "request body", files.Folder);
                var error = Assert.Single(errors);
                Assert.Contains("outside the scenarios folder", error.Message, StringComparison.Ordinal);
                Assert.DoesNotContain("root:x", error.Message, StringComparison.Ordinal);
            }
        }
        finally
        {
            outside.Dispose();
        }
    }

    [Fact]
    public void ErrorsQuoteOnlyTheStartOfALongValue()
    {
        files.Write("long.csv", "A\n" + new string('z', 5000) + "\n");
        var yaml = TempScenario.Minimal.Replace("flat: { values: [1] }", "flat: { csv: long.csv, column: A }", StringComparison.Ordinal);
        var (_, errors) = ScenarioLoader.TryLoadText(yaml, "request body", files.Folder);
        var error = Assert.Single(errors);
        Assert.True(error.Message.Length < 200, error.Message);
    }
}
