using System.Diagnostics;
using System.Text.RegularExpressions;
using GridActors.Testing;

namespace GridActors.Api.Tests;

[Collection(SharedLiveCluster.Name)]
public sealed class MetricsTests(LiveCluster cluster) : IDisposable
{
    private readonly ApiFactory api = new(cluster);

    public void Dispose() => api.Dispose();

    [Fact]
    public async Task ScrapeDuringARunCarriesRegionSeriesAndPassesPromtool()
    {
        using var client = api.Authorized();
        var id = (await client.StartAsync(new { scenario = "china-provinces-week", pace = 50 })).Id();
        await client.WaitUntilAsync(id, r => r["steps_done"]!.GetValue<int>() > 0);

        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));
        await client.PostAsync(new Uri($"/api/runs/{id}/cancel", UriKind.Relative), null);

        Assert.Contains($"gridactors_region_price_per_megawatt_hour{{otel_scope_name=\"GridActors\",region=\"GD\",run=\"{id}\"}}", scrape, StringComparison.Ordinal);
        Assert.Contains($"{{otel_scope_name=\"GridActors\",carrier=\"coal\",region=\"GD\",run=\"{id}\"}}", scrape, StringComparison.Ordinal);
        foreach (var name in new[]
        {
            "gridactors_region_load_megawatts", "gridactors_region_generation_megawatts", "gridactors_region_carbon_intensity_grams_per_kilowatt_hour",
            "gridactors_region_average_emission_factor_grams_per_kilowatt_hour", "gridactors_region_marginal_emission_factor_grams_per_kilowatt_hour",
            "gridactors_region_storage_energy_joules", "gridactors_region_energy_joules_total", "gridactors_region_emissions_tonnes_total",
            "gridactors_run_cost_total", "gridactors_run_progress_ratio", "gridactors_run_speed_steps_per_second", "gridactors_run_work_moved_joules_total",
            "orleans_",
        })
        {
            Assert.Contains(name, scrape, StringComparison.Ordinal);
        }
        var (exitCode, output) = await PromtoolAsync(scrape, "check metrics");
        Assert.True(exitCode == 0, $"promtool check metrics failed:\n{output}");

        // The Grafana dashboard is built on these names: every metric its queries use is in the scrape.
        var dashboard = await File.ReadAllTextAsync(RepositoryRoot.Path("deploy/grafana/gridactors-dashboard.json"));
        var used = Regex.Matches(dashboard, "(gridactors|orleans)_[a-z_]+").Select(m => m.Value).Distinct().ToList();
        Assert.NotEmpty(used);
        Assert.All(used, name => Assert.Contains(name, scrape, StringComparison.Ordinal));
    }

    [Fact]
    public async Task TheCountersOfAFinishedRunAreTheTotalsOfItsSummary()
    {
        using var client = api.Authorized();
        var id = (await client.StartAsync(new { scenario = "china-provinces-week" })).Id();
        var run = await client.WaitForEndAsync(id);
        Assert.Equal("completed", run["status"]!.GetValue<string>());
        var summary = run["summary"]!;
        var scrape = await client.GetStringAsync(new Uri("/metrics", UriKind.Relative));

        var regions = summary["regions"]!.AsObject();
        Assert.True(regions.Count > 10);
        foreach (var (region, totals) in regions)
        {
            // The region counters add every released step; the summary adds whole windows: the same sums.
            Assert.Equal(totals!["emissions_t"]!.GetValue<double>(), Counter(scrape, "gridactors_region_emissions_tonnes_total", id, region).Single(), 4);
            Assert.Equal(totals["generation_mwh"]!.GetValue<double>(), Counter(scrape, "gridactors_region_energy_joules_total", id, region).Sum() / 3.6e9, 4);
            Assert.Equal(totals["curtailed_mwh"]!.GetValue<double>(), Counter(scrape, "gridactors_region_curtailed_energy_joules_total", id, region).Single() / 3.6e9, 4);
        }
        var cost = summary["total_cost"]!.GetValue<double>();
        Assert.Equal(cost, Counter(scrape, "gridactors_run_cost_total", id, null).Single(), 1e-6 * cost);
    }

    /// <summary>The values of a metric's series for the run (and region), from the Prometheus text format.</summary>
    private static double[] Counter(string scrape, string name, string run, string? region) =>
        [.. scrape.Split('\n')
            .Where(line => line.StartsWith(name + "{", StringComparison.Ordinal) && line.Contains($"run=\"{run}\"", StringComparison.Ordinal)
                && (region is null || line.Contains($"region=\"{region}\"", StringComparison.Ordinal)))
            .Select(line => double.Parse(line[(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture))];

    [Fact]
    public async Task PrometheusScrapeConfigIsValid()
    {
        var (exitCode, output) = await PromtoolAsync("", $"check config {RepositoryRoot.Path("deploy/prometheus/prometheus.yml")}");
        Assert.True(exitCode == 0, output);
    }

    /// <summary>Runs `promtool check metrics` (Debian package prometheus; the README's test command installs it).</summary>
    private static async Task<(int ExitCode, string Output)> PromtoolAsync(string input, string arguments)
    {
        var start = new ProcessStartInfo("promtool", arguments)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start; install the Debian package prometheus");
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
