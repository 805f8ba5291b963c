using GridActors.Model.Assets;
using GridActors.Model.Coupling;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.RegionClearing;
using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

/// <summary>
/// The regional negotiation of one window that covers a scenario's whole horizon, in process:
/// a <see cref="RegionWindow"/> per region, and every flexible asset answering from its initial
/// state through its own exact answer, as its grain would in the first window.
/// </summary>
internal static class RegionalHarness
{
    public static async Task<(CoupledWindow Window, AssetStep[][] Assets)> RunAsync(ResolvedScenario scenario, NegotiationOptions options, LpSolverKind solver = LpSolverKind.Clp, int[]? bindingRamps = null)
    {
        var steps = scenario.Steps;
        var members = scenario.Regions.Select(r => scenario.Assets.Where(a => a.Region == r.Index).ToArray()).ToArray();
        var windows = members.Select(m => new RegionWindow(
            [.. m.Select(a => a.Index)], Bids(scenario, m), 0, steps, steps,
            scenario.StepHours, scenario.Economics.ValueOfLostLoadPerMwh, solver)).ToArray();
        var storage = new Dictionary<int, StorageResponse>();
        var shift = new Dictionary<int, ShiftResponse>();
        foreach (var asset in scenario.Assets)
        {
            if (asset is StorageSpec s)
            {
                storage[s.Index] = new StorageResponse(s, scenario.Economics, scenario.StepHours, 0, steps, steps - 1, s.InitialEnergyMwh);
            }
            else if (asset is LoadSpec { ShiftableFraction: > 0 } l)
            {
                shift[l.Index] = new ShiftResponse(l, 0, steps, steps - 1, []);
            }
        }
        try
        {
            var window = await RegionalNegotiation.RunAsync(scenario, 0, steps, steps,
                rounds => Task.FromResult(rounds.Select((round, r) => windows[r].Round(round, Answers(members[r], round))).ToArray()),
                (_, _) => Task.FromResult(Array.Empty<WorkPlan>()), null, null, options, bindingRamps: bindingRamps);
            var assets = new AssetStep[scenario.Assets.Length][];
            for (var r = 0; r < members.Length; r++)
            {
                var outcome = windows[r].Outcome(window.BestRound);
                for (var i = 0; i < members[r].Length; i++)
                {
                    assets[members[r][i].Index] = outcome[i];
                }
            }
            return (window, assets);
        }
        finally
        {
            Array.ForEach(windows, w => w.Dispose());
        }

        Proposal[] Answers(AssetSpec[] region, RegionRound round) => round.PricePerMwh is not { } prices ? [] :
            [.. region.Where(a => a.RespondsToForecast).Select(a => a switch
            {
                StorageSpec => storage[a.Index].Propose(prices, round.TerminalPricePerMwh),
                _ => shift[a.Index].Propose(prices),
            })];
    }

    /// <summary>
    /// The assets' bids over <paramref name="steps"/> steps from <paramref name="first"/> (by default the whole horizon),
    /// each from its initial state: no output before the first step, stores at their initial energy, nothing deferred.
    /// </summary>
    public static AssetBid[] Bids(ResolvedScenario scenario, IEnumerable<AssetSpec> assets, int first = 0, int? steps = null)
    {
        var count = steps ?? scenario.Steps;
        var last = first + count - 1;
        return [.. assets.Select<AssetSpec, AssetBid?>(a => a switch
        {
            ThermalSpec t => ThermalBidding.Bid(t, scenario.Economics, scenario.StepHours, first, count, null),
            RenewableSpec r => RenewableBidding.Bid(r, first, count),
            LoadSpec l => LoadBidding.Bid(l, first, count, (last, [])),
            DatacenterSpec d => DatacenterBidding.Bid(d, first, count),
            StorageSpec s => StorageBidding.Bid(s, scenario.Economics, scenario.StepHours, first, count, last, s.InitialEnergyMwh),
            _ => null,
        }).OfType<AssetBid>()];
    }
}
