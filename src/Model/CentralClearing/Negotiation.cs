using GridActors.Model.Market;

namespace GridActors.Model.CentralClearing;

/// <summary>
/// What the market sends the flexible assets: prices per region and step over the window and its
/// look-ahead, and per region the price at which energy still held when the plan ends is valued.
/// </summary>
/// <see cref="Request"/> counts the signals of the window from 0, so an asset knows when a window (re)starts.
/// <see cref="WorkRouteCostPerMwStep"/> is, per workload, route and step, what a MW of IT costs (empty when compute is not negotiated).
public sealed record PriceSignal(double[][] PricePerMwh, double[] TerminalPricePerMwh, int Request, double[][][] WorkRouteCostPerMwStep);

/// <summary>
/// The negotiation of one window. The market clears the bids and sends prices; every flexible
/// asset answers with the schedule it would run at those prices; the market adds the schedules
/// and clears again, choosing the cheapest mix of each asset's schedules. The loop ends when no
/// asset can find a schedule that would lower the system cost by more than the tolerance at the
/// current prices (the Lagrangian gap, a proven bound on the distance to the window's optimum),
/// or at the round limit. Convex problems converge; see docs/negotiation.md.
/// </summary>
public static class Negotiation
{
    /// <summary>
    /// Runs the rounds; <paramref name="propose"/> asks every flexible asset for its answer to the
    /// prices (per region and step) and returns them in asset order. A round is one clearing with
    /// new proposals; the answers to the last clearing's prices measure its gap and end the loop.
    /// </summary>
    public static async Task<NegotiationRecord> RunAsync(WindowMarket market, Func<PriceSignal, Task<Answers>> propose, NegotiationOptions options, double[][]? warmPrices = null)
    {
        market.Solve();
        // The previous window's last prices for the steps it already planned are a better first
        // signal than a clearing without the flexible assets: fewer rounds to converge.
        var first = warmPrices is null ? market.Prices : PriceSignals.Overlay(market.Prices, warmPrices);
        // Energy still stored when the plan ends is worth something later: valued at the first
        // signal's mean price, fixed for the whole window so every proposal is priced alike.
        var terminal = market.EndsWithHorizon ? new double[first.Length] : [.. first.Select(p => p.Average())];
        var requests = 0;
        if (warmPrices is not null)
        {
            var answers = await propose(new PriceSignal(first, terminal, requests++, market.WorkRouteCosts(first)));
            Array.ForEach(answers.Assets, market.Add);
            Array.ForEach(answers.Work, market.Add);
            market.Solve();
        }
        var rounds = 0;
        var gap = double.PositiveInfinity;
        var priceChange = 0.0;
        while (true)
        {
            var answers = await propose(new PriceSignal(market.Prices, terminal, requests++, market.WorkRouteCosts()));
            if (answers.IsEmpty)
            {
                gap = 0;
                break;
            }
            if (rounds > 0)
            {
                // Every asset and broker has a column by now, so the answers measure the gap of the current clearing.
                gap = answers.Assets.Sum(market.Improvement) + answers.Work.GroupBy(p => p.Workload).Sum(g => g.Max(market.Improvement));
                if (Converged(gap, market.Objective, options) || rounds >= options.MaxRounds)
                {
                    break;
                }
            }
            foreach (var proposal in answers.Assets)
            {
                if (!market.Knows(proposal.Asset) || market.Improvement(proposal) > 0)
                {
                    market.Add(proposal);
                }
            }
            foreach (var plan in answers.Work)
            {
                if (!market.KnowsWorkload(plan.Workload) || market.Improvement(plan) > 0)
                {
                    market.Add(plan);
                }
            }
            var before = market.Prices;
            market.Solve();
            rounds++;
            priceChange = PriceSignals.MaxChange(before, market.Prices);
        }
        var relative = market.Objective != 0 ? gap / Math.Abs(market.Objective) : 0;
        return new NegotiationRecord(market.FirstStep, rounds, Converged(gap, market.Objective, options), double.IsFinite(gap) ? gap : -1, double.IsFinite(relative) ? relative : -1, priceChange, market.Objective);
    }

    private static bool Converged(double gap, double objective, NegotiationOptions options) =>
        gap <= NegotiationOptions.AbsoluteGap || gap <= options.RelativeGap * Math.Abs(objective);
}
