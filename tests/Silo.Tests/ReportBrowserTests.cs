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

    [Fact]
    public async Task TheReportOfANegotiatedWeekDrawsEveryChartAndShowsTheSummarysFigures()
    {
        var output = Path.Combine(folder, "week");
        var (exitCode, _, error) = await Gridactors.RunAsync("run", RepositoryRoot.Path("scenarios/china-provinces-week.yaml"), "--out", output, "--report");
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

        // The enterprise table: one row per enterprise of the scenario (its industrial loads), each grade cell coloured by
        // its grade and each level as summary.json gives them.
        var grades = await page.EvaluateAsync<int[]>(
            "() => [...document.querySelectorAll('#enterprise-table td.grade')].map(td => Number(td.dataset.value))");
        var enterprises = summary["enterprises"]!.AsObject();
        Assert.Equal(enterprises.Select(e => e.Value!["grade"]!.GetValue<int>()).Order(), grades.Order());
        Assert.Equal(27, grades.Length);
        var levels = await page.EvaluateAsync<string[]>(
            "() => [...document.querySelectorAll('#enterprise-table td[class*=level-]')].map(td => td.textContent)");
        Assert.Equal(enterprises.Select(e => e.Value!["carbon_level"]!.GetValue<string>()).Order(StringComparer.Ordinal), levels.Order(StringComparer.Ordinal));

        await page.ScreenshotAsync(new PageScreenshotOptions { Path = DebianChromium.ArtifactPath("report-china-provinces-week.png"), FullPage = true });
        // The two pictures docs/report.md shows: the headline with the generation stacks, and the enterprise table.
        await page.ScreenshotAsync(new PageScreenshotOptions
        {
            Path = DebianChromium.ArtifactPath("report-headline.png"),
            FullPage = true,
            Clip = new Clip { X = 0, Y = 0, Width = 1300, Height = 1250 },
        });
        await page.Locator("#enterprise-table").ScreenshotAsync(new LocatorScreenshotOptions { Path = DebianChromium.ArtifactPath("report-enterprises.png") });
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        Assert.Empty(requests);
    }

    [Fact]
    public async Task MarkupInAResultFoldersIdsIsShownAsTextAndNeverRuns()
    {
        var output = Path.Combine(folder, "toy");
        var (exitCode, _, error) = await Gridactors.RunAsync("optimize", RepositoryRoot.Path("scenarios/two-region-toy.yaml"), "--out", output);
        Assert.True(exitCode == 0, error);
        // An edited folder: region West renamed to markup that would run if a tooltip put it in as HTML.
        const string Payload = "<img src=x onerror=window.__pwned=1>";
        foreach (var file in new[] { "regions.csv", "links.csv", "datacenters.csv", "summary.json" })
        {
            var path = Path.Combine(output, file);
            await File.WriteAllTextAsync(path, (await File.ReadAllTextAsync(path)).Replace("West", Payload, StringComparison.Ordinal));
        }
        var (reported, _, reportError) = await Gridactors.RunAsync("report", output);
        Assert.True(reported == 0, reportError);

        var (playwright, browser) = await DebianChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        var errors = DebianChromium.CollectErrors(page);
        await page.GotoAsync(new Uri(Path.Combine(output, "report.html")).AbsoluteUri);
        await page.WaitForFunctionAsync("() => window.reportCharts && window.reportCharts['price-heatmap'] && window.reportCharts['map']");
        // Every tooltip that names a region, shown as a pointer would show it.
        var shown = await page.EvaluateAsync<string>("""
            async () => {
              const texts = [];
              const show = async (chart, seriesIndex, dataIndex) => {
                chart.dispatchAction({ type: "showTip", seriesIndex, dataIndex });
                await new Promise((r) => setTimeout(r, 300));
                texts.push(...[...document.querySelectorAll("div")].filter((d) => d.style.position === "absolute" && d.textContent.includes("onerror")).map((d) => d.textContent));
              };
              const heat = window.reportCharts["price-heatmap"];
              const cells = heat.getOption().series[0].data;
              for (let i = 0; i < cells.length; i += Math.max(1, Math.floor(cells.length / 4))) await show(heat, 0, i);
              await show(window.reportCharts["map"], 1, 0);
              await show(window.reportCharts["map"], 1, 1);
              return texts.join("\n");
            }
            """);
        Assert.Contains(Payload, shown, StringComparison.Ordinal);
        Assert.Null(await page.EvaluateAsync<int?>("() => window.__pwned ?? null"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=x]').length"));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }
}
