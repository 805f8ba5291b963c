using GridActors.Model.Coupling;
using GridActors.Model.Generation;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.RegionClearing;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

/// <summary>
/// A region's market holds stores and shiftable loads that differ only in size as one (<see cref="ExactPools"/>): it
/// clears them to the optimum of the market that holds each on its own, and each runs a schedule it can run alone.
/// </summary>
public sealed class ExactPoolsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void PooledCopiesClearToTheOptimumOfEachOnItsOwn(int seed)
    {
        using var folder = new TempScenario();
        const int steps = 36;
        var generated = ScenarioLoader.Load(folder.Write("generated.yaml", ScenarioGenerator.Generate(new GeneratorSettings(4, 90, steps, seed))));
        var random = new Random(seed);
        var tested = 0;
        foreach (var region in generated.Regions)
        {
            var own = generated.Assets.Where(a => a.Region == region.Index).ToList();
            if (!own.Any(a => a.RespondsToForecast))
            {
                continue;
            }
            // Each store and shiftable load gets one or two copies of another size; a few others change a figure and stay apart.
            var copies = new List<(AssetSpec Copy, AssetSpec Of, double Size)>();
            foreach (var asset in own.Where(a => a.RespondsToForecast).ToList())
            {
                for (var c = 0; c < 1 + random.Next(2); c++)
                {
                    var size = 0.3 + 2.7 * random.NextDouble();
                    AssetSpec copy = asset switch
                    {
                        StorageSpec s => s with { Id = $"{s.Id}-x{c}", PowerMw = s.PowerMw * size, EnergyMwh = s.EnergyMwh * size },
                        LoadSpec l => l with { Id = $"{l.Id}-x{c}", DemandMw = new Series(l.DemandMw.Shape, l.DemandMw.Factor * size, l.DemandMw.Length) },
                        _ => throw new InvalidOperationException(),
                    };
                    own.Add(copy);
                    copies.Add((copy, asset, size));
                }
                own.Add(asset switch
                {
                    StorageSpec s => s with { Id = $"{s.Id}-worn", CostPerMwh = s.CostPerMwh + 1 },
                    LoadSpec l => l with { Id = $"{l.Id}-later", ShiftWindowSteps = l.ShiftWindowSteps + 1 },
                    _ => throw new InvalidOperationException(),
                });
            }
            AssetSpec[] members = [.. own.Select((a, i) => a with { Index = i, Region = 0 })];
            var alone = generated with { Regions = [region with { Index = 0 }], Links = [], Assets = members, Compute = ComputeSpec.Empty };
            tested++;

            using var window = new RegionWindow([.. members.Select(a => a.Index)], RegionalHarness.Bids(alone, members),
                0, steps, steps, alone.StepHours, alone.Economics.ValueOfLostLoadPerMwh, LpSolverKind.Highs);
            var reply = window.Round(new RegionRound(0, null, null, 0, -1), []);
            var outcome = window.Outcome(0);

            // The optimum of the same region, every store and load a term of its own (another solver, no pools).
            var optimum = HorizonOptimizer.Solve(alone, LpSolverKind.Glop).Objective;
            Assert.Equal(optimum, reply.ClearedCost, Math.Max(1e-3, 1e-7 * Math.Abs(optimum)));
            foreach (var member in members)
            {
                switch (member)
                {
                    case StorageSpec store:
                        AssertStoreCanRun(store, outcome[store.Index], alone.StepHours);
                        break;
                    case LoadSpec { ShiftableFraction: > 0 } load:
                        AssertShiftCanRun(load, outcome[load.Index], steps);
                        break;
                }
            }
            // Pooled: each copy runs its size's share of what its original runs.
            var index = members.ToDictionary(m => m.Id, m => m.Index);
            foreach (var (copy, of, size) in copies)
            {
                var copied = outcome[index[copy.Id]];
                var original = outcome[index[of.Id]];
                for (var k = 0; k < steps; k++)
                {
                    Assert.Equal(original[k].ProducedMw * size, copied[k].ProducedMw, 1e-6);
                    Assert.Equal(original[k].ConsumedMw * size, copied[k].ConsumedMw, 1e-6);
                    Assert.Equal(original[k].DeferredMw * size, copied[k].DeferredMw, 1e-6);
                    Assert.Equal(original[k].EnergyMwh * size, copied[k].EnergyMwh, 1e-6);
                }
            }
        }
        Assert.True(tested > 0);
    }

    [Fact]
    public void OnlyStoresTheSamePerMwArePooled()
    {
        var store = new StorageBid(0, 0, 100, 400, 0.9, 0.95, 200, 3, [0, 10, 20]);
        StorageBid[] stores =
        [
            store,
            store with { Asset = 1, PowerMw = 250, EnergyMwh = 1000, EnergyNowMwh = 500, FloorMwh = [0, 25, 50] },
            store with { Asset = 2, WearPerMwh = 4 },
            store with { Asset = 3, EnergyNowMwh = 201 },
            store with { Asset = 4, PowerMw = 50, EnergyMwh = 200, EnergyNowMwh = 100, FloorMwh = [0, 5, 10] },
            store with { Asset = 5, PowerMw = 0, EnergyMwh = 0, EnergyNowMwh = 0, FloorMwh = [0, 0, 0] },
        ];

        var pools = ExactPools.OfStores(stores.Select(s => (s.Asset, s)));

        Assert.Equal([[0, 1, 4], [2], [3], [5]], pools.Select(p => p.Members.Select(m => m.Local).ToArray()));
        var pooled = pools[0];
        Assert.Equal([0.25, 0.625, 0.125], pooled.Members.Select(m => m.Share));
        Assert.Equal((400.0, 1600.0, 800.0), (pooled.Bid.PowerMw, pooled.Bid.EnergyMwh, pooled.Bid.EnergyNowMwh));
        Assert.Equal([0.0, 40, 80], pooled.Bid.FloorMwh);
        Assert.Same(stores[2], pools[1].Bid);
    }

    [Fact]
    public void OnlyShiftableLoadsTheSamePerMwArePooled()
    {
        var load = new ShiftBid([10, 20, 30], 2, 9, [new DeferredEnergy(1, 4)]);
        ShiftBid[] loads =
        [
            load,
            load with { ShiftableMw = [30, 60, 90], Backlog = [new DeferredEnergy(1, 12)] },
            load with { WindowSteps = 3 },
            load with { ShiftableMw = [10, 30, 20] },
            load with { Backlog = [new DeferredEnergy(2, 4)] },
            load with { ShiftableMw = [5, 10, 15], Backlog = [new DeferredEnergy(1, 1), new DeferredEnergy(1, 1)] },
        ];

        var pools = ExactPools.OfShifts(loads.Select((l, i) => (i, l)));

        Assert.Equal([[0, 1, 5], [2], [3], [4]], pools.Select(p => p.Members.Select(m => m.Local).ToArray()));
        Assert.Equal([64.0 / 288, 192.0 / 288, 32.0 / 288], pools[0].Members.Select(m => m.Share));
        Assert.Equal([45.0, 90, 135], pools[0].Bid.ShiftableMw);
        Assert.Equal([new DeferredEnergy(1, 18)], pools[0].Bid.Backlog);
    }

    private static void AssertStoreCanRun(StorageSpec store, AssetStep[] schedule, double stepHours)
    {
        var energy = store.InitialEnergyMwh;
        foreach (var step in schedule)
        {
            Assert.InRange(step.ProducedMw, -1e-9, store.PowerMw + 1e-6);
            Assert.InRange(step.ConsumedMw, -1e-9, store.PowerMw + 1e-6);
            energy += (step.ConsumedMw * store.ChargeEfficiency - step.ProducedMw / store.DischargeEfficiency) * stepHours;
            Assert.Equal(energy, step.EnergyMwh, 1e-6 * Math.Max(1, store.EnergyMwh));
            Assert.InRange(step.EnergyMwh, -1e-6, store.EnergyMwh + 1e-6);
        }
    }

    /// <summary>Never defers more than falls due, and serves every deferred MWh by its deadline, first in first out.</summary>
    private static void AssertShiftCanRun(LoadSpec load, AssetStep[] schedule, int steps)
    {
        var backlog = Array.Empty<DeferredEnergy>();
        for (var k = 0; k < steps; k++)
        {
            Assert.InRange(schedule[k].DeferredMw, -1e-9, load.ShiftableMw(k) + 1e-6);
            backlog = ShiftBacklog.Apply(backlog, k, [schedule[k]], load.ShiftWindowSteps, steps - 1);
            Assert.DoesNotContain(backlog, d => d.DeadlineStep <= k && d.PowerMw > 1e-6);
        }
        Assert.True(backlog.Sum(d => d.PowerMw) < 1e-6, $"{load.Id} left {backlog.Sum(d => d.PowerMw)} MW unserved");
    }
}
