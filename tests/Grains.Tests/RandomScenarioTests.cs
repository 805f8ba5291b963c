using System.Globalization;
using System.Text;
using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Testing;

namespace GridActors.Grains.Tests;

/// <summary>
/// Scenarios no one wrote by hand: random regions, links, plants with ramps and must-run floors,
/// renewables, stores and flexible loads, from a fixed seed. On each, both modes must satisfy every
/// constraint (and so must the rolling optimum of the same windows), neither cost may be below the optimum, and the negotiated stays close to it
/// with 12-step windows planned 24 steps ahead (shorter windows than the default, so several
/// window boundaries fall inside the 48 steps).
/// </summary>
[Collection(SharedCluster.Name)]
public sealed class RandomScenarioTests(ClusterFixture fixture)
{
    public static IEnumerable<object[]> Seeds() =>
        [.. Enumerable.Range(1, 8).Select(i => new object[] { i, false }), .. Enumerable.Range(1, 6).Select(i => new object[] { i, true })];

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task BothModesAreFeasibleAndNegotiationNeverBeatsTheOptimum(int seed, bool withCompute)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gridactors-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            var path = Path.Combine(folder, $"random-{seed}.yaml");
            await File.WriteAllTextAsync(path, RandomScenario(seed, withCompute));
            var scenario = ScenarioLoader.Load(path);
            using var run = await RunHarness.RunAsync(fixture.Client, path, windowSteps: 12, lookaheadSteps: 24);
            var optimum = HorizonOptimizer.Solve(scenario, LpSolverKind.Glop);
            // The rolling optimum with the run's windows: what a central planner with the same foresight does.
            var rolling = RollingOptimizer.Solve(scenario, LpSolverKind.Highs, 12, 24).Select(w => w.Report).ToList();

            foreach (var reports in new[] { run.Reports, [optimum.Report], rolling })
            {
                var check = new FeasibilityCheck(scenario, toleranceMw: 1e-5);
                reports.ForEach(check.Add);
                check.Finish();
                Assert.Empty(check.Violations);
            }
            Assert.True(run.Summary.TotalCost >= optimum.Objective * (1 - 1e-9), $"negotiated {run.Summary.TotalCost} below the optimum {optimum.Objective}");
            var rollingSummary = SummaryAccumulator.Of(scenario, rolling);
            Assert.True(rollingSummary.TotalCost >= optimum.Objective * (1 - 1e-9), $"rolling {rollingSummary.TotalCost} below the optimum {optimum.Objective}");
            // 40 seeds gave at most 0.24 % with these windows; 1 % leaves room without hiding a regression.
            Assert.True(run.Summary.TotalCost <= optimum.Objective * 1.01, $"negotiated {run.Summary.TotalCost} more than 1 % above the optimum {optimum.Objective}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string RandomScenario(int seed, bool withCompute)
    {
        var random = new Random(seed);
        string N(double value) => value.ToString("0.###", CultureInfo.InvariantCulture);
        var regions = random.Next(2, 4);
        var steps = 48;
        var text = new StringBuilder();
        text.AppendLine("format: 1").AppendLine($"name: random-{seed}").AppendLine($"seed: {seed}");
        text.AppendLine($"horizon: {{ start: 2024-03-01T00:00:00+08:00, steps: {steps}, step_minutes: {(random.Next(2) == 0 ? 60 : 30)} }}");
        text.AppendLine($"economics: {{ carbon_price_per_t: {random.Next(0, 150)}, cyclic_storage: {(random.Next(3) > 0 ? "true" : "false")} }}");
        text.AppendLine("regions:");
        for (var r = 0; r < regions; r++)
        {
            text.AppendLine($"  - {{ id: R{r} }}");
        }
        text.AppendLine("links:");
        for (var r = 1; r < regions; r++)
        {
            text.AppendLine($"  - {{ id: L{r}, from: R{r - 1}, to: R{r}, capacity_mw: {random.Next(50, 400)}, capacity_reverse_mw: {random.Next(50, 400)}, loss_fraction: {N(random.NextDouble() * 0.05)}, cost_per_mwh: {random.Next(0, 10)} }}");
        }
        text.AppendLine("profiles:");
        text.AppendLine("  shape: { values: [0.6, 0.55, 0.5, 0.5, 0.55, 0.65, 0.8, 0.9, 0.95, 1, 0.95, 0.9, 0.9, 0.92, 0.95, 1, 1, 0.98, 0.95, 0.9, 0.85, 0.8, 0.7, 0.65] }");
        for (var r = 0; r < regions; r++)
        {
            text.AppendLine($"  wind{r}: {{ synthetic: wind, capacity_factor: {N(0.2 + random.NextDouble() * 0.15)}, seed: {random.Next(1000)} }}");
            text.AppendLine($"  sun{r}: {{ values: [0, 0, 0, 0, 0, 0.05, 0.2, 0.4, 0.6, 0.75, 0.85, 0.9, 0.9, 0.85, 0.75, 0.6, 0.4, 0.2, 0.05, 0, 0, 0, 0, 0] }}");
        }
        text.AppendLine("assets:");
        for (var r = 0; r < regions; r++)
        {
            var peak = random.Next(300, 1000);
            text.AppendLine($"  - {{ id: coal{r}, type: thermal, region: R{r}, fuel: coal, capacity_mw: {N(peak * 0.8)}, min_output_mw: {N(peak * 0.15)}, ramp_mw_per_h: {N(peak * (0.1 + random.NextDouble() * 0.3))}, marginal_cost_per_mwh: {random.Next(200, 350)}, emissions_t_per_mwh: 0.9 }}");
            text.AppendLine($"  - {{ id: gas{r}, type: thermal, region: R{r}, fuel: gas, capacity_mw: {N(peak * 0.5)}, marginal_cost_per_mwh: {random.Next(450, 700)}, emissions_t_per_mwh: 0.4 }}");
            text.AppendLine($"  - {{ id: wind{r}, type: wind, region: R{r}, capacity_mw: {N(peak * random.NextDouble() * 2)}, profile: wind{r} }}");
            text.AppendLine($"  - {{ id: solar{r}, type: solar, region: R{r}, capacity_mw: {N(peak * random.NextDouble())}, profile: sun{r} }}");
            text.AppendLine($"  - {{ id: store{r}, type: storage, region: R{r}, power_mw: {N(peak * 0.2)}, energy_mwh: {N(peak * 0.2 * random.Next(1, 9))}, charge_efficiency: {N(0.85 + random.NextDouble() * 0.1)}, discharge_efficiency: {N(0.85 + random.NextDouble() * 0.1)}, initial_soc: {N(random.NextDouble())}, cost_per_mwh: {random.Next(0, 20)} }}");
            text.AppendLine($"  - {{ id: plant{r}, type: load, region: R{r}, peak_mw: {N(peak * 0.4)}, profile: shape, curtailable_fraction: 0.1, curtailment_cost_per_mwh: {random.Next(600, 3000)}, shiftable_fraction: {N(random.NextDouble() * 0.3)}, shift_window_h: {random.Next(1, 9)} }}");
            text.AppendLine($"  - {{ id: town{r}, type: load, region: R{r}, peak_mw: {N(peak * 0.6)}, profile: shape }}");
            if (withCompute)
            {
                text.AppendLine($"  - {{ id: dc{r}, type: datacenter, region: R{r}, it_capacity_mw: {N(peak * 0.1)}, pue: {N(1.1 + random.NextDouble() * 0.2)}, interactive_it_mw: {N(peak * 0.03)} }}");
            }
        }
        if (!withCompute)
        {
            return text.ToString();
        }
        text.AppendLine("compute:");
        text.AppendLine("  links:");
        for (var r = 1; r < regions; r++)
        {
            text.AppendLine($"    - {{ from: dc0, to: dc{r}, latency_ms: {random.Next(10, 40)}, bandwidth_gbps: {random.Next(1, 50)}, cost_per_tb: {random.Next(0, 30)} }}");
        }
        text.AppendLine("  workloads:");
        text.AppendLine($"    - {{ id: batch, origin: dc0, energy_mwh_per_h: {random.Next(5, 60)}, profile: shape, deadline_h: {random.Next(1, 12)}, max_latency_ms: 35, data_tb_per_mwh: {N(random.NextDouble())}, sla_penalty_per_mwh: {random.Next(1000, 8000)} }}");
        return text.ToString();
    }
}
