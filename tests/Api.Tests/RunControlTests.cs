using System.Globalization;
using System.Net;

namespace GridActors.Api.Tests;

[Collection(SharedLiveCluster.Name)]
public sealed class RunControlTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task ToyRunCompletesWithTheHandCalculatedCostAndItsResultFiles()
    {
        using var client = api.Authorized();
        var started = await client.StartAsync(new { scenario = "two-region-toy" });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);

        var done = await client.WaitForEndAsync(started.Id());

        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal(48, done["steps_done"]!.GetValue<int>());
        Assert.Equal(12_150_000, done["summary"]!["total_cost"]!.GetValue<double>(), 1e-3);
        var files = await client.GetStringAsync(new Uri($"/api/runs/{started.Id()}/results", UriKind.Relative));
        Assert.Contains("regions.csv", files, StringComparison.Ordinal);
        var regions = await client.GetStringAsync(new Uri($"/api/runs/{started.Id()}/results/regions.csv", UriKind.Relative));
        Assert.Equal(1 + 48 * 2, regions.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var latest = await client.GetStringAsync(new Uri($"/api/runs/{started.Id()}/regions", UriKind.Relative));
        Assert.Contains("\"step\":47", latest, StringComparison.Ordinal);
        // Its report is among its results, as a page.
        using var report = await client.GetAsync(new Uri($"/api/runs/{started.Id()}/results/report.html", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, report.StatusCode);
        Assert.Equal("text/html", report.Content.Headers.ContentType?.MediaType);
        Assert.Contains("window.REPORT_DATA", await report.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARunAsksForParquetBesideCsv()
    {
        using var client = api.Authorized();
        var started = await client.StartAsync(new { scenario = "two-region-toy", mode = "optimal", format = "both" });
        Assert.Equal("completed", (await client.WaitForEndAsync(started.Id()))["status"]!.GetValue<string>());
        var files = await client.GetStringAsync(new Uri($"/api/runs/{started.Id()}/results", UriKind.Relative));
        foreach (var file in new[] { "regions.csv", "regions.parquet", "assets.parquet", "enterprises.parquet", "report.html" })
        {
            Assert.Contains(file, files, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OptimalModeReplaysTheHorizonLpAndFindsTheSameOptimum()
    {
        using var client = api.Authorized();
        var started = await client.StartAsync(new { scenario = "two-region-toy", mode = "optimal" });
        var done = await client.WaitForEndAsync(started.Id());
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        Assert.Equal("optimal", done["mode"]!.GetValue<string>());
        Assert.Equal(12_150_000, done["summary"]!["total_cost"]!.GetValue<double>(), 1e-3);
    }

    [Fact]
    public async Task PausedRunHoldsStillResumesAndCancelsWithoutAResultFolder()
    {
        using var client = api.Authorized();
        var started = await client.StartAsync(new { scenario = "two-region-toy", pace = 20 });
        var id = started.Id();
        await client.WaitUntilAsync(id, r => r["steps_done"]!.GetValue<int>() >= 4);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/runs/{id}/pause", UriKind.Relative), null)).StatusCode);
        var paused = await client.WaitUntilAsync(id, r => r["status"]!.GetValue<string>() == "paused");
        await Task.Delay(300);
        var held = (await client.GetRunAsync(id))["steps_done"]!.GetValue<int>();
        await Task.Delay(700);
        Assert.Equal(held, (await client.GetRunAsync(id))["steps_done"]!.GetValue<int>());
        Assert.True(held < 48, paused.ToString());

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/runs/{id}/resume", UriKind.Relative), null)).StatusCode);
        await client.WaitUntilAsync(id, r => r["steps_done"]!.GetValue<int>() > held);

        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/runs/{id}/cancel", UriKind.Relative), null)).StatusCode);
        var cancelled = await client.WaitForEndAsync(id);
        Assert.Equal("cancelled", cancelled["status"]!.GetValue<string>());
        Assert.True(cancelled["steps_done"]!.GetValue<int>() < 48);
        Assert.False(Directory.Exists(Path.Combine(api.ResultsDirectory, id)));
        Assert.Empty(Directory.Exists(api.ResultsDirectory) ? Directory.GetFileSystemEntries(api.ResultsDirectory, id + "*") : []);
        Assert.Equal(HttpStatusCode.Conflict, (await client.GetAsync(new Uri($"/api/runs/{id}/results/summary.json", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync(new Uri($"/api/runs/{id}/resume", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task PaceSpacesTheStepsOverWallTime()
    {
        using var client = api.Authorized();
        var started = await client.StartAsync(new { scenario = "two-region-toy", pace = 40 });
        var done = await client.WaitForEndAsync(started.Id());
        var seconds = (DateTimeOffset.Parse(done["finished_at"]!.GetValue<string>(), CultureInfo.InvariantCulture)
            - DateTimeOffset.Parse(done["started_at"]!.GetValue<string>(), CultureInfo.InvariantCulture)).TotalSeconds;
        // 48 steps at 40 a second cannot take less than 1.2 s, whatever the machine.
        Assert.True(seconds >= 1.1, $"{seconds} s");
    }

    [Fact]
    public async Task FinishedRunsBeyondTheRetentionAreForgottenButTheirResultsStayOnDisk()
    {
        using var small = new ApiFactory(cluster, ("Api:MaxRetainedRuns", "1"));
        using var client = small.Authorized();
        var first = (await client.StartAsync(new { scenario = "two-region-toy" })).Id();
        await client.WaitForEndAsync(first);
        var second = (await client.StartAsync(new { scenario = "two-region-toy" })).Id();
        await client.WaitForEndAsync(second);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri($"/api/runs/{first}", UriKind.Relative))).StatusCode);
        Assert.True(File.Exists(Path.Combine(small.ResultsDirectory, first, "summary.json")));
    }
}
