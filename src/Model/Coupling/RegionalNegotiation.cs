using GridActors.Model.Market;
using GridActors.Model.Optimization;
using GridActors.Model.Scenario;

namespace GridActors.Model.Coupling;

/// <summary>
/// How a window's negotiation ended, and what to commit: the round whose clearing is best, with the coordinator's
/// prices in it. <see cref="BoundPrices"/> are the prices that gave the best lower bound: the negotiation's best
/// estimate of the window's optimal prices, which the next window starts from, as it starts with the ramp rows of the
/// plant groups named in <see cref="BindingRamps"/> (<see cref="CouplingMaster.BindingRamps"/>).
/// </summary>
public sealed record CoupledWindow(
    NegotiationRecord Record,
    int BestRound,
    double[][] Prices,
    LinkStep[][] Flows,
    ComputeOutcome? Compute,
    double[][] BoundPrices,
    int[] BindingRamps);

/// <summary>
/// The negotiation of one window between regions (docs/negotiation.md). In the first round every region clears on
/// its own and gives the coordinator its bid curve. Each round the coordinator (<see cref="CouplingMaster"/>, kept
/// for the window) sends every region the injection its market asked of it and its prices; each region clears its
/// own market at that injection (a feasible point: the upper bound), prices what its assets would do at the prices
/// each on its own (the lower bound), and sends back its stores' and shiftable loads' schedules from both, which
/// the coordinator adds to its market before it solves again. It stops when the best clearing is within the
/// tolerance of the lower bound — a proven bound on its distance to the window's optimum — or at the round limit.
/// </summary>
public static class RegionalNegotiation
{
    /// <summary>
    /// Runs the rounds of the window [firstStep, firstStep + steps). <c>regions</c> sends every region
    /// its round and returns the replies in region order; <c>brokers</c> asks every workload broker for
    /// its best plan at the route costs (per workload, route and step), one plan per workload: the coordinator holds
    /// the workloads exactly (from <c>carriedWork</c>, the work each carries in), and their answers give their term
    /// of the lower bound.
    /// <c>warmPrices</c>, the previous window's best-bound prices, are the first signal for the steps it planned;
    /// <c>bindingRamps</c>, the plant groups whose ramps bound in the previous window, get their ramp rows from the start.
    /// </summary>
    public static async Task<CoupledWindow> RunAsync(
        ResolvedScenario scenario, int firstStep, int steps, int commitSteps,
        Func<RegionRound[], Task<RegionReply[]>> regions,
        Func<double[][][], int, Task<WorkPlan[]>> brokers,
        ComputeNetwork? compute, DeferredEnergy[][]? carriedWork, NegotiationOptions options, double[][]? warmPrices = null, int[]? bindingRamps = null)
    {
        var regionCount = scenario.Regions.Length;
        var endsWithHorizon = firstStep + steps >= scenario.Steps;
        // Round 0: every region clears on its own and gives its bid curve; its stores' schedule opens its mix.
        var replies = await regions([.. Enumerable.Range(0, regionCount).Select(_ => new RegionRound(0, null, null, 0, -1))]);
        using var master = new CouplingMaster(scenario, firstStep, steps, [.. replies.Select(r => r.Curve!)], compute, carriedWork,
            [.. replies.Select(r => r.ClearedFlexible)], bindingRamps?.ToHashSet(), warmPrices);
        var bestUpper = double.PositiveInfinity;
        var lower = double.NegativeInfinity;
        var bestRound = -1;
        (double[][] Prices, LinkStep[][] Flows, ComputeOutcome? Compute)? best = null;
        double[] terminal = [];
        double[][]? signalled = null;
        // The prices that gave the best lower bound so far: the stable point the prices sent are drawn towards,
        // and the campuses' and links' scarcity values sent with them, drawn towards the same way.
        double[][]? stability = null;
        ScarcityShadows? stableShadows = null;
        var priceChange = 0.0;
        var round = 0;
        var gap = double.PositiveInfinity;
        while (true)
        {
            for (var r = 0; r < regionCount; r++)
            {
                master.Add(r, replies[r].ClearedFlexible);
                if (replies[r].ResponseFlexible is { } response)
                {
                    master.Add(r, response);
                }
            }
            master.Solve();
            round++;
            var prices = master.Prices;
            if (signalled is null)
            {
                // The previous window's prices for the steps it already planned are the better first signal.
                signalled = warmPrices is null ? prices : PriceSignals.Overlay(prices, warmPrices);
                // Energy still stored when the plan ends is valued at the first signal's mean price, fixed for the window.
                terminal = endsWithHorizon ? new double[regionCount] : [.. signalled.Select(p => p.Average())];
                master.SetTerminal(terminal);
            }
            else
            {
                var smoothed = stability is { } stable ? PriceSignals.Blend(stable, prices, PriceSmoothing) : prices;
                priceChange = PriceSignals.MaxChange(signalled, smoothed);
                signalled = smoothed;
            }
            var shadows = stableShadows is { } stableScarcity ? ScarcityShadows.Blend(stableScarcity, master.Shadows, PriceSmoothing) : master.Shadows;
            var routeCosts = master.WorkRouteCosts(signalled, shadows);
            // The brokers and the regions answer the same prices, each on their own: asked together, on every core.
            var plans = compute is { IsEmpty: false } ? brokers(routeCosts, round - 1) : Task.FromResult(Array.Empty<WorkPlan>());
            var cleared = regions([.. Enumerable.Range(0, regionCount).Select(r => new RegionRound(round, master.Injections[r], signalled[r], terminal[r], bestRound))]);
            var work = await plans;
            replies = await cleared;

            // Upper bound: what the regions' clearings at the injections asked cost, plus the grid's and the workloads' part of the same solution.
            var upper = replies.Sum(x => x.ClearedCost) + master.GridCost;
            if (upper < bestUpper)
            {
                bestUpper = upper;
                bestRound = round;
                best = (prices, master.Flows(commitSteps), master.Compute(commitSteps));
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
            gap = bestUpper - lower;
            if (Converged(gap, bestUpper, options) || round >= options.MaxRounds)
            {
                break;
            }
        }
        var relative = bestUpper != 0 ? gap / Math.Abs(bestUpper) : 0;
        var record = new NegotiationRecord(firstStep, round, Converged(gap, bestUpper, options),
            double.IsFinite(gap) ? Math.Max(0, gap) : -1, double.IsFinite(relative) ? Math.Max(0, relative) : -1, priceChange, bestUpper, Lp: [master.Work]);
        return new CoupledWindow(record, bestRound, best!.Value.Prices, best.Value.Flows, best.Value.Compute, stability ?? best.Value.Prices, master.BindingRamps());
    }

    /// <summary>
    /// The weight of the prices that gave the best lower bound in the prices sent after the first round; the
    /// coordinator's new duals get the rest (Wentges smoothing). Any prices give a valid bound, so the proof holds
    /// whatever the weight; a half cut the rounds of the generated windows by a tenth (docs/negotiation.md).
    /// </summary>
    private const double PriceSmoothing = 0.5;

    private static bool Converged(double gap, double objective, NegotiationOptions options) =>
        double.IsFinite(gap) && (gap <= NegotiationOptions.AbsoluteGap || gap <= options.RelativeGap * Math.Abs(objective));
}
