using System.Net;
using System.Text;

namespace GridActors.Api.Tests;

[Collection(SharedLiveCluster.Name)]
public sealed class AuthTests(LiveCluster cluster)
{
    private static StringContent Toy() => new("""{"scenario":"two-region-toy","pace":50}""", Encoding.UTF8, "application/json");

    [Fact]
    public async Task MutationsNeedTheKeyAndReadsAreOpenByDefault()
    {
        using var api = new ApiFactory(cluster);
        using var anonymous = api.CreateClient();
        using var missing = await anonymous.PostAsync(new Uri("/api/runs", UriKind.Relative), Toy());
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Contains("X-Api-Key", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/runs") { Content = Toy() };
        wrong.Headers.Add("X-Api-Key", "guess");
        using var wrongResponse = await anonymous.SendAsync(wrong);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongResponse.StatusCode);

        using var authorized = api.Authorized();
        using var created = await authorized.PostAsync(new Uri("/api/runs", UriKind.Relative), Toy());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = RunCalls.Json(await created.Content.ReadAsStringAsync()).GetProperty("id").GetString();

        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/api/runs/{id}", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync(new Uri($"/api/runs/{id}/cancel", UriKind.Relative), null)).StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, (await authorized.PostAsync(new Uri($"/api/runs/{id}/cancel", UriKind.Relative), null)).StatusCode);
    }

    [Fact]
    public async Task ProtectedReadsNeedTheKeyInTheHeaderOrForStreamsInTheQuery()
    {
        using var api = new ApiFactory(cluster, ("Api:RequireKeyForReads", "true"));
        using var anonymous = api.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync(new Uri("/metrics", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri($"/api/runs?api_key={ApiFactory.Key}", UriKind.Relative))).StatusCode);
        using var authorized = api.Authorized();
        Assert.Equal(HttpStatusCode.OK, (await authorized.GetAsync(new Uri("/api/runs", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync(new Uri("/", UriKind.Relative))).StatusCode);
    }
}
