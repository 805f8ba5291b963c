using System.Net;
using GridActors.Testing;

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
    public async Task OpenApiDocumentPassesRedoclysRecommendedRules()
    {
        using var client = api.CreateClient();
        var document = Path.Combine(Path.GetTempPath(), $"gridactors-openapi-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(document, await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative)));
        try
        {
            // scripts/test.sh installs the CLI there; without it this test fails, it does not skip.
            var redocly = RepositoryRoot.Path("out/tools/redocly/node_modules/.bin/redocly");
            Assert.True(File.Exists(redocly), $"{redocly} is missing: scripts/test.sh installs @redocly/cli from npm");
            var start = new System.Diagnostics.ProcessStartInfo(redocly) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in new[] { "lint", document, "--config", RepositoryRoot.Path("deploy/openapi/redocly.yaml"), "--format", "stylish" })
            {
                start.ArgumentList.Add(arg);
            }
            using var lint = System.Diagnostics.Process.Start(start)!;
            var output = lint.StandardOutput.ReadToEndAsync();
            var errors = lint.StandardError.ReadToEndAsync();
            await lint.WaitForExitAsync();
            var text = await output + await errors;
            Assert.True(lint.ExitCode == 0, text);
            Assert.Contains("Your API description is valid", text, StringComparison.Ordinal);
            Assert.DoesNotContain("warning", text.Replace("Deprecation warning", "", StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        }
        finally
        {
            File.Delete(document);
        }
    }

    [Fact]
    public async Task ThePublishedContractIsTheServedDocument()
    {
        using var client = api.CreateClient();
        var served = await client.GetStringAsync(new Uri("/openapi/v1.json", UriKind.Relative));
        var published = await File.ReadAllTextAsync(RepositoryRoot.Path("docs/openapi.json"));
        if (!System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(served), System.Text.Json.Nodes.JsonNode.Parse(published)))
        {
            var fresh = RepositoryRoot.Path("out/openapi.json");
            Directory.CreateDirectory(Path.GetDirectoryName(fresh)!);
            await File.WriteAllTextAsync(fresh, served);
            Assert.Fail($"docs/openapi.json (the contract the generated client is built from) is stale: the served document is in {fresh}; copy it over");
        }
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
