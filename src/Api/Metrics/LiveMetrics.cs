using System.Diagnostics.Metrics;
using GridActors.Api.Hosting;
using GridActors.Api.Runs;
using GridActors.Model.Accounting;
using GridActors.Model.Options;
using GridActors.Model.Output;
using Microsoft.Extensions.Options;

namespace GridActors.Api.Metrics;

/// <summary>
/// The "GridActors" meter: every region's latest snapshot as gauges, run progress and speed, and cumulative
/// counters, all read from the runs when a scrape asks (observable instruments), so a run never pays for
/// metrics nobody collects. Units become Prometheus name suffixes; counters get "_total".
/// </summary>
public sealed class LiveMetrics
{
    public const string MeterName = "GridActors";

    /// <summary>Energy goes out in joules, Prometheus' base unit (promtool rejects "hours"); power stays in megawatts as everywhere else.</summary>
    private const double JoulesPerMwh = 3.6e9;

    private readonly RunRegistry registry;
    private readonly TimeSpan retention;
    private readonly TimeProvider time;

    public LiveMetrics(IMeterFactory meters, RunRegistry registry, IOptions<ApiOptions> options, TimeProvider time)
    {
        this.registry = registry;
        this.time = time;
        retention = options.Value.FinishedRunMetricsRetention;
        var meter = meters.Create(MeterName);

        RegionGauge(meter, "gridactors_region_load", "megawatts", "Demand served in the region in the latest cleared step (loads and data centers).", r => r.LoadMw);
        RegionGauge(meter, "gridactors_region_price", "per_megawatt_hour", "Marginal price of energy in the region in the latest cleared step, in the scenario's currency (the currency label of gridactors_run_info).", r => r.PricePerMwh);
        RegionGauge(meter, "gridactors_region_imports", "megawatts", "Power arriving in the region over links, after losses.", r => r.ImportsMw);
        RegionGauge(meter, "gridactors_region_exports", "megawatts", "Power leaving the region over links.", r => r.ExportsMw);
        RegionGauge(meter, "gridactors_region_storage_energy", "joules", "Energy held in the region's storage at the end of the latest step (1 MWh = 3.6e9 J).", r => r.StorageEnergyMwh * JoulesPerMwh);
        RegionGauge(meter, "gridactors_region_curtailment", "megawatts", "Renewable power available but not used.", r => r.CurtailedMw);
        RegionGauge(meter, "gridactors_region_unserved", "megawatts", "Demand not served (lost load).", r => r.UnservedMw);
        RegionGauge(meter, "gridactors_region_emissions", "tonnes_per_hour", "CO2 emitted by the region's plants, as a rate.", null, emissionsRate: true);
        RegionGauge(meter, "gridactors_region_carbon_intensity", "grams_per_kilowatt_hour", "CO2 per kWh generated in the region.", r => r.CarbonIntensityGPerKwh);
        RegionGauge(meter, "gridactors_region_average_emission_factor", "grams_per_kilowatt_hour", "CO2 per kWh consumed in the region: its generation and imports at their origins' factors, flow-traced (docs/carbon.md).", r => r.AverageFactorGPerKwh);
        RegionGauge(meter, "gridactors_region_marginal_emission_factor", "grams_per_kilowatt_hour", "CO2 of one more kWh of demand in the region: the price-setting unit's, across links with room, scaled by losses (docs/carbon.md).", r => r.MarginalFactorGPerKwh);
        RegionGauge(meter, "gridactors_region_datacenter_it", "megawatts", "IT load of the region's data-center campuses.", r => r.DatacenterItMw);
        meter.CreateObservableGauge("gridactors_region_generation", () => Observe((run, view) =>
                view.Latest is null ? [] : view.Latest.Regions.SelectMany(r => r.GenerationMw.Select(g => Measure(g.Value, run, r.Region, g.Key)))),
            "megawatts", "Generation in the region by carrier in the latest cleared step.");

        meter.CreateObservableCounter("gridactors_region_energy", () => Observe((run, view) =>
                view.Totals.Regions.SelectMany((r, i) => r.GenerationByCarrierMwh.Select((mwh, c) => Measure(mwh * JoulesPerMwh, run, view.Totals.RegionIds[i], view.Totals.Carriers[c])))),
            "joules", "Energy generated so far, by region and carrier (1 MWh = 3.6e9 J).");
        RegionCounter(meter, "gridactors_region_emissions", "tonnes", "CO2 emitted so far.", t => t.EmissionsT);
        RegionCounter(meter, "gridactors_region_unserved_energy", "joules", "Demand not served so far.", t => t.UnservedMwh * JoulesPerMwh);
        RegionCounter(meter, "gridactors_region_curtailed_energy", "joules", "Renewable energy curtailed so far.", t => t.CurtailedMwh * JoulesPerMwh);

        meter.CreateObservableCounter("gridactors_run_cost", () => Observe((run, view) => [Measure(view.Totals.Cost, run)]),
            null, "System cost so far in the scenario's currency (the currency label of gridactors_run_info): generation, carbon, storage wear, links, curtailment, lost load and compute.");
        meter.CreateObservableCounter("gridactors_run_work_moved", () => Observe((run, view) => [Measure(view.Totals.WorkMovedMwh * JoulesPerMwh, run)]),
            "joules", "Compute work run away from its origin campus so far, as IT energy.");
        meter.CreateObservableCounter("gridactors_run_simulated_steps", () => Observe((run, view) => [Measure(view.StepsDone, run)]),
            "steps", "Simulated steps released so far.");
        meter.CreateObservableGauge("gridactors_run_progress_ratio", () => Observe((run, view) => [Measure(run.TotalSteps == 0 ? 0 : (double)view.StepsDone / run.TotalSteps, run)]),
            null, "Share of the run's horizon done, 0 to 1.");
        meter.CreateObservableGauge("gridactors_run_speed", () => Observe((run, view) => [Measure(view.StepsPerSecond, run)]),
            "steps_per_second", "Simulated steps per wall-clock second so far.");
        meter.CreateObservableGauge("gridactors_run_info", () => Observe((run, view) =>
            [new Measurement<double>(1, Tag("run", run.Id), Tag("scenario", run.ScenarioName), Tag("mode", OptionNames.Mode.Name(run.Settings.Mode)), Tag("status", Word(view.Status)), Tag("currency", run.Currency))]),
            null, "One series per run, labelled with its scenario, mode, status and currency.");
        meter.CreateObservableGauge("gridactors_runs_active", () => (double)registry.ActiveCount, null, "Runs running or paused on this API.");
    }

    private void RegionGauge(Meter meter, string name, string unit, string description, Func<RegionSnapshot, double>? value, bool emissionsRate = false) =>
        meter.CreateObservableGauge(name, () => Observe((run, view) =>
            view.Latest is null
                ? []
                : view.Latest.Regions.Select(r => Measure(emissionsRate ? r.EmissionsT / run.StepHours : value!(r), run, r.Region))), unit, description);

    private void RegionCounter(Meter meter, string name, string unit, string description, Func<RegionTotals, double> value) =>
        meter.CreateObservableCounter(name, () => Observe((run, view) =>
            view.Totals.Regions.Select((r, i) => Measure(value(r), run, view.Totals.RegionIds[i]))), unit, description);

    /// <summary>Measurements of the runs on show: active ones, and finished ones for a while so the last values are scraped.</summary>
    private List<Measurement<double>> Observe(Func<LiveRun, RunView, IEnumerable<Measurement<double>>> measure)
    {
        var now = time.GetUtcNow();
        var list = new List<Measurement<double>>();
        foreach (var run in registry.All)
        {
            var view = run.View();
            if (view.FinishedAt is { } finished && now - finished > retention)
            {
                continue;
            }
            list.AddRange(measure(run, view));
        }
        return list;
    }

    private static Measurement<double> Measure(double value, LiveRun run, string? region = null, string? carrier = null) =>
        (region, carrier) switch
        {
            (null, _) => new Measurement<double>(value, Tag("run", run.Id)),
            (_, null) => new Measurement<double>(value, Tag("run", run.Id), Tag("region", region)),
            _ => new Measurement<double>(value, Tag("run", run.Id), Tag("region", region), Tag("carrier", carrier)),
        };

    private static KeyValuePair<string, object?> Tag(string key, object? value) => new(key, value);

    private static string Word<T>(T value) where T : Enum => value.ToString().ToLowerInvariant();
}
