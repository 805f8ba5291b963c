using GridActors.Model.Coupling;
using GridActors.Model.Generation;
using GridActors.Model.Loading;
using GridActors.Model.RegionClearing;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

/// <summary>
/// The coordinator holds as columns only the offers of the regions' curves near their prices, and gives the others
/// columns when a solution's prices contradict what was assumed of them (<see cref="CurveOffers"/>). On generated
/// scenarios of every shape, its solutions cost what the coordinator with a column for every offer costs, from the
/// first solve and after rounds add schedules, whether it starts from a good guess of the prices or a wild one.
/// </summary>
public sealed class CurveOffersTests
{
    public static IEnumerable<object[]> Cases() =>
    [
        [4, 120, 1, GeneratorShape.Default],
        [6, 300, 2, GeneratorShape.Ramps],
        [8, 400, 3, GeneratorShape.Storage],
        [5, 600, 4, GeneratorShape.Default],
        [3, 250, 5, GeneratorShape.Ramps],
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public void OffersSiftedCostWhatEveryOfferAsAColumnCosts(int regions, int assets, int seed, GeneratorShape shape)
    {
        var scenario = Generated(regions, assets, seed, shape);
        var steps = scenario.Steps;
        var curves = Curves(scenario);
        var random = new Random(seed);
        var wildGuess = curves.Select(_ => Enumerable.Range(0, steps).Select(_ => 1000 * random.NextDouble() - 100).ToArray()).ToArray();
        // The mixes open with the regions' stores and loads holding still; each round brings every region a schedule
        // moving energy between random steps, as the regions' answers do.
        var still = Still(curves, steps);
        using var every = new CouplingMaster(scenario, 0, steps, curves, null, null, still, openAround: int.MaxValue);
        using var sifted = new CouplingMaster(scenario, 0, steps, curves, null, null, still);
        using var wild = new CouplingMaster(scenario, 0, steps, curves, null, null, still, warmPrices: wildGuess);
        // The previous window's prices for the first half, this window's market guessing the rest, as the next window of a run is started.
        using var half = new CouplingMaster(scenario, 0, steps, curves, null, null, still, warmPrices: [.. wildGuess.Select(p => p[..(steps / 2)])]);
        // Large coordinators re-solve with the dual simplex where small ones take the primal: the same optimum.
        using var dual = new CouplingMaster(scenario, 0, steps, curves, null, null, still, primalRowLimit: 0);
        CouplingMaster[] masters = [every, sifted, wild, half, dual];

        for (var round = 0; round < 4; round++)
        {
            for (var r = 0; round > 0 && r < regions; r++)
            {
                var column = RandomSchedule(random, steps);
                Array.ForEach(masters, m => m.Add(r, column));
            }
            Array.ForEach(masters, m => m.Solve());
            var optimum = every.Objective;
            Assert.Equal(optimum, sifted.Objective, 1e-7 * Math.Abs(optimum));
            Assert.Equal(optimum, wild.Objective, 1e-7 * Math.Abs(optimum));
            Assert.Equal(optimum, half.Objective, 1e-7 * Math.Abs(optimum));
            Assert.Equal(optimum, dual.Objective, 1e-7 * Math.Abs(optimum));
        }
        Assert.True(sifted.Columns < every.Columns, $"the sifted coordinator holds {sifted.Columns} columns, every offer {every.Columns}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void SchedulesUnusedForLongAreFixedAtZeroUntilProposedAgain(int regions, int assets, int seed, GeneratorShape shape)
    {
        var scenario = Generated(regions, assets, seed, shape);
        var steps = scenario.Steps;
        var curves = Curves(scenario);
        var random = new Random(seed);
        var still = Still(curves, steps);
        using var keeps = new CouplingMaster(scenario, 0, steps, curves, null, null, still, retireAfterIdleSolves: int.MaxValue);
        using var retires = new CouplingMaster(scenario, 0, steps, curves, null, null, still, retireAfterIdleSolves: 2);
        var proposed = still.Select((column, r) => (Region: r, Column: column)).ToList();
        for (var round = 0; round < 8; round++)
        {
            for (var r = 0; round > 0 && r < regions; r++)
            {
                var column = RandomSchedule(random, steps);
                proposed.Add((r, column));
                keeps.Add(r, column);
                retires.Add(r, column);
            }
            keeps.Solve();
            retires.Solve();
            // Fewer schedules to mix: never cheaper than with all of them.
            Assert.True(retires.Objective >= keeps.Objective - 1e-7 * Math.Abs(keeps.Objective), $"round {round}: {retires.Objective} below {keeps.Objective}");
        }
        Assert.Equal(0, keeps.RetiredSchedules);
        Assert.True(retires.RetiredSchedules > 0, "some schedules went unused for two solves");
        // Every schedule proposed again: all are free to mix once more, and the optimum is the one with all of them.
        foreach (var (r, column) in proposed)
        {
            retires.Add(r, column);
        }
        Assert.Equal(0, retires.RetiredSchedules);
        retires.Solve();
        Assert.Equal(keeps.Objective, retires.Objective, 1e-7 * Math.Abs(keeps.Objective));
    }

    [Theory]
    [InlineData(6, 300, 11)]
    [InlineData(8, 500, 12)]
    [InlineData(4, 200, 13)]
    public void CampusAndLinkLimitsAddedWhenBrokenCostWhatEveryLimitCosts(int regions, int assets, int seed)
    {
        // Generated campuses with their workloads, and campuses' capacities cut to a fifth so that the limits bind.
        var generated = Generated(regions, assets, seed, GeneratorShape.Default);
        var scenario = generated with
        {
            Assets = [.. generated.Assets.Select(a => a is DatacenterSpec d ? d with { ItCapacityMw = d.ItCapacityMw * 0.2 + d.InteractiveItMw.Max() } : a)],
        };
        Assert.NotEmpty(scenario.Compute.Workloads);
        var network = new ComputeNetwork(scenario);
        var steps = scenario.Steps;
        var curves = Curves(scenario);
        var still = Still(curves, steps);
        using var every = new CouplingMaster(scenario, 0, steps, curves, network, null, still, lazyLimits: false);
        using var lazy = new CouplingMaster(scenario, 0, steps, curves, network, null, still);

        every.Solve();
        lazy.Solve();

        Assert.Equal(every.Objective, lazy.Objective, 1e-7 * Math.Abs(every.Objective));
        Assert.True(lazy.Rows < every.Rows, $"the lazy coordinator holds {lazy.Rows} rows, the other {every.Rows}");
        Assert.True(every.Shadows.Capacity.Values.Any(v => v > 0), "some campus's capacity binds");
    }

    /// <summary>Every region's bid curve over the whole scenario, as its region grain would send it.</summary>
    private static RegionCurve[] Curves(ResolvedScenario scenario) =>
        [.. scenario.Regions.Select(r => RegionCurves.Of(RegionalHarness.Bids(scenario, scenario.Assets.Where(a => a.Region == r.Index)), scenario.Steps, scenario.StepHours))];

    /// <summary>A first schedule per region: its stores and shiftable loads holding still.</summary>
    private static FlexibleColumn[] Still(RegionCurve[] curves, int steps) => [.. curves.Select(_ => new FlexibleColumn(new double[steps], 0, 0))];

    private static FlexibleColumn RandomSchedule(Random random, int steps)
    {
        var injection = new double[steps];
        for (var i = 0; i < 4; i++)
        {
            var mw = 200 * random.NextDouble();
            injection[random.Next(steps)] += mw;
            injection[random.Next(steps)] -= mw * 1.1;
        }
        return new FlexibleColumn(injection, 1000 * random.NextDouble(), 50 * random.NextDouble());
    }

    private static ResolvedScenario Generated(int regions, int assets, int seed, GeneratorShape shape)
    {
        using var folder = new TempScenario();
        return ScenarioLoader.Load(folder.Write("generated.yaml", ScenarioGenerator.Generate(new GeneratorSettings(regions, assets, 24, seed, shape))));
    }
}
