using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using GridActors.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace GridActors.Api.Tests;

/// <summary>The API under test, a client of <see cref="LiveCluster"/>, writing results to a folder of its own.</summary>
public sealed class ApiFactory(LiveCluster cluster, params (string Key, string Value)[] settings) : WebApplicationFactory<Program>
{
    public const string Key = "test-key";

    public string ResultsDirectory { get; } = Path.Combine(Path.GetTempPath(), "gridactors-api-tests", Guid.NewGuid().ToString("N"));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Orleans:GatewayPort", cluster.Endpoints.GatewayPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Orleans:ClusterId", cluster.Endpoints.ClusterId);
        builder.UseSetting("Api:Key", Key);
        // The suite runs with a PostgreSQL in the environment; these tests use their in-memory silo.
        builder.UseSetting("GRIDACTORS_POSTGRES", "");
        builder.UseSetting("Api:ResultsDirectory", ResultsDirectory);
        builder.UseSetting("Api:ScenariosDirectory", RepositoryRoot.Path("scenarios"));
        builder.UseSetting("Api:MaxConcurrentRuns", "4");
        foreach (var (key, value) in settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>The API listens before its cluster client has connected; the tests start once it has.</summary>
    protected override Microsoft.Extensions.Hosting.IHost CreateHost(Microsoft.Extensions.Hosting.IHostBuilder builder)
    {
        var host = base.CreateHost(builder);
        var state = Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<GridActors.Api.Hosting.ClusterConnectionState>(host.Services);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (!state.Connected)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(state.Problem);
            }
            Thread.Sleep(20);
        }
        return host;
    }

    /// <summary>A client that sends the API key.</summary>
    public HttpClient Authorized()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Key);
        return client;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && Directory.Exists(ResultsDirectory))
        {
            Directory.Delete(ResultsDirectory, recursive: true);
        }
    }
}

/// <summary>Calls the tests make again and again.</summary>
public static class RunCalls
{
    public static async Task<JsonObject> StartAsync(this HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/api/runs", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>Posts a start request as it is, for tests of what the API makes of it: the status and the body's text.</summary>
    public static async Task<(System.Net.HttpStatusCode Status, string Text)> PostRawAsync(this HttpClient client, string body, string mediaType, string path = "/api/runs")
    {
        using var response = await client.PostAsync(new Uri(path, UriKind.Relative), new StringContent(body, System.Text.Encoding.UTF8, mediaType));
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public static async Task<JsonObject> GetRunAsync(this HttpClient client, string id) =>
        JsonNode.Parse(await client.GetStringAsync(new Uri($"/api/runs/{id}", UriKind.Relative)))!.AsObject();

    /// <summary>Polls until the run has ended; its final description.</summary>
    public static async Task<JsonObject> WaitForEndAsync(this HttpClient client, string id, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(120));
        while (true)
        {
            var run = await client.GetRunAsync(id);
            if (run["status"]!.GetValue<string>() is "completed" or "cancelled" or "failed")
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"run {id} did not end: {run}");
            await Task.Delay(100);
        }
    }

    /// <summary>Polls until <paramref name="condition"/> holds for the run.</summary>
    public static async Task<JsonObject> WaitUntilAsync(this HttpClient client, string id, Func<JsonObject, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while (true)
        {
            var run = await client.GetRunAsync(id);
            if (condition(run))
            {
                return run;
            }
            Assert.True(DateTime.UtcNow < deadline, $"run {id} never reached the state: {run}");
            await Task.Delay(50);
        }
    }

    public static string Id(this JsonObject run) => run["id"]!.GetValue<string>();

    public static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;
}
