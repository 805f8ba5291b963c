using GridActors.Model.Accounting;
using GridActors.Model.Generation;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;
using GridActors.Testing;

namespace GridActors.Model.Tests;

/// <summary>
/// The rolling optimum: one window over the whole horizon is the optimum itself; shorter windows are feasible in every
/// constraint across their boundaries (ramps, stored energy, deferred demand and work carried over) and never cheaper
/// than the whole-horizon optimum; the same scenario gives the same dispatch.
/// </summary>
public sealed class RollingOptimumTests
{
    /// <summary>Every kind of asset: plants with ramps and floors, renewables, stores, shiftable loads, campuses and moving work.</summary>
    private static readonly Lazy<ResolvedScenario> Generated = new(() =>
    {
        var (scenario, errors) = ScenarioLoader.TryLoadText(ScenarioGenerator.Generate(new GeneratorSettings(5, 120, Steps: 60, Seed: 3)), "generated.yaml", Path.GetTempPath());
        Assert.True(scenario is not null, string.Join("\n", errors.Take(5)));
        return scenario;
    });

    public static TheoryData<string> Scenarios() => ["scenarios/two-region-toy.yaml", "scenarios/storage-heavy.yaml", "scenarios/china-east-data-west-compute.yaml", "generated"];

    private static ResolvedScenario Load(string name) => name == "generated" ? Generated.Value : ScenarioLoader.Load(RepositoryRoot.Path(name));

    private static WindowReport[] Roll(ResolvedScenario scenario, int windowSteps, int lookaheadSteps) =>
        [.. RollingOptimizer.Solve(scenario, LpSolverKind.Highs, windowSteps, lookaheadSteps).Select(w => w.Report)];

    private static double Cost(ResolvedScenario scenario, IEnumerable<WindowReport> reports)
    {
        return SummaryAccumulator.Of(scenario, reports).TotalCost;
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void OneWindowOverTheWholeHorizonIsTheOptimum(string name)
    {
        var scenario = Load(name);
        var whole = HorizonOptimizer.Solve(scenario, LpSolverKind.Highs).Report;
        var rolled = Assert.Single(Roll(scenario, scenario.Steps, 24));
        for (var a = 0; a < scenario.Assets.Length; a++)
        {
            Assert.Equal(whole.Assets[a], rolled.Assets[a]);
        }
        for (var r = 0; r < scenario.Regions.Length; r++)
        {
            Assert.Equal(whole.Regions[r].Select(x => x.PricePerMwh), rolled.Regions[r].Select(x => x.PricePerMwh));
        }
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public void ShorterWindowsAreFeasibleAcrossTheirBoundariesAndNeverBeatTheOptimum(string name)
    {
        var scenario = Load(name);
        var optimum = Cost(scenario, [HorizonOptimizer.Solve(scenario, LpSolverKind.Highs).Report]);
        foreach (var (window, lookahead) in new[] { (6, 0), (6, 6), (12, 24) })
        {
            var reports = Roll(scenario, window, lookahead);
            Assert.Equal(scenario.Steps, reports.Sum(r => r.Steps));
            var check = new FeasibilityCheck(scenario, toleranceMw: 1e-5);
            Array.ForEach(reports, check.Add);
            check.Finish();
            Assert.Empty(check.Violations);
            var cost = Cost(scenario, reports);
            Assert.True(cost >= optimum * (1 - 1e-9), $"{window}+{lookahead}: rolling {cost} below the optimum {optimum}");
        }
    }

    [Fact]
    public void LookingFurtherAheadCostsNoMoreOnTheStorageHeavyCase()
    {
        // Stores that cycle over a day need to see the day: a myopic window pays for what it cannot see.
        var scenario = Load("scenarios/storage-heavy.yaml");
        var myopic = Cost(scenario, Roll(scenario, 6, 0));
        var foresighted = Cost(scenario, Roll(scenario, 6, 24));
        Assert.True(foresighted < myopic, $"6+24 steps cost {foresighted}, 6+0 steps {myopic}");
    }

    [Fact]
    public void TheSameScenarioRollsToTheSameDispatch()
    {
        var scenario = Load("generated");
        var first = Roll(scenario, 12, 12);
        var second = Roll(scenario, 12, 12);
        Assert.Equal(first.Length, second.Length);
        for (var w = 0; w < first.Length; w++)
        {
            for (var a = 0; a < scenario.Assets.Length; a++)
            {
                Assert.Equal(first[w].Assets[a], second[w].Assets[a]);
            }
        }
    }

    [Fact]
    public void LaterWindowsStartFromThePreviousWindowsBasis()
    {
        var windows = RollingOptimizer.Solve(Load("generated"), LpSolverKind.Highs, 12, 12).ToArray();
        // The first window has no output before it (no ramp row from it) and the last is shorter: the others share one shape.
        Assert.False(windows[0].Warm);
        Assert.All(windows[2..^1], w => Assert.True(w.Warm, $"window {w.Index} started cold"));
        var cold = RollingOptimizer.Solve(Load("generated"), LpSolverKind.Highs, 12, 12, warmStart: false).ToArray();
        Assert.All(cold, w => Assert.False(w.Warm, $"window {w.Index} started warm"));
        // Either way each window is solved to its optimum; where a window has equal optima (or degenerate prices, which
        // set the value of stored energy) the two may pick differently and the windows after differ a little.
        var scenario = Load("generated");
        var optimum = Cost(scenario, [HorizonOptimizer.Solve(scenario, LpSolverKind.Highs).Report]);
        Assert.True(Cost(scenario, cold.Select(w => w.Report)) >= optimum * (1 - 1e-9));
    }
}
