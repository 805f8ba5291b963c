using System.Net;
using System.Text;

namespace GridActors.Api.Tests;

[Collection(SharedLiveCluster.Name)]
public sealed class BadInputTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster, ("Api:MaxRequestBodyBytes", "4096"));

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task InvalidUploadedScenarioGetsTheLocatedErrorsOfTheCli()
    {
        using var client = api.Authorized();
        const string yaml = "format: 1\nname: broken\nhorizon: { start: 2024-01-01T00:00:00Z, steps: -4 }\nregions:\n  - { id: A }\n";
        using var response = await client.PostAsync(new Uri("/api/runs?pace=5", UriKind.Relative), new StringContent(yaml, Encoding.UTF8, "application/yaml"));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = RunCalls.Json(text).GetProperty("errors");
        Assert.Equal(2, errors.GetArrayLength());
        Assert.Equal("assets", errors[0].GetProperty("field").GetString());
        var error = errors[1];
        Assert.Equal("request body", error.GetProperty("file").GetString());
        Assert.Equal(3, error.GetProperty("line").GetInt32());
        Assert.Equal("horizon.steps", error.GetProperty("field").GetString());
        Assert.StartsWith("request body:3:", error.GetProperty("text").GetString(), StringComparison.Ordinal);
        Assert.Empty(Directory.Exists(api.ResultsDirectory) ? Directory.GetFileSystemEntries(api.ResultsDirectory) : []);
    }

    [Fact]
    public async Task UploadedScenarioMayNotReadFilesOutsideTheScenariosFolder()
    {
        using var client = api.Authorized();
        using var response = await client.PostAsync(new Uri("/api/runs", UriKind.Relative),
            new StringContent("format: 1\nname: sneaky\ninclude: [../../etc/secrets.yaml]\n", Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("outside the scenarios folder", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"scenario":"two-region-toi"}""", "did you mean 'two-region-toy'")]
    [InlineData("""{"scenario":"../secrets"}""", "no scenario named")]
    [InlineData("""{"scenario":"two-region-toy","pace":-1}""", "pace")]
    [InlineData("""{"scenario":"two-region-toy","mode":"fast"}""", "'fast' is not a mode")]
    [InlineData("""{"scenario":"two-region-toy","window_steps":0}""", "window_steps")]
    [InlineData("""{"scenario":"two-region-toy","windowsteps":12}""", "windowsteps")]
    [InlineData("""{"scenario":"two-region-toy","yaml":"format: 1"}""", "either scenario")]
    [InlineData("""{"scenario":""", "not valid JSON")]
    public async Task BadRunRequestsGet400NamingTheField(string body, string expected)
    {
        using var client = api.Authorized();
        using var response = await client.PostAsync(new Uri("/api/runs", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"));
        var text = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""[]""", "$: not valid JSON at line 1: expected a JSON object of the run's fields")]
    [InlineData("""{"scenario":"two-region-toy","window_steps":"x"}""", "expected a whole number")]
    [InlineData("""{"scenario":"two-region-toy","pace":true}""", "expected a number")]
    [InlineData("""{"scenario":"two-region-toy","windowsteps":12}""", "'windowsteps' is not a field of a run request")]
    public async Task JsonErrorsNameNoDotNetType(string body, string expected)
    {
        using var client = api.Authorized();
        var (status, text) = await client.PostRawAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("GridActors.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALongUnknownNameIsQuotedCutShort()
    {
        using var client = api.Authorized();
        var (status, text) = await client.PostRawAsync($$"""{"scenario":"{{new string('n', 3000)}}"}""", "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains($"no scenario named '{new string('n', 40)}…'", text, StringComparison.Ordinal);
        Assert.True(text.Length < 1000, $"a {text.Length}-character answer");
        var (query, queryText) = await client.PostRawAsync("format: 1", "application/yaml", "/api/runs?window_steps=" + new string('9', 2000));
        Assert.Equal(HttpStatusCode.BadRequest, query);
        Assert.True(queryText.Length < 1000, $"a {queryText.Length}-character answer");
    }

    [Fact]
    public async Task BadQueryOptionsOfAYamlBodyGet400()
    {
        using var client = api.Authorized();
        using var response = await client.PostAsync(new Uri("/api/runs?window_steps=many", UriKind.Relative), new StringContent("format: 1", Encoding.UTF8, "text/yaml"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("window_steps", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BodyOverTheLimitGets413AndOtherMediaTypes415()
    {
        using var client = api.Authorized();
        using var large = await client.PostAsync(new Uri("/api/runs", UriKind.Relative), new StringContent("# " + new string('x', 5000), Encoding.UTF8, "application/yaml"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        using var xml = await client.PostAsync(new Uri("/api/runs", UriKind.Relative), new StringContent("<run/>", Encoding.UTF8, "application/xml"));
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, xml.StatusCode);
    }

    [Theory]
    [InlineData("GET", "/api/runs/nope")]
    [InlineData("GET", "/api/runs/nope/regions")]
    [InlineData("GET", "/api/runs/nope/events")]
    [InlineData("GET", "/api/runs/nope/results/summary.json")]
    [InlineData("POST", "/api/runs/nope/pause")]
    [InlineData("POST", "/api/runs/nope/resume")]
    [InlineData("POST", "/api/runs/nope/cancel")]
    public async Task UnknownRunGets404(string method, string path)
    {
        using var client = api.Authorized();
        using var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("there is no run 'nope'", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ResultFilesAreServedOnlyByTheirListedNames()
    {
        using var client = api.Authorized();
        var id = (await client.StartAsync(new { scenario = "two-region-toy" })).Id();
        await client.WaitForEndAsync(id);
        using var traversal = await client.GetAsync(new Uri($"/api/runs/{id}/results/..%2F..%2Fappsettings.json", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }
}

[Collection(SharedLiveCluster.Name)]
public sealed class ConcurrencyLimitTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster, ("Api:MaxConcurrentRuns", "1"));

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task OneRunTooManyGets429UntilTheFirstEnds()
    {
        using var client = api.Authorized();
        var first = (await client.StartAsync(new { scenario = "two-region-toy", pace = 10 })).Id();
        using var refused = await client.PostAsync(new Uri("/api/runs", UriKind.Relative),
            new StringContent("""{"scenario":"two-region-toy"}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("already active", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        await client.PostAsync(new Uri($"/api/runs/{first}/cancel", UriKind.Relative), null);
        await client.WaitForEndAsync(first);
        var second = await client.StartAsync(new { scenario = "two-region-toy" });
        Assert.Equal("completed", (await client.WaitForEndAsync(second.Id()))["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AStartRightAfterACancelIsAccepted()
    {
        using var client = api.Authorized();
        var first = (await client.StartAsync(new { scenario = "two-region-toy", pace = 2 })).Id();
        await client.WaitUntilAsync(first, r => r["status"]!.GetValue<string>() == "running");
        Assert.Equal(HttpStatusCode.Accepted, (await client.PostAsync(new Uri($"/api/runs/{first}/cancel", UriKind.Relative), null)).StatusCode);
        // No wait: the cancelled run no longer holds the only place.
        var second = await client.StartAsync(new { scenario = "two-region-toy" });
        Assert.Equal("completed", (await client.WaitForEndAsync(second.Id()))["status"]!.GetValue<string>());
        Assert.Equal("cancelled", (await client.WaitForEndAsync(first))["status"]!.GetValue<string>());
    }
}
