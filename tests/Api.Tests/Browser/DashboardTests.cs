using GridActors.Silo;
using GridActors.Testing;

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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using var browser = await HeadlessChromium.OpenAsync($"http://127.0.0.1:{port}/", timeout.Token);

        await WaitForAsync(browser, "document.querySelectorAll('#scenario option').length > 0", timeout.Token);
        await browser.EvaluateAsync($$"""
            (() => {
              const key = document.querySelector('#api-key');
              key.value = '{{ApiFactory.Key}}';
              key.dispatchEvent(new Event('change'));
              document.querySelector('#scenario').value = 'two-region-toy';
              document.querySelector('#pace').value = '48';
              document.querySelector('#start').click();
            })()
            """, timeout.Token);

        await WaitForAsync(browser, "window.gridactors.stepsReceived() === 48", timeout.Token);
        await WaitForAsync(browser, "document.querySelector('#live-status').textContent === 'completed'", timeout.Token);
        foreach (var chart in new[] { "price", "generation", "carbon", "storage" })
        {
            var points = await browser.EvaluateAsync($"Number(document.querySelector('#{chart}-chart').dataset.points)", timeout.Token);
            Assert.True(points!.GetValue<double>() >= 48, $"{chart} chart drew {points} points");
        }
        // The toy has no data-center campuses: no chart rather than an empty axis.
        Assert.True((await browser.EvaluateAsync("document.querySelector('#datacenter-figure').hidden", timeout.Token))!.GetValue<bool>());
        Assert.Equal("Price (CNY/MWh)", (await browser.EvaluateAsync("document.querySelector('#price-caption').textContent", timeout.Token))!.GetValue<string>());
        var address = (await browser.EvaluateAsync("location.hash", timeout.Token))!.GetValue<string>();
        Assert.StartsWith("#run=", address, StringComparison.Ordinal);
        var rows = await browser.EvaluateAsync("document.querySelectorAll('#runs tbody tr').length", timeout.Token);
        Assert.True(rows!.GetValue<double>() >= 1);

        var screenshot = await browser.ScreenshotAsync(timeout.Token);
        var artifacts = RepositoryRoot.Path(Path.Combine("out", "test-artifacts"));
        Directory.CreateDirectory(artifacts);
        await File.WriteAllBytesAsync(Path.Combine(artifacts, "dashboard.png"), screenshot, timeout.Token);
        Assert.True(screenshot.Length > 10_000, $"screenshot of {screenshot.Length} bytes");
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
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await using (var page = await HeadlessChromium.OpenAsync($"http://127.0.0.1:{port}/", timeout.Token))
        {
            await WaitForAsync(page, $"window.gridactors && window.gridactors.selectedRun() === '{id}' && window.gridactors.stepsReceived() > 0", timeout.Token);
        }
        await http.WaitForEndAsync(id);
        await using var linked = await HeadlessChromium.OpenAsync($"http://127.0.0.1:{port}/#run={id}", timeout.Token);
        await WaitForAsync(linked, $"window.gridactors && window.gridactors.selectedRun() === '{id}' && window.gridactors.stepsReceived() === 48", timeout.Token);
    }

    private static async Task WaitForAsync(HeadlessChromium browser, string condition, CancellationToken cancellationToken)
    {
        while (true)
        {
            if (await browser.EvaluateAsync($"Boolean({condition})", cancellationToken) is { } value && value.GetValue<bool>())
            {
                return;
            }
            await Task.Delay(100, cancellationToken);
        }
    }
}
