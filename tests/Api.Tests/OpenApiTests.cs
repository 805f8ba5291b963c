using System.Net;

namespace GridActors.Api.Tests;

[Collection(SharedLiveCluster.Name)]
public sealed class OpenApiTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task OpenApiDocumentDescribesTheRunsEndpointsAndTheReferencePageLoadsWithoutACdn()
    {
        using var client = api.CreateClient();
        var document = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        foreach (var path in new[] { "/api/runs", "/api/runs/{id}", "/api/runs/{id}/pause", "/api/runs/{id}/events", "/api/runs/{id}/results/{file}", "/api/scenarios" })
        {
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
        }
        using var page = await client.GetAsync(new Uri("/reference", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain("cdn.jsdelivr", html, StringComparison.Ordinal);
        Assert.Contains("src=\"scalar.js\"", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/reference/scalar.js", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task ScenariosAreListedByName()
    {
        using var client = api.CreateClient();
        var list = await client.GetStringAsync(new Uri("/api/scenarios", UriKind.Relative));
        Assert.Contains("\"two-region-toy\"", list, StringComparison.Ordinal);
        Assert.Contains("\"china-provinces-week\"", list, StringComparison.Ordinal);
    }
}
