namespace GridActors.Testing;

/// <summary>Scenario texts more than one test project uses.</summary>
public static class TestScenarios
{
    /// <summary>A must-run plant whose availability drops to zero for one step faster than it can ramp: no feasible dispatch.</summary>
    public const string ImpossibleRamp = """
        format: 1
        name: stiff
        horizon: { start: 2024-01-01T00:00:00+08:00, steps: 3 }
        regions: [{ id: A }]
        profiles:
          flat: { values: [1] }
          outage: { values: [1, 0, 1] }
        assets:
          - { id: stiff, type: thermal, region: A, fuel: coal, capacity_mw: 300, min_output_mw: 200, ramp_mw_per_h: 50, marginal_cost_per_mwh: 10, availability: outage }
          - { id: town, type: load, region: A, peak_mw: 250, profile: flat }
        """;

    private const string TwoCampusesTemplate = """
        format: 1
        name: compute
        horizon: { start: 2024-01-01T00:00:00+08:00, steps: STEPS }
        economics: { cyclic_storage: false }
        regions: [{ id: E }, { id: W }]
        profiles:
          flat: { values: [1] }
          prices: { values: [1, 0.2] }
          arrivals: { values: [1, 0] }
        assets:
          - { id: e-gas, type: thermal, region: E, fuel: gas, capacity_mw: 1000, marginal_cost_per_mwh: 500, emissions_t_per_mwh: 0.4 }
          - { id: e-cheap, type: thermal, region: E, fuel: coal, capacity_mw: 1000, marginal_cost_per_mwh: 100, availability: CHEAP }
          - { id: w-wind, type: wind, region: W, capacity_mw: 1000, profile: flat }
          - { id: e-dc, type: datacenter, region: E, it_capacity_mw: 100, pue: 1.2 }
          - { id: w-dc, type: datacenter, region: W, it_capacity_mw: 100, pue: 1.1 }
        compute:
          links: [{ from: e-dc, to: w-dc, latency_ms: 25, bandwidth_gbps: 1, cost_per_tb: 10 }]
          workloads:
            - { id: batch, origin: e-dc, energy_mwh_per_h: 50, profile: arrivals, deadline_h: DEADLINE, max_latency_ms: LATENCY, data_tb_per_mwh: 0.02, sla_penalty_per_mwh: 5000 }
        """;

    /// <summary>
    /// Two regions and two campuses: gas in the east (and a cheap plant with availability <paramref name="cheap"/>), free
    /// wind in the west, a 1 Gbps link, 50 MW of work arriving every other hour in the east.
    /// </summary>
    public static string TwoCampuses(int steps, double deadlineH, double maxLatencyMs, string cheap = "never") =>
        TwoCampusesTemplate.Replace("STEPS", steps.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("DEADLINE", deadlineH.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("LATENCY", maxLatencyMs.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("CHEAP", cheap, StringComparison.Ordinal)
            .Replace("  flat: { values: [1] }", "  flat: { values: [1] }\n  never: { values: [0] }\n  later: { values: [0, 1] }", StringComparison.Ordinal);
}
