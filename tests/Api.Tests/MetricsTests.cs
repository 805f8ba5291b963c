using System.Diagnostics;

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

        Assert.Contains($"gridactors_region_price_yuan_per_megawatt_hour{{otel_scope_name=\"GridActors\",region=\"GD\",run=\"{id}\"}}", scrape, StringComparison.Ordinal);
        Assert.Contains($"{{otel_scope_name=\"GridActors\",carrier=\"coal\",region=\"GD\",run=\"{id}\"}}", scrape, StringComparison.Ordinal);
        foreach (var name in new[]
        {
            "gridactors_region_load_megawatts", "gridactors_region_generation_megawatts", "gridactors_region_carbon_intensity_grams_per_kilowatt_hour",
            "gridactors_region_storage_energy_joules", "gridactors_region_energy_joules_total", "gridactors_region_emissions_tonnes_total",
            "gridactors_run_cost_yuan_total", "gridactors_run_progress_ratio", "gridactors_run_speed_steps_per_second", "gridactors_run_work_moved_joules_total",
            "orleans_",
        })
        {
            Assert.Contains(name, scrape, StringComparison.Ordinal);
        }
        var (exitCode, output) = await PromtoolAsync(scrape);
        Assert.True(exitCode == 0, $"promtool check metrics failed:\n{output}");
    }

    /// <summary>Runs `promtool check metrics` (Debian package prometheus; the README's test command installs it).</summary>
    private static async Task<(int ExitCode, string Output)> PromtoolAsync(string scrape)
    {
        var start = new ProcessStartInfo("promtool", "check metrics")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException("promtool did not start; install the Debian package prometheus");
        await process.StandardInput.WriteAsync(scrape);
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, output);
    }
}
