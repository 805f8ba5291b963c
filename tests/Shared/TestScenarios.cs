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
}
