using System.Diagnostics;
using System.Net;
using GridActors.Model.Generation;

namespace GridActors.Api.Tests;

/// <summary>
/// An optimal run holds its whole horizon as one LP in the API's process: a scenario whose LP would not fit the
/// server's bound is refused before it starts, with a sentence naming the bound, and a cancel stops a solve. Given
/// windows, the same scenario is solved window by window (the rolling optimum), and a cancel leaves no folder.
/// </summary>
[Collection(SharedLiveCluster.Name)]
public sealed class OptimalRunLimitTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster, ("Api:MaxOptimalAssetSteps", "100000"));

    public void Dispose() => api.Dispose();

    private static string Generated(int assets, int steps) => ScenarioGenerator.Generate(new GeneratorSettings(5, assets, steps, 3));

    [Fact]
    public async Task AnOptimalRunOverTheBoundIsRefusedBeforeItStartsAndANegotiatedOneIsNot()
    {
        using var client = api.Authorized();
        var yaml = Generated(200, 1000);
        var (status, text) = await client.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(new { yaml, mode = "optimal" }), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("mode: an optimal run of this scenario is one linear program of 2", text, StringComparison.Ordinal);
        Assert.Contains("more than the 100,000 this server solves at once (Api:MaxOptimalAssetSteps)", text, StringComparison.Ordinal);
        Assert.Empty(System.Text.Json.Nodes.JsonNode.Parse(await client.GetStringAsync(new Uri("/api/runs", UriKind.Relative)))!.AsArray());
    }

    [Fact]
    public async Task ACancelStopsAnOptimalSolveWithinSeconds()
    {
        using var client = api.Authorized();
        // Within the bound, and long enough to solve (about 15 s with GLOP here) that a cancel must cut it short.
        var yaml = Generated(100, 1000);
        var run = await client.StartAsync(new { yaml, mode = "optimal" });
        await client.WaitUntilAsync(run.Id(), r => r["status"]!.GetValue<string>() == "running");
        await Task.Delay(1500);
        var cancelled = Stopwatch.StartNew();
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/runs/{run.Id()}/cancel", UriKind.Relative), null)).StatusCode);
        var ended = await client.WaitForEndAsync(run.Id(), TimeSpan.FromSeconds(60));
        Assert.Equal("cancelled", ended["status"]!.GetValue<string>());
        Assert.Equal(0, ended["steps_done"]!.GetValue<int>());
        Assert.True(cancelled.Elapsed < TimeSpan.FromSeconds(5), $"the solve went on for {cancelled.Elapsed} after the cancel");
        Assert.False(Directory.Exists(Path.Combine(api.ResultsDirectory, run.Id())));
    }

    [Fact]
    public async Task AScenarioTooLargeForOneLpIsSolvedWindowByWindowWhenWindowsAreGiven()
    {
        using var client = api.Authorized();
        // 200 assets × 1,000 steps is over the bound as one LP; a window and its look-ahead (48 steps) is not.
        var yaml = Generated(200, 1000);
        var run = await client.StartAsync(new { yaml, mode = "optimal", window_steps = 24, lookahead_steps = 24 });
        var ended = await client.WaitForEndAsync(run.Id(), TimeSpan.FromMinutes(3));
        Assert.Equal("completed", ended["status"]!.GetValue<string>());
        Assert.Equal(1000, ended["steps_done"]!.GetValue<int>());
        using var info = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(api.ResultsDirectory, run.Id(), "run.json")));
        Assert.Equal("optimal", info.RootElement.GetProperty("mode").GetString());
        Assert.Equal(24, info.RootElement.GetProperty("window_steps").GetInt32());
        Assert.Equal(24, info.RootElement.GetProperty("lookahead_steps").GetInt32());
    }

    [Fact]
    public async Task ARollingOptimumCancelledMidwayLeavesNoResultFolder()
    {
        using var client = api.Authorized();
        // Paced: the windows are published over about 40 s, so the cancel falls between two of them.
        var run = await client.StartAsync(new { yaml = Generated(50, 1000), mode = "optimal", window_steps = 24, lookahead_steps = 24, pace = 25 });
        await client.WaitUntilAsync(run.Id(), r => r["steps_done"]!.GetValue<int>() > 0);
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/runs/{run.Id()}/cancel", UriKind.Relative), null)).StatusCode);
        var ended = await client.WaitForEndAsync(run.Id(), TimeSpan.FromSeconds(60));
        Assert.Equal("cancelled", ended["status"]!.GetValue<string>());
        Assert.InRange(ended["steps_done"]!.GetValue<int>(), 1, 999);
        Assert.False(Directory.Exists(Path.Combine(api.ResultsDirectory, run.Id())));
    }
}
