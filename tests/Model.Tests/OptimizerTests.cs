using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Testing;

namespace GridActors.Model.Tests;

/// <summary>The horizon LP on cases small enough to solve by hand: optimal cost and prices, exactly.</summary>
public sealed class OptimizerTests
{
    private static OptimalDispatch Optimize(string yaml, LpSolverKind solver = LpSolverKind.Glop)
    {
        using var folder = new TempScenario();
        return HorizonOptimizer.Solve(ScenarioLoader.Load(folder.Write("s.yaml", yaml)), solver);
    }

    private static double[] Prices(OptimalDispatch dispatch, int region) => [.. dispatch.Report.Regions[region].Select(r => Math.Round(r.PricePerMwh, 6))];

    private const string Header = """
        format: 1
        name: hand
        horizon: { start: 2024-01-01T00:00:00+08:00, steps: STEPS }
        economics: { cyclic_storage: false }
        """;

    [Fact]
    public void MeritOrderCostAndPrice()
    {
        var dispatch = Optimize(Header.Replace("STEPS", "1", StringComparison.Ordinal) + """

            regions: [{ id: A }]
            profiles: { flat: { values: [1] } }
            assets:
              - { id: cheap, type: thermal, region: A, fuel: coal, capacity_mw: 100, marginal_cost_per_mwh: 10 }
              - { id: middle, type: thermal, region: A, fuel: gas, capacity_mw: 100, marginal_cost_per_mwh: 30 }
              - { id: dear, type: thermal, region: A, fuel: oil, capacity_mw: 100, marginal_cost_per_mwh: 50 }
              - { id: town, type: load, region: A, peak_mw: 150, profile: flat }
            """);
        Assert.Equal(100 * 10 + 50 * 30, dispatch.Objective, 6);
        Assert.Equal([30], Prices(dispatch, 0));
    }

    [Fact]
    public void CongestedLinkCostAndPrices()
    {
        var dispatch = Optimize(Header.Replace("STEPS", "1", StringComparison.Ordinal) + """

            regions: [{ id: A }, { id: B }]
            links: [{ id: ab, from: A, to: B, capacity_mw: 100 }]
            profiles: { flat: { values: [1] } }
            assets:
              - { id: a-coal, type: thermal, region: A, fuel: coal, capacity_mw: 300, marginal_cost_per_mwh: 10 }
              - { id: b-gas, type: thermal, region: B, fuel: gas, capacity_mw: 300, marginal_cost_per_mwh: 40 }
              - { id: a-town, type: load, region: A, peak_mw: 50, profile: flat }
              - { id: b-town, type: load, region: B, peak_mw: 200, profile: flat }
            """);
        // A serves its 50 MW and sends 100 MW; B makes the other 100 MW at 40.
        Assert.Equal(150 * 10 + 100 * 40, dispatch.Objective, 6);
        Assert.Equal([10], Prices(dispatch, 0));
        Assert.Equal([40], Prices(dispatch, 1));
        Assert.Equal(100, dispatch.Report.Links[0][0].ForwardMw, 6);
    }

    [Fact]
    public void OneBatteryBetweenTwoPriceLevels()
    {
        var dispatch = Optimize(Header.Replace("STEPS", "2", StringComparison.Ordinal) + """

            regions: [{ id: A }]
            profiles: { demand: { values: [0.38461538461538464, 1] } }
            assets:
              - { id: cheap, type: thermal, region: A, fuel: coal, capacity_mw: 200, marginal_cost_per_mwh: 10 }
              - { id: dear, type: thermal, region: A, fuel: gas, capacity_mw: 1000, marginal_cost_per_mwh: 100 }
              - { id: bat, type: storage, region: A, power_mw: 50, energy_mwh: 100, charge_efficiency: 1, discharge_efficiency: 1, initial_soc: 0 }
              - { id: town, type: load, region: A, peak_mw: 260, profile: demand }
            """);
        // Step 0: 100 MW demand, the battery charges 50 from the cheap plant, which stays below its limit: price 10.
        // Step 1: 260 MW = cheap 200 (full) + battery 50 (full power) + gas 10, which sets the price at 100.
        Assert.Equal(350 * 10 + 10 * 100, dispatch.Objective, 6);
        Assert.Equal([10, 100], Prices(dispatch, 0));
        Assert.Equal([0, 50], dispatch.Report.Assets[2].Select(s => Math.Round(s.ProducedMw, 6)));
        Assert.Equal([50, 0], dispatch.Report.Assets[2].Select(s => Math.Round(s.ConsumedMw, 6)));
    }

    [Fact]
    public void RampLimitedPlantMakesAnEarlyMegawattWorthMoreThanItCosts()
    {
        var dispatch = Optimize(Header.Replace("STEPS", "3", StringComparison.Ordinal) + """

            regions: [{ id: A }]
            profiles: { demand: { values: [1, 2, 3] } }
            assets:
              - { id: coal, type: thermal, region: A, fuel: coal, capacity_mw: 300, ramp_mw_per_h: 50, marginal_cost_per_mwh: 10 }
              - { id: gas, type: thermal, region: A, fuel: gas, capacity_mw: 1000, marginal_cost_per_mwh: 80 }
              - { id: town, type: load, region: A, peak_mw: 100, profile: demand }
            """);
        // Coal follows 100, 150, 200 (its ramp); gas fills 50 and 100. One more MWh of demand in step 0
        // lets coal run 1 MW higher in every later step, saving 80 - 10 twice: the price is 10 - 140.
        Assert.Equal(450 * 10 + 150 * 80, dispatch.Objective, 6);
        Assert.Equal([-130, 80, 80], Prices(dispatch, 0));
    }

    [Theory]
    [InlineData(LpSolverKind.Glop)]
    [InlineData(LpSolverKind.Highs)]
    public void ToyOptimumEqualsItsHandWorkedValue(LpSolverKind solver)
    {
        var dispatch = HorizonOptimizer.Solve(ScenarioLoader.Load(RepositoryRoot.Path("scenarios/two-region-toy.yaml")), solver);
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/two-region-toy.yaml"));
        var summary = SummaryAccumulator.Of(scenario, [dispatch.Report]);
        Assert.Equal(12_150_000, dispatch.Objective, 3);
        // The accounting of the result files adds up to the LP's own objective.
        Assert.Equal(dispatch.Objective, summary.TotalCost, 3);
    }

    [Fact]
    public void ImpossibleRampIsReportedInPlainWords()
    {
        using var folder = new TempScenario();
        var path = folder.Write("s.yaml", TestScenarios.ImpossibleRamp);
        var error = Assert.Throws<DispatchInfeasibleException>(() => HorizonOptimizer.Solve(ScenarioLoader.Load(path), LpSolverKind.Glop));
        var reason = Assert.Single(error.Reasons);
        Assert.Contains("thermal plant 'stiff' in region 'A' (ramp constraint): at step 1", reason, StringComparison.Ordinal);
        Assert.Contains("availability allows at most 0 MW", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ModelIsWrittenInMpsFormat()
    {
        using var folder = new TempScenario();
        var mps = Path.Combine(folder.Folder, "model.mps");
        HorizonOptimizer.Solve(ScenarioLoader.Load(folder.Write("s.yaml", TempScenario.Minimal)), LpSolverKind.Glop, mps);
        var text = File.ReadAllText(mps);
        Assert.Contains("ROWS", text, StringComparison.Ordinal);
        Assert.Contains("balance_r0_t3", text, StringComparison.Ordinal);
        Assert.Contains("output_a0_t0", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scenarios/two-region-toy.yaml")]
    [InlineData("scenarios/china-provinces-week.yaml")]
    [InlineData("scenarios/storage-heavy.yaml")]
    [InlineData("scenarios/china-east-data-west-compute.yaml")]
    public void EveryConstraintHoldsInTheOptimalDispatch(string scenarioFile)
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path(scenarioFile));
        var check = new FeasibilityCheck(scenario, toleranceMw: 1e-6);
        check.Add(HorizonOptimizer.Solve(scenario, LpSolverKind.Highs).Report);
        check.Finish();
        Assert.Empty(check.Violations);
    }

    private static string Campuses(int steps, double deadlineH, double maxLatencyMs, string cheap = "never") => TestScenarios.TwoCampuses(steps, deadlineH, maxLatencyMs, cheap);

    [Fact]
    public void WorkMovesWestUntilTheLinkBandwidthBinds()
    {
        var dispatch = Optimize(Campuses(1, 1, 60));
        var compute = dispatch.Report.Compute!;
        // 1 Gbps carries 0.45 TB in the hour; at 0.02 TB per MWh that is 22.5 MW of IT moved west, where wind is free.
        Assert.Equal(22.5, compute.RunMw[0][0][1], 6);
        Assert.Equal(27.5, compute.RunMw[0][0][0], 6);
        // Gas for the 27.5 MW left in the east (x PUE 1.2), plus 0.45 TB at 10 per TB.
        Assert.Equal(27.5 * 1.2 * 500 + 0.45 * 10, dispatch.Objective, 6);
    }

    [Fact]
    public void WorkOutOfLatencyReachStaysAtItsOrigin()
    {
        var dispatch = Optimize(Campuses(1, 1, 20));
        Assert.Equal(50, dispatch.Report.Compute!.RunMw[0][0][0], 6);
        Assert.Equal(50 * 1.2 * 500, dispatch.Objective, 6);
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    public void ADeadlineDecidesWhetherWorkCanWaitForCheapPower(double deadlineH, int stepRun)
    {
        // Cheap power in the east only in the second hour; no link reach (latency bound 0).
        var dispatch = Optimize(Campuses(2, deadlineH, 0, cheap: "later"));
        var run = dispatch.Report.Compute!.RunMw[0];
        Assert.Equal(50, run[stepRun][0], 6);
        Assert.Equal(0, run[1 - stepRun][0], 6);
    }

    [Fact]
    public void WorkBeyondCapacityIsLeftUnfinishedAtItsPenalty()
    {
        var dispatch = Optimize(Campuses(1, 1, 0).Replace("energy_mwh_per_h: 50", "energy_mwh_per_h: 130", StringComparison.Ordinal));
        Assert.Equal(100, dispatch.Report.Compute!.RunMw[0][0][0], 6);
        Assert.Equal(30, dispatch.Report.Compute!.UnfinishedMw[0][0], 6);
        Assert.Equal(100 * 1.2 * 500 + 30 * 5000, dispatch.Objective, 6);
    }
}
