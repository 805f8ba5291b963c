using GridActors.Model.Coupling;
using GridActors.Model.Generation;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Optimization;
using GridActors.Model.RegionClearing;
using GridActors.Model.Scenario;
using GridActors.Testing;

namespace GridActors.Model.Tests;

/// <summary>
/// A region's own market holds the stores and shiftable loads that bid exactly: alone, it clears to its optimum in its
/// first round, before any of them has answered a price.
/// </summary>
public sealed class RegionExactFlexibilityTests
{
    [Theory]
    [InlineData("scenarios/storage-heavy.yaml", 24)]
    [InlineData("scenarios/two-region-toy.yaml", 48)]
    [InlineData("generated", 48)]
    public void ARegionAloneClearsToItsOptimumWithoutAnyAnswer(string file, int steps)
    {
        using var folder = new TempScenario();
        // Generated: 5 regions with stores of 2-8 hours and loads that shift a share of their demand by 4-12 hours.
        var path = file == "generated" ? folder.Write("generated.yaml", ScenarioGenerator.Generate(new GeneratorSettings(5, 120, steps, 7))) : RepositoryRoot.Path(file);
        var scenario = ScenarioLoader.Load(path) with { Steps = steps, Compute = ComputeSpec.Empty };
        var tested = 0;
        foreach (var region in scenario.Regions)
        {
            // The region on its own (no compute work: brokers place it between regions).
            AssetSpec[] members = [.. scenario.Assets.Where(a => a.Region == region.Index).Select((a, i) => a with { Index = i, Region = 0 })];
            var alone = scenario with { Regions = [region with { Index = 0 }], Links = [], Assets = members };
            if (!members.Any(a => a.RespondsToForecast))
            {
                continue;
            }
            tested++;

            using var window = new RegionWindow([.. members.Select(a => a.Index)], RegionalHarness.Bids(alone, members),
                0, steps, steps, alone.StepHours, alone.Economics.ValueOfLostLoadPerMwh, LpSolverKind.Highs);
            var reply = window.Round(new RegionRound(0, null, null, 0, -1), []);

            var optimum = HorizonOptimizer.Solve(alone, LpSolverKind.Glop).Objective;
            Assert.Equal(optimum, reply.ClearedCost, Math.Max(1e-3, 1e-7 * Math.Abs(optimum)));
            foreach (var store in members.OfType<StorageSpec>())
            {
                // Every step's energy follows from the one before by the store's own efficiencies.
                var energy = store.InitialEnergyMwh;
                foreach (var step in window.Outcome(0)[store.Index])
                {
                    energy += (step.ConsumedMw * store.ChargeEfficiency - step.ProducedMw / store.DischargeEfficiency) * alone.StepHours;
                    Assert.Equal(energy, step.EnergyMwh, 1e-6 * Math.Max(1, store.EnergyMwh));
                    Assert.InRange(step.EnergyMwh, -1e-9, store.EnergyMwh + 1e-9);
                }
            }
        }
        Assert.True(tested > 0);
    }
}
