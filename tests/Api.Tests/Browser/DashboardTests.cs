using GridActors.Silo.Hosting;
using GridActors.Testing;
using Microsoft.Playwright;

namespace GridActors.Api.Tests.Browser;

[Collection(SharedLiveCluster.Name)]
public sealed class DashboardTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task DashboardStartsARunAndItsChartsReceiveTheStream()
    {
        var port = EmbeddedCluster.FreePort();
        api.UseKestrel(port);
        api.StartServer();
        var (playwright, browser) = await DebianChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var errors = DebianChromium.CollectErrors(page);
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync($"http://127.0.0.1:{port}/");

        await page.WaitForFunctionAsync("() => document.querySelectorAll('#scenario option').length > 0");
        await page.FillAsync("#api-key", ApiFactory.Key);
        await page.DispatchEventAsync("#api-key", "change");
        await page.SelectOptionAsync("#scenario", "two-region-toy");
        await page.FillAsync("#pace", "48");
        await page.ClickAsync("#start");

        await page.WaitForFunctionAsync("() => window.gridactors.stepsReceived() === 48");
        await page.WaitForFunctionAsync("() => document.querySelector('#live-status').textContent === 'completed'");
        foreach (var chart in new[] { "price", "generation", "carbon", "storage" })
        {
            var points = await page.EvaluateAsync<double>($"Number(document.querySelector('#{chart}-chart').dataset.points)");
            Assert.True(points >= 48, $"{chart} chart drew {points} points");
            // Drawn by the charting library, which holds the series it shows.
            var drawn = await page.EvaluateAsync<int>($"echarts.getInstanceByDom(document.querySelector('#{chart}-chart')).getOption().series[0].data.length");
            Assert.Equal(48, drawn);
        }
        // The toy has no data-center campuses: no chart rather than an empty axis.
        Assert.True(await page.EvaluateAsync<bool>("document.querySelector('#datacenter-figure').hidden"));
        Assert.Equal("Price (CNY/MWh)", await page.TextContentAsync("#price-caption"));
        Assert.StartsWith("#run=", await page.EvaluateAsync<string>("location.hash"), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<int>("document.querySelectorAll('#runs tbody tr').length") >= 1);

        var screenshot = await page.ScreenshotAsync(new PageScreenshotOptions { Path = DebianChromium.ArtifactPath("dashboard.png"), FullPage = true });
        Assert.True(screenshot.Length > 10_000, $"screenshot of {screenshot.Length} bytes");
        Assert.True(errors.Count == 0, string.Join("\n", errors));
    }

    [Fact]
    public async Task ARunStartedWithoutThePageShowsItsChartsWithoutAClickAndEachRunHasItsOwnAddress()
    {
        var port = EmbeddedCluster.FreePort();
        api.UseKestrel(port);
        api.StartServer();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        http.DefaultRequestHeaders.Add("X-Api-Key", ApiFactory.Key);
        var id = (await http.StartAsync(new { scenario = "two-region-toy", pace = 6 })).Id();
        var (playwright, browser) = await DebianChromium.LaunchAsync();
        using var _ = playwright;
        await using var __ = browser;
        var page = await browser.NewPageAsync();
        page.SetDefaultTimeout(120_000);
        await page.GotoAsync($"http://127.0.0.1:{port}/");
        await page.WaitForFunctionAsync($"() => window.gridactors && window.gridactors.selectedRun() === '{id}' && window.gridactors.stepsReceived() > 0");
        await page.CloseAsync();
        await http.WaitForEndAsync(id);
        var linked = await browser.NewPageAsync();
        linked.SetDefaultTimeout(120_000);
        await linked.GotoAsync($"http://127.0.0.1:{port}/#run={id}");
        await linked.WaitForFunctionAsync($"() => window.gridactors && window.gridactors.selectedRun() === '{id}' && window.gridactors.stepsReceived() === 48");
    }
}
