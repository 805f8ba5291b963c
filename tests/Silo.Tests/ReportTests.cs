using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GridActors.Testing;

namespace GridActors.Silo.Tests;

/// <summary><c>gridactors report</c> and <c>--report</c>: one self-contained page whose data is the result folder's.</summary>
public sealed partial class ReportTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-report-tests", Guid.NewGuid().ToString("N"));

    public ReportTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?(https?:)?//", RegexOptions.IgnoreCase)]
    private static partial Regex ExternalReference();

    /// <summary>The data the page draws: the JSON assigned to window.REPORT_DATA.</summary>
    internal static JsonObject PageData(string html)
    {
        const string start = "window.REPORT_DATA = ";
        var from = html.IndexOf(start, StringComparison.Ordinal) + start.Length;
        var to = html.IndexOf("</script>", from, StringComparison.Ordinal);
        return JsonNode.Parse(html[from..to].TrimEnd().TrimEnd(';'))!.AsObject();
    }

    [Fact]
    public async Task OptimizeWithReportWritesASelfContainedPageOfItsResults()
    {
        var output = Path.Combine(folder, "week");
        var (exitCode, stdout, error) = await Gridactors.RunAsync("optimize", RepositoryRoot.Path("scenarios/china-provinces-week.yaml"), "--out", output, "--solver", "glop", "--report");
        Assert.True(exitCode == 0, error);
        Assert.Contains("report in", stdout, StringComparison.Ordinal);
        var html = await File.ReadAllTextAsync(Path.Combine(output, "report.html"));
        Assert.DoesNotMatch(ExternalReference(), html);
        Assert.Contains("echarts", html, StringComparison.Ordinal);
        var data = PageData(html);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")));
        Assert.True(JsonNode.DeepEquals(summary, data["result"]!["summary"]), "the page's summary is not summary.json");
        // An hourly week is drawn hour by hour: 168 points per series, for every region.
        var regions = data["result"]!["regions"]!["series"]!.AsObject();
        Assert.Equal(14, regions.Count);
        Assert.All(regions, r => Assert.Equal(168, r.Value!["price_per_mwh"]!.AsArray().Count));
    }

    [Fact]
    public async Task AHubLabelWithACommaAndQuotesIsReadAsOneCell()
    {
        // datacenters.csv quotes a free-text hub; the report must read it back as one cell, not shift the columns after it.
        var scenario = Path.Combine(folder, "hub.yaml");
        await File.WriteAllTextAsync(scenario, $$"""
            include: [{{RepositoryRoot.Path("scenarios/china-east-data-west-compute.yaml")}}]
            assets:
              - { id: DC-Horinger, hub: 'Inner Mongolia, "Horinger"' }
            """);
        var output = Path.Combine(folder, "hub");
        var (exitCode, _, error) = await Gridactors.RunAsync("optimize", scenario, "--out", output, "--solver", "glop", "--report");
        Assert.True(exitCode == 0, error);
        var result = PageData(await File.ReadAllTextAsync(Path.Combine(output, "report.html")))["result"]!;
        var campuses = result["campuses"]!.AsArray();
        Assert.Equal("NM", campuses.Single(c => c!["id"]!.GetValue<string>() == "DC-Horinger")!["region"]!.GetValue<string>());
        // Hourly steps: the campuses' received IT power summed over the week is the work moved, in MWh.
        var received = campuses.Sum(c => c!["received_it_mw"]!.AsArray().Sum(v => v!.GetValue<double>()));
        Assert.Equal(result["summary"]!["datacenters"]!["work_moved_mwh"]!.GetValue<double>(), received, 0.01 * campuses.Count * 168);
    }

    [Fact]
    public async Task AComparisonIsReportedSideBySide()
    {
        var output = Path.Combine(folder, "toy");
        var (exitCode, _, error) = await Gridactors.RunAsync("compare", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", output, "--report");
        Assert.True(exitCode == 0, error);
        var data = PageData(await File.ReadAllTextAsync(Path.Combine(output, "report.html")));
        Assert.Equal(0, data["compare"]!["cost_gap"]!.GetValue<double>(), 9);
        Assert.Equal("negotiated", data["negotiated"]!["summary"]!["mode"]!.GetValue<string>());
        Assert.Equal("optimal", data["optimal"]!["summary"]!["mode"]!.GetValue<string>());
        Assert.Equal(24, data["rolling"]!["run"]!["window_steps"]!.GetValue<int>());
    }

    [Fact]
    public async Task AFolderThatIsNoResultIsRefusedWithExitTwo()
    {
        var (exitCode, _, error) = await Gridactors.RunAsync("report", folder);
        Assert.Equal(2, exitCode);
        Assert.Contains("is not a GridActors result folder: summary.json, regions.csv, links.csv, datacenters.csv missing", error + "", StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(folder, "report.html")));
    }
}
