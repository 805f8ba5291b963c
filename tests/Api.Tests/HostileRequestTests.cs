using System.Net;
using System.Text;
using GridActors.Testing;

namespace GridActors.Api.Tests;

/// <summary>
/// Bodies made to crash or wedge the API get a 400 naming the problem, and the server runs the next run as if
/// nothing had happened.
/// </summary>
[Collection(SharedLiveCluster.Name)]
public sealed class HostileRequestTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster);

    public void Dispose() => api.Dispose();

    private static string Toy() => File.ReadAllText(RepositoryRoot.Path("scenarios/two-region-toy.yaml"));

    private static string AliasBomb()
    {
        var yaml = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 10; level++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"a{level}: &a{level} [{string.Join(", ", Enumerable.Repeat($"*a{level - 1}", 10))}]\n");
        }
        return yaml.ToString();
    }

    public static TheoryData<string, string> HostileScenarios() => new()
    {
        { "regions: [ { id: A }, { id: B }", "not valid YAML" },
        { "regions: " + new string('[', 50_000), "nested more than 64 deep" },
        { AliasBomb(), "once its aliases are expanded" },
        { Toy() + "r: &r [*r]\n", "alias cycle" },
        { Toy() + "r: &r { a: [ *r ] }\n", "alias cycle" },
        { Toy().Replace("steps: 48", "steps: 10000000", StringComparison.Ordinal), "more than the 100,000" },
        { Toy().Replace("steps: 48", "steps: 2147483647", StringComparison.Ordinal), "more than the 100,000" },
        { Toy().Replace("capacity_mw: 800", "capacity_mw: 1e308", StringComparison.Ordinal), "largest magnitude" },
        { Toy().Replace("value_of_lost_load_per_mwh: 30000", "value_of_lost_load_per_mwh: 1e308", StringComparison.Ordinal), "largest magnitude" },
        { Toy().Replace("profile: flat", "profile: flat, sector: [[[[", StringComparison.Ordinal), "not valid YAML" },
        { "   \n", "is empty" },
    };

    [Theory]
    [MemberData(nameof(HostileScenarios))]
    public async Task HostileScenariosGet400(string yaml, string expected)
    {
        using var client = api.Authorized();
        var (status, text) = await client.PostRawAsync(yaml, "application/yaml");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAliasCycleInsideJsonsYamlFieldGets400AndTheServerLives()
    {
        using var client = api.Authorized();
        var body = System.Text.Json.JsonSerializer.Serialize(new { yaml = Toy() + "r: &r [*r]\n" });
        var (status, text) = await client.PostRawAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("alias cycle: *r stands inside", text, StringComparison.Ordinal);
        var run = await client.StartAsync(new { scenario = "two-region-toy" });
        Assert.Equal("completed", (await client.WaitForEndAsync(run.Id()))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("""{"scenario":"two-region-toy","window_steps":2147483647}""", "window_steps: must be from 1 to 8,784")]
    [InlineData("""{"scenario":"two-region-toy","lookahead_steps":2147483647}""", "lookahead_steps: must be from 0 to 8,784")]
    [InlineData("""{"scenario":"two-region-toy","max_rounds":1000000000}""", "max_rounds: must be from 1 to 1,000")]
    [InlineData("""{"scenario":"two-region-toy","pace":1e-300}""", "pace: must be 0 (as fast as possible) or from 0.01")]
    [InlineData("""{"scenario":"two-region-toy","pace":1e300}""", "pace: must be 0")]
    [InlineData("""{"scenario":"two-region-toy","clearing":"everywhere"}""", "clearing: 'everywhere' is not a clearing; use auto, central or regional")]
    [InlineData("""{"scenario":"two-region-toy","format":"xlsx"}""", "format: 'xlsx' is not a result format; use csv, parquet or both")]
    [InlineData("""{"scenario":"two-region-toy","clearing":"regional","placement":"carbon-greedy"}""", "placement: carbon-greedy placement needs the central clearing")]
    [InlineData("", "body: is empty")]
    public async Task OptionsThatCouldNotRunGet400(string body, string expected)
    {
        using var client = api.Authorized();
        var (status, text) = await client.PostRawAsync(body, "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AWindowWhoseReportWouldNotFitInOneMessageGets400NamingTheLongestThatFits()
    {
        var yaml = new StringBuilder("""
            format: 1
            name: wide
            horizon: { start: 2024-01-01T00:00:00+08:00, steps: 8784 }
            regions: [{ id: A }]
            profiles: { flat: { values: [1] } }
            assets:
              - { id: plant, type: thermal, region: A, fuel: coal, capacity_mw: 100000, marginal_cost_per_mwh: 10 }

            """);
        for (var i = 0; i < 500; i++)
        {
            yaml.Append(System.Globalization.CultureInfo.InvariantCulture, $"  - {{ id: load-{i}, type: load, region: A, peak_mw: 10, profile: flat }}\n");
        }
        using var client = api.Authorized();
        var (status, text) = await client.PostRawAsync(yaml.ToString(), "application/yaml", "/api/runs?window_steps=8784");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains("window_steps: windows of 8,784 steps would make each window's report about", text, StringComparison.Ordinal);
        Assert.Contains("use at most", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\uFEFF")]
    [InlineData("")]
    public async Task AByteOrderMarkIsAcceptedAsTheCliAcceptsIt(string mark)
    {
        using var client = api.Authorized();
        var toy = mark + Toy();
        var run = await client.StartAsync(new { yaml = toy });
        Assert.Equal("completed", (await client.WaitForEndAsync(run.Id()))["status"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("\n---\nformat: 2\n", "a second YAML document starts here")]
    [InlineData("\0\0\0", "a NUL character (byte 0)")]
    [InlineData("\nformat: 2\n", "format: must be 1, got 2")]
    public async Task ASecondDocumentTrailingNulsAndAnotherFormatAreRefused(string tail, string expected)
    {
        using var client = api.Authorized();
        var toy = Toy().Replace("format: 1\n", "", StringComparison.Ordinal) + tail;
        toy = tail.StartsWith('\0') ? "format: 1\n" + toy : toy;
        var (status, text) = await client.PostRawAsync(System.Text.Json.JsonSerializer.Serialize(new { yaml = toy }), "application/json");
        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, text, StringComparison.Ordinal);
        Assert.DoesNotContain("format 0", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AfterEveryHostileBodyAToyRunStillCompletes()
    {
        using var client = api.Authorized();
        foreach (var row in HostileScenarios())
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await client.PostRawAsync((string)row[0], "application/yaml")).Status);
        }
        var run = await client.StartAsync(new { scenario = "two-region-toy" });
        var ended = await client.WaitForEndAsync(run.Id());
        Assert.Equal("completed", ended["status"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnInfeasibleScenarioFailsWithTheSentenceOfTheCli()
    {
        // A must-run floor of 500 MW on a plant whose availability drops to zero within the hour it cannot ramp.
        var yaml = Toy()
            .Replace("capacity_mw: 800, marginal_cost_per_mwh: 250", "capacity_mw: 800, min_output_mw: 500, ramp_mw_per_h: 10, availability: outage, marginal_cost_per_mwh: 250", StringComparison.Ordinal)
            .Replace("  flat: { values: [1] }", "  flat: { values: [1] }\n  outage: { values: [1, 1, 1, 0.1] }", StringComparison.Ordinal);
        using var client = api.Authorized();
        var run = await client.StartAsync(new { yaml });
        var ended = await client.WaitForEndAsync(run.Id());
        Assert.Equal("failed", ended["status"]!.GetValue<string>());
        var error = ended["error"]!.GetValue<string>();
        Assert.Contains("no feasible dispatch", error, StringComparison.Ordinal);
        Assert.Contains("west-coal", error, StringComparison.Ordinal);
        Assert.DoesNotContain("codec", error, StringComparison.OrdinalIgnoreCase);
    }
}
