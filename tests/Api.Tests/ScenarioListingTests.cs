using System.Diagnostics;
using System.Net;
using GridActors.Testing;

namespace GridActors.Api.Tests;

/// <summary>
/// The scenarios folder may hold things that are not scenario files: a FIFO, a link to a device or out of the
/// folder. The listing leaves them out without opening them and a start by their name is a 400, at once.
/// </summary>
[Collection(SharedLiveCluster.Name)]
public sealed class ScenarioListingTests : IDisposable
{
    private readonly string folder = Path.Combine(Path.GetTempPath(), "gridactors-listing", Guid.NewGuid().ToString("N"));
    private readonly string outside = Path.Combine(Path.GetTempPath(), "gridactors-listing", Guid.NewGuid().ToString("N") + "-secret.yaml");
    private readonly ApiFactory api;

    public ScenarioListingTests(LiveCluster cluster)
    {
        Directory.CreateDirectory(folder);
        File.Copy(RepositoryRoot.Path("scenarios/two-region-toy.yaml"), Path.Combine(folder, "two-region-toy.yaml"));
        using (var mkfifo = Process.Start("mkfifo", Path.Combine(folder, "fifo.yaml")))
        {
            mkfifo.WaitForExit();
        }
        File.CreateSymbolicLink(Path.Combine(folder, "zero.yaml"), "/dev/zero");
        File.WriteAllText(outside, "format: 1\nname: secret\n");
        File.CreateSymbolicLink(Path.Combine(folder, "out.yaml"), outside);
        File.WriteAllText(Path.Combine(folder, "empty.yaml"), "");
        api = new ApiFactory(cluster, ("Api:ScenariosDirectory", folder));
    }

    public void Dispose()
    {
        api.Dispose();
        Directory.Delete(folder, recursive: true);
        File.Delete(outside);
    }

    [Fact]
    public async Task OnlyRegularScenarioFilesInsideTheFolderAreListedOrStarted()
    {
        using var client = api.Authorized();
        var listing = await client.GetStringAsync(new Uri("/api/scenarios", UriKind.Relative)).WaitAsync(TimeSpan.FromSeconds(30));
        var names = RunCalls.Json(listing).EnumerateArray().Select(e => e.GetProperty("name").GetString()!).ToArray();
        Assert.Equal("two-region-toy", Assert.Single(names));
        foreach (var (name, expected) in new[] { ("fifo", "not a regular file"), ("zero", "outside the scenarios folder"), ("out", "outside the scenarios folder"), ("empty", "empty") })
        {
            var (status, text) = await client.PostRawAsync($$"""{"scenario":"{{name}}"}""", "application/json").WaitAsync(TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.BadRequest, status);
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }
}
