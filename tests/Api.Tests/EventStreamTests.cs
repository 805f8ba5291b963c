using System.Text.Json;

namespace GridActors.Api.Tests;

[Collection(SharedLiveCluster.Name)]
public sealed class EventStreamTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task StreamDeliversEveryStepInOrderAndEndsWithTheRun()
    {
        using var client = api.Authorized();
        var id = (await client.StartAsync(new { scenario = "two-region-toy", pace = 100 })).Id();

        var events = await ReadAllAsync(client, $"/api/runs/{id}/events");

        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Id));
        Assert.Equal("end", events[^1].Type);
        Assert.Equal("completed", events[^1].Data.GetProperty("status").GetString());
        var steps = events.Where(e => e.Type == "window")
            .SelectMany(e => e.Data.GetProperty("steps").EnumerateArray().Select(s => s.GetProperty("step").GetInt32()))
            .ToList();
        Assert.Equal(Enumerable.Range(0, 48), steps);
        var first = events.First(e => e.Type == "window").Data.GetProperty("steps")[0].GetProperty("regions")[0];
        foreach (var field in new[] { "load_mw", "generation_mw", "price_per_mwh", "imports_mw", "exports_mw", "storage_energy_mwh", "curtailed_mw", "unserved_mw", "emissions_t", "carbon_intensity_g_per_kwh", "datacenter_it_mw", "average_factor_g_per_kwh", "marginal_factor_g_per_kwh", "marginal_unit" })
        {
            Assert.True(first.TryGetProperty(field, out _), field);
        }
        // West, step 0 of the toy: wind at 0/MWh sets the price (its hand calculation).
        Assert.Equal("West", first.GetProperty("region").GetString());
        Assert.Equal(0, first.GetProperty("price_per_mwh").GetDouble());
    }

    [Fact]
    public async Task LiveEmissionFactorsAreThoseOfTheResultFiles()
    {
        using var client = api.Authorized();
        var id = (await client.StartAsync(new { scenario = "two-region-toy" })).Id();
        var events = await ReadAllAsync(client, $"/api/runs/{id}/events");
        var live = events.Where(e => e.Type == "window")
            .SelectMany(e => e.Data.GetProperty("steps").EnumerateArray())
            .SelectMany(s => s.GetProperty("regions").EnumerateArray().Select(r => (
                Key: (s.GetProperty("time").GetString()!, r.GetProperty("region").GetString()!),
                Average: r.GetProperty("average_factor_g_per_kwh").GetDouble(),
                Marginal: r.GetProperty("marginal_factor_g_per_kwh").GetDouble(),
                Unit: r.GetProperty("marginal_unit").GetString()!)))
            .ToDictionary(x => x.Key);

        var csv = (await client.GetStringAsync(new Uri($"/api/runs/{id}/results/regions.csv", UriKind.Relative))).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var header = csv[0].Split(',').ToList();
        int Column(string name) => header.IndexOf(name);
        Assert.Equal(96, csv.Length - 1);
        Assert.Equal(96, live.Count);
        foreach (var line in csv.Skip(1))
        {
            var cells = line.Split(',');
            var row = live[(cells[Column("time")], cells[Column("region")])];
            // The files round to six decimals, the live events to three.
            Assert.Equal(double.Parse(cells[Column("average_factor_g_per_kwh")], System.Globalization.CultureInfo.InvariantCulture), row.Average, 0.0006);
            Assert.Equal(double.Parse(cells[Column("marginal_factor_g_per_kwh")], System.Globalization.CultureInfo.InvariantCulture), row.Marginal, 0.0006);
            Assert.Equal(cells[Column("marginal_unit")], row.Unit);
        }
        Assert.Contains(live.Values, r => r.Average > 0);
    }

    [Fact]
    public async Task ReconnectingWithLastEventIdContinuesWhereTheClientStopped()
    {
        using var client = api.Authorized();
        var id = (await client.StartAsync(new { scenario = "two-region-toy" })).Id();
        var all = await ReadAllAsync(client, $"/api/runs/{id}/events");

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/runs/{id}/events");
        request.Headers.Add("Last-Event-ID", "2");
        var rest = await ReadAllAsync(client, request);

        Assert.Equal(all.Skip(2).Select(e => e.Id), rest.Select(e => e.Id));
    }

    [Fact]
    public async Task ClientsThatNeverReadDoNotHoldTheRunBack()
    {
        using var client = api.Authorized();
        var id = (await client.StartAsync(new { scenario = "two-region-toy" })).Id();
        var stalled = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++)
        {
            stalled.Add(await client.GetAsync(new Uri($"/api/runs/{id}/events", UriKind.Relative), HttpCompletionOption.ResponseHeadersRead));
        }
        var done = await client.WaitForEndAsync(id, TimeSpan.FromSeconds(60));
        Assert.Equal("completed", done["status"]!.GetValue<string>());
        stalled.ForEach(r => r.Dispose());
    }

    public sealed record ServerEvent(long Id, string Type, JsonElement Data);

    public static Task<List<ServerEvent>> ReadAllAsync(HttpClient client, string path) =>
        ReadAllAsync(client, new HttpRequestMessage(HttpMethod.Get, path));

    /// <summary>Reads a server-sent event stream to its end.</summary>
    public static async Task<List<ServerEvent>> ReadAllAsync(HttpClient client, HttpRequestMessage request)
    {
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        using var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        response.EnsureSuccessStatusCode();
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancel.Token));
        var events = new List<ServerEvent>();
        long id = 0;
        string? type = null;
        while (await reader.ReadLineAsync(cancel.Token) is { } line)
        {
            if (line.StartsWith("id: ", StringComparison.Ordinal))
            {
                id = long.Parse(line[4..], System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                type = line[7..];
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal))
            {
                events.Add(new ServerEvent(id, type!, JsonDocument.Parse(line[6..]).RootElement.Clone()));
            }
        }
        request.Dispose();
        return events;
    }
}
