using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Coupling;

/// <summary>
/// How a window's negotiation ended, and what to commit: the round whose clearing is best, with the coordinator's
/// prices in it. <see cref="BoundPrices"/> are the prices that gave the best lower bound: the negotiation's best
/// estimate of the window's optimal prices, which the next window starts from.
/// </summary>
public sealed record CoupledWindow(
    NegotiationRecord Record,
    int BestRound,
    double[][] Prices,
    LinkStep[][] Flows,
    ComputeOutcome? Compute,
    double[][] BoundPrices);

/// <summary>
/// The negotiation of one window between regions (docs/negotiation.md). Each round the coordinator
/// sends every region the injection its last market asked of it and its prices; each region
/// clears its own market at that injection (a feasible point: the upper bound), answers the
/// prices with what its assets would do each on its own (the lower bound), and offers its moves.
/// The coordinator then clears regions, links and brokers again with what they offered. It stops
/// when the best clearing is within the tolerance of the lower bound — a proven bound on its
/// distance to the window's optimum — or at the round limit.
/// </summary>
public static class RegionalNegotiation
{
    /// <summary>
    /// Runs the rounds of the window [firstStep, firstStep + steps). <c>regions</c> sends every region
    /// its round and returns the replies in region order; <c>brokers</c> asks every workload broker for
    /// its best plan at the route costs (per workload, route and step), one plan per workload.
    /// </summary>
    public static async Task<CoupledWindow> RunAsync(
        ResolvedScenario scenario, LpSolverKind solver, int firstStep, int steps, int commitSteps,
        Func<RegionRound[], Task<RegionReply[]>> regions,
        Func<double[][][], int, Task<WorkPlan[]>> brokers,
        ComputeNetwork? compute, NegotiationOptions options, double[][]? warmPrices = null)
    {
        var regionCount = scenario.Regions.Length;
        var offered = Enumerable.Range(0, regionCount).Select(_ => new List<RegionColumn>()).ToArray();
        // The round in which each offered schedule was last mixed in (or offered): the coordinator drops those long unused.
        var lastUsed = Enumerable.Range(0, regionCount).Select(_ => new List<int>()).ToArray();
        var plans = new List<WorkPlan>();
        var endsWithHorizon = firstStep + steps >= scenario.Steps;

        // Round 0: every region clears on its own; its clearing and moves open the coordinator's market.
        var replies = await regions([.. Enumerable.Range(0, regionCount).Select(_ => new RegionRound(0, null, null, 0, -1))]);
        // The coordinator works around the best complete clearing so far, and trusts the regions' offers less
        // after a round that did not improve on it (a trust region: the offers leave ramps out).
        var centre = replies;
        var reach = 1.0;
        var bestUpper = double.PositiveInfinity;
        var lower = double.NegativeInfinity;
        var bestRound = -1;
        (double[][] Prices, LinkStep[][] Flows, ComputeOutcome? Compute)? best = null;
        double[] terminal = [];
        double[][]? signalled = null;
        // The prices that gave the best lower bound so far: the stable point the prices sent are drawn towards.
        double[][]? stability = null;
        // The campuses' and links' scarcity values sent with those prices, drawn towards theirs the same way.
        ScarcityShadows? stableShadows = null;
        var shadows = ScarcityShadows.None;
        var priceChange = 0.0;
        var round = 0;
        var gap = double.PositiveInfinity;
        // The coordinator's LP is built afresh each round: its cost is summed over the rounds.
        var coordinatorWork = GridActors.Model.LinearProgramming.LpWork.None("coordinator");
        while (true)
        {
            foreach (var (reply, r) in replies.Select((x, r) => (x, r)))
            {
                // A clearing made before every flexible asset proposed leaves their demand out: a centre for one round, never a schedule to return to.
                if (reply.Complete)
                {
                    offered[r].Add(reply.Cleared);
                    lastUsed[r].Add(round);
                }
                if (reply.Response is { } response)
                {
                    offered[r].Add(response);
                    lastUsed[r].Add(round);
                }
                Forget(offered[r], lastUsed[r], round);
            }
            using var master = new CouplingMaster(scenario, LpSolvers.ForColdSolves(solver), firstStep, steps, centre, offered, compute, plans, reach);
            master.Solve();
            coordinatorWork = coordinatorWork.Plus(master.Work);
            for (var r = 0; r < regionCount; r++)
            {
                foreach (var j in master.Used[r])
                {
                    lastUsed[r][j] = round + 1;
                }
            }
            round++;
            var prices = master.Prices;
            if (signalled is null)
            {
                // The previous window's prices for the steps it already planned are the better first signal.
                signalled = warmPrices is null ? prices : PriceSignals.Overlay(prices, warmPrices);
                // Energy still stored when the plan ends is valued at the first signal's mean price, fixed for the window.
                terminal = endsWithHorizon ? new double[regionCount] : [.. signalled.Select(p => p.Average())];
                if (Environment.GetEnvironmentVariable("GA_TRACE") == "1")
                {
                    var half = warmPrices?[0].Length ?? 0;
                    Console.Error.WriteLine($"window {firstStep} first signal: warm mean {(half > 0 ? signalled.Average(p => p[..half].Average()) : 0):F1} new mean {(half < signalled[0].Length ? signalled.Average(p => p[half..].Average()) : 0):F1} max {signalled.Max(p => p.Max()):F1} min {signalled.Min(p => p.Min()):F1} terminal max {terminal.Max():F1} median {signalled.Select(p => p.Order().ElementAt(p.Length / 2)).Max():F1}");
                }
            }
            else
            {
                var smoothed = stability is { } stable ? PriceSignals.Blend(stable, prices, PriceSmoothing) : prices;
                priceChange = PriceSignals.MaxChange(signalled, smoothed);
                signalled = smoothed;
            }
            shadows = stableShadows is { } stableScarcity ? ScarcityShadows.Blend(stableScarcity, master.Shadows, PriceSmoothing) : master.Shadows;
            var routeCosts = master.WorkRouteCosts(signalled, shadows);
            var work = compute is { IsEmpty: false } ? await brokers(routeCosts, round - 1) : [];
            replies = await regions([.. Enumerable.Range(0, regionCount).Select(r => new RegionRound(round, master.Injections[r], signalled[r], terminal[r], bestRound))]);

            // Upper bound: what the regions' clearings at the injections asked cost, plus the grid's part of the same solution.
            // With compute work, a solution counts only once every broker has a plan in it.
            if (replies.All(x => x.Complete) && (compute is not { IsEmpty: false } || plans.Count > 0))
            {
                var upper = replies.Sum(x => x.ClearedCost) + master.GridCost;
                if (upper < bestUpper)
                {
                    centre = replies;
                    reach = Math.Min(1, reach * 1.5);
                    bestUpper = upper;
                    bestRound = round;
                    best = (prices, master.Flows(commitSteps), master.Compute(commitSteps));
                }
                else
                {
                    reach /= 2;
                }
            }
            else
            {
                // Before every flexible asset has proposed there is nothing to compare: the latest clearing leads.
                centre = replies;
            }
            // Lower bound: the Lagrangian at the prices sent, every term exact. A broker's term is its best plan's cost: with
            // a window's first signal it also sends the plan that drops everything, which is no answer to the prices.
            var bound = replies.Sum(x => x.ResponseValue) + master.GridValue(signalled)
                + work.GroupBy(p => p.Workload).Sum(g => g.Min(p => p.CostAt(routeCosts[g.Key]))) - master.ScarcityRent(shadows);
            if (bound > lower)
            {
                lower = bound;
                stability = signalled;
                stableShadows = shadows;
            }
            plans.AddRange(work);

            gap = bestUpper - lower;
            if (Environment.GetEnvironmentVariable("GA_TRACE") == "1")
            {
                Console.Error.WriteLine($"window {firstStep} round {round}: upper {(replies.All(x => x.Complete) ? replies.Sum(x => x.ClearedCost) + master.GridCost : double.NaN):F0} best {bestUpper:F0} bound {bound:F0} lower {lower:F0} reach {reach:F3} terminal {(terminal.Length > 0 ? terminal.Max() : 0):F1} regions {replies.Sum(x => x.ClearedCost):F0} grid {master.GridCost:F0} responses {replies.Sum(x => x.ResponseValue):F0} gridvalue {master.GridValue(signalled):F0} maxprice {signalled.Max(p => p.Max()):F0}");
            }
            if (Converged(gap, bestUpper, options) || round >= options.MaxRounds && best is not null)
            {
                break;
            }
            if (round > options.MaxRounds + 2)
            {
                throw new InvalidOperationException($"the window from step {firstStep} found no complete clearing in {round} rounds");
            }
        }
        var relative = bestUpper != 0 ? gap / Math.Abs(bestUpper) : 0;
        var record = new NegotiationRecord(firstStep, round, Converged(gap, bestUpper, options),
            double.IsFinite(gap) ? Math.Max(0, gap) : -1, double.IsFinite(relative) ? Math.Max(0, relative) : -1, priceChange, bestUpper, Lp: [coordinatorWork]);
        return new CoupledWindow(record, bestRound, best!.Value.Prices, best.Value.Flows, best.Value.Compute, stability ?? best.Value.Prices);
    }

    /// <summary>
    /// The weight of the prices that gave the best lower bound in the prices sent after the first round; the
    /// coordinator's new duals get the rest (Wentges smoothing). Any prices give a valid bound, so the proof holds
    /// whatever the weight; a half cut the rounds of the generated windows by a tenth (docs/negotiation.md).
    /// </summary>
    private const double PriceSmoothing = 0.5;

    /// <summary>Rounds a schedule stays on offer without being mixed in; the coordinator's solve grows with what it carries.</summary>
    private const int UnusedRounds = 5;

    private static void Forget(List<RegionColumn> offered, List<int> lastUsed, int round)
    {
        for (var j = offered.Count - 1; j >= 0; j--)
        {
            if (round - lastUsed[j] > UnusedRounds)
            {
                offered.RemoveAt(j);
                lastUsed.RemoveAt(j);
            }
        }
    }

    private static bool Converged(double gap, double objective, NegotiationOptions options) =>
        double.IsFinite(gap) && (gap <= NegotiationOptions.AbsoluteGap || gap <= options.RelativeGap * Math.Abs(objective));
}
