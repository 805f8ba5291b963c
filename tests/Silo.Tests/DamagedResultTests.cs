using System.Diagnostics;
using System.Text.RegularExpressions;
using GridActors.Testing;

namespace GridActors.Silo.Tests;

/// <summary>
/// `gridactors report` on a result folder that was edited or damaged: every case is one sentence naming the file
/// (and line and column where there is one), exit 2, no report written, memory bounded and no wait on a pipe.
/// </summary>
public sealed partial class DamagedResultTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-damaged", Guid.NewGuid().ToString("N"));
    private static readonly SemaphoreSlim Once = new(1, 1);
    private static string? pristine;

    public DamagedResultTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>A copy of one toy result folder, solved once for all cases.</summary>
    private async Task<string> CopyAsync()
    {
        await Once.WaitAsync();
        try
        {
            if (pristine is null)
            {
                var output = Path.Combine(Path.GetTempPath(), "gridactors-damaged", "pristine-" + Guid.NewGuid().ToString("N"));
                var (exitCode, _, error) = await Gridactors.RunAsync("optimize", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", output);
                Assert.True(exitCode == 0, error);
                pristine = output;
            }
        }
        finally
        {
            Once.Release();
        }
        var copy = Path.Combine(folder, "result");
        Directory.CreateDirectory(copy);
        foreach (var file in Directory.GetFiles(pristine))
        {
            File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
        }
        return copy;
    }

    [GeneratedRegex(@"^(time,region,load_mw.*)$", RegexOptions.Multiline)]
    private static partial Regex RegionsHeader();

    private static void Edit(string path, Func<string, string> change) => File.WriteAllText(path, change(File.ReadAllText(path)));

    /// <summary>Replaces the price (the column named) of the first data row of regions.csv.</summary>
    private static string WithFirstPrice(string csv, string price)
    {
        var lines = csv.Split('\n');
        var header = lines[0].Split(',');
        var cells = lines[1].Split(',');
        cells[Array.IndexOf(header, "price_per_mwh")] = price;
        lines[1] = string.Join(',', cells);
        return string.Join('\n', lines);
    }

    public static TheoryData<string, string> Damages() => new()
    {
        { "nan", "regions.csv:2:price_per_mwh: 'NaN' is not a finite number" },
        { "infinity", "regions.csv:2:price_per_mwh: 'Infinity' is not a finite number" },
        { "1e309", "regions.csv:2:price_per_mwh: '1e309' is not a finite number" },
        { "short-row", "regions.csv:3: the row has 3 cells, the header" },
        { "extra-rows", "more rows than summary.json's 48 steps × 2 regions" },
        { "long-line", "regions.csv:2: the row is longer than 1,048,576 characters" },
        { "steps-2e9", "summary.json: steps: expected a whole number from 1 to 10,000,000, got 2e9" },
        { "steps-to-year-9999", "summary.json: steps: 9,000,000 steps of 1440 minutes end after the year 9999" },
        { "steps-text", "summary.json: steps: expected a whole number" },
        { "summary-not-json", "summary.json:1: not valid JSON" },
        { "start-garbage", "summary.json: start: expected an ISO-8601 time" },
        { "zero-link", "regions.csv is not a regular file" },
        { "fifo", "regions.csv is not a regular file" },
        { "summary-fifo", "summary.json is empty or not a regular file" },
        { "unknown-region", "regions.csv:2:region: 'Atlantis' is not a region of summary.json" },
    };

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task ADamagedFolderGetsOneLocatedSentenceAndExitTwo(string damage, string expected)
    {
        var result = await CopyAsync();
        var regions = Path.Combine(result, "regions.csv");
        var summary = Path.Combine(result, "summary.json");
        switch (damage)
        {
            case "nan":
                Edit(regions, csv => WithFirstPrice(csv, "NaN"));
                break;
            case "infinity":
                Edit(regions, csv => WithFirstPrice(csv, "Infinity"));
                break;
            case "1e309":
                Edit(regions, csv => WithFirstPrice(csv, "1e309"));
                break;
            case "short-row":
                Edit(regions, csv => { var lines = csv.Split('\n'); lines[2] = "a,b,c"; return string.Join('\n', lines); });
                break;
            case "extra-rows":
                Edit(regions, csv => csv + string.Join("", csv.Split('\n').Skip(1).Take(2).Select(l => l + "\n")));
                break;
            case "long-line":
                Edit(regions, csv => { var lines = csv.Split('\n'); lines[1] += new string('9', 20_000_000); return string.Join('\n', lines); });
                break;
            case "steps-2e9":
                Edit(summary, json => Regex.Replace(json, "\"steps\": \\d+", "\"steps\": 2e9"));
                break;
            case "steps-to-year-9999":
                Edit(summary, json => Regex.Replace(Regex.Replace(json, "\"steps\": \\d+", "\"steps\": 9000000"), "\"step_minutes\": \\d+", "\"step_minutes\": 1440"));
                break;
            case "steps-text":
                Edit(summary, json => Regex.Replace(json, "\"steps\": \\d+", "\"steps\": \"many\""));
                break;
            case "summary-not-json":
                File.WriteAllText(summary, "{ \"steps\": ");
                break;
            case "start-garbage":
                Edit(summary, json => Regex.Replace(json, "\"start\": \"[^\"]+\"", "\"start\": \"yesterday\""));
                break;
            case "zero-link":
                File.Delete(regions);
                File.CreateSymbolicLink(regions, "/dev/zero");
                break;
            case "fifo":
            case "summary-fifo":
                var target = damage == "fifo" ? regions : summary;
                File.Delete(target);
                using (var mkfifo = Process.Start("mkfifo", target))
                {
                    await mkfifo.WaitForExitAsync();
                }
                break;
            case "unknown-region":
                Edit(regions, csv => { var lines = csv.Split('\n'); var cells = lines[1].Split(','); cells[1] = "Atlantis"; lines[1] = string.Join(',', cells); return string.Join('\n', lines); });
                break;
        }
        var (exitCode, output, error) = await Gridactors.RunAsync("report", result).WaitAsync(TimeSpan.FromSeconds(60));
        Assert.Equal(2, exitCode);
        Assert.Contains(expected, error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
        Assert.True(error.Length < 1000, $"a {error.Length}-character message");
        Assert.False(File.Exists(Path.Combine(result, "report.html")));
    }
}
