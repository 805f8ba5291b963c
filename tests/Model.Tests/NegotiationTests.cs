using GridActors.Model.Assets;
using GridActors.Model.CentralClearing;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Loading;
using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;
using GridActors.Testing;

namespace GridActors.Model.Tests;

/// <summary>The negotiation on its own, without grains: one window that covers the whole horizon.</summary>
public sealed class NegotiationTests
{
    /// <summary>Every flexible asset answers from its initial state, as its grain would in the first window.</summary>
    private static Task<Answers> Answers(ResolvedScenario scenario, PriceSignal signal) =>
        Task.FromResult(new Answers(scenario.Assets.Where(a => a.RespondsToForecast).Select(a => a switch
        {
            StorageSpec s => StorageResponse.Once(s, scenario.Economics, scenario.StepHours, 0, scenario.Steps - 1, s.InitialEnergyMwh, signal.PricePerMwh[s.Region], signal.TerminalPricePerMwh[s.Region]),
            LoadSpec l => ShiftResponse.Once(l, 0, scenario.Steps - 1, [], signal.PricePerMwh[l.Region]),
            _ => throw new InvalidOperationException(),
        }).ToArray(), []));

    private static AssetBid[] Bids(ResolvedScenario scenario) => RegionalHarness.Bids(scenario, scenario.Assets);

    [Theory]
    [InlineData("scenarios/two-region-toy.yaml", 48)]
    [InlineData("scenarios/storage-heavy.yaml", 24)]
    public async Task RoundsConvergeToTheOptimumOfTheWindow(string scenarioFile, int steps)
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path(scenarioFile)) with { Steps = steps };
        using var market = new WindowMarket(scenario, LpSolverKind.Clp, 0, scenario.Steps, Bids(scenario));
        var record = await Negotiation.RunAsync(market, signal => Answers(scenario, signal), new NegotiationOptions(MaxRounds: 100, RelativeGap: 1e-8));
        var optimum = HorizonOptimizer.Solve(scenario, LpSolverKind.Glop).Objective;

        Assert.True(record.Converged, $"not converged after {record.Rounds} rounds, gap {record.Gap}");
        // The gap is a proven bound: the clearing is never further from the optimum than it says.
        Assert.InRange(record.Objective - optimum, -1e-6 * optimum, record.Gap + 1e-6 * optimum);
    }

    [Fact]
    public async Task MoreRoundsNeverCostMore()
    {
        var scenario = ScenarioLoader.Load(RepositoryRoot.Path("scenarios/storage-heavy.yaml")) with { Steps = 24 };
        var costs = new List<double>();
        foreach (var rounds in new[] { 1, 3, 10 })
        {
            using var market = new WindowMarket(scenario, LpSolverKind.Clp, 0, scenario.Steps, Bids(scenario));
            costs.Add((await Negotiation.RunAsync(market, signal => Answers(scenario, signal), new NegotiationOptions(rounds, 0))).Objective);
        }
        Assert.True(costs[0] >= costs[1] && costs[1] >= costs[2], $"window cost rose with rounds: {string.Join(", ", costs)}");
        Assert.True(costs[0] > costs[2], "more rounds found nothing cheaper");
    }
}
