using System.Text.Json.Nodes;
using GridActors.Testing;
using Microsoft.Playwright;

namespace GridActors.Silo.Tests;

/// <summary>report.html in a real browser (Playwright driving Debian's Chromium): it draws every chart with data, without a console error, and shows summary.json's figures.</summary>
public sealed class ReportBrowserTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-report-browser", Guid.NewGuid().ToString("N"));

    public ReportBrowserTests() => Directory.CreateDirectory(folder);

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>china-provinces-week with four of its industrial loads owned by enterprises that report their value added.</summary>
    private string ScenarioWithEnterprises() => WriteScenario($$"""
        include: [{{RepositoryRoot.Path("scenarios/china-provinces-week.yaml")}}]
        assets:
          - { id: JS-steel, owner: js-steel }
          - { id: HE-steel, owner: he-steel }
          - { id: NM-aluminium, owner: nm-aluminium }
          - { id: GS-aluminium, owner: gs-aluminium }
        enterprises:
          - { id: js-steel, name: Jiangsu steel, value_added_per_mwh: 1500 }
          - { id: he-steel, name: Hebei steel, value_added_per_mwh: 1500 }
          - { id: nm-aluminium, name: Inner Mongolia aluminium, value_added_per_mwh: 600 }
          - { id: gs-aluminium, name: Gansu aluminium, value_added_per_mwh: 600 }
        """);

    private string WriteScenario(string yaml)
    {
        var path = Path.Combine(folder, "scenario.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Fact]
    public async Task TheReportOfANegotiatedWeekDrawsEveryChartAndShowsTheSummarysFigures()
    {
        var output = Path.Combine(folder, "week");
        var (exitCode, _, error) = await Gridactors.RunAsync("run", ScenarioWithEnterprises(), "--out", output, "--report");
        Assert.True(exitCode == 0, error);
        var summary = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(output, "summary.json")))!;

        var (playwright, browser) = await DebianChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1300, Height = 900 } });
        var errors = DebianChromium.CollectErrors(page);
        // No request may leave the file: the page must open offline.
        var requests = new List<string>();
        page.Request += (_, request) =>
        {
            if (!request.Url.StartsWith("file:", StringComparison.Ordinal))
            {
                requests.Add(request.Url);
            }
        };
        await page.GotoAsync(new Uri(Path.Combine(output, "report.html")).AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.reportCharts && Object.keys(window.reportCharts).length > 0");

        var points = await page.EvaluateAsync<Dictionary<string, int>>(
            "() => Object.fromEntries(Object.entries(window.reportCharts).map(([id, c]) => [id, c.getOption().series.reduce((n, s) => n + (s.data ? s.data.length : 0), 0)]))");
        Assert.Superset(new HashSet<string> { "generation-national", "generation-region", "price-heatmap", "map", "storage", "curtailment", "region-factors", "negotiation" },
            points.Keys.ToHashSet());
        Assert.All(points, chart => Assert.True(chart.Value > 0, $"chart {chart.Key} has no data"));

        var cards = await page.EvaluateAsync<Dictionary<string, double>>(
            "() => Object.fromEntries([...document.querySelectorAll('.card')].map(c => [c.dataset.key, Number(c.dataset.value)]))");
        foreach (var key in new[] { "total_cost", "emissions_t", "curtailment_percent", "unserved_mwh", "load_shed_mwh" })
        {
            Assert.Equal(summary[key]!.GetValue<double>(), cards[key], 6);
        }
        Assert.Equal(summary["windows"]!.AsArray().Sum(w => w!["rounds"]!.GetValue<int>()), cards["negotiation_rounds"]);

        // The enterprise table: one row per enterprise, each grade cell coloured by its grade as summary.json gives it.
        var grades = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('#enterprise-table td.grade')].map(td => Number(td.dataset.value))");
        var expected = summary["enterprises"]!.AsObject().Select(e => e.Value!["grade"]!.GetValue<int>()).Order().ToArray();
        Assert.Equal(expected, grades.Order().ToArray());
        Assert.Equal(4, grades.Length);

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = DebianChromium.ArtifactPath("report-china-provinces-week.png"), FullPage = true });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(requests);
    }
}
