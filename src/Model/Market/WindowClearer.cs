using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>
/// Clears a window of steps in order. Each step is an exact single-step market coupling; the
/// units carry ramps, stored energy and deferred demand from one step to the next, so every
/// accepted schedule is technically feasible.
/// </summary>
public sealed class WindowClearer(ResolvedScenario scenario)
{
    private readonly StepClearing clearing = new(scenario.Links, scenario.Economics.ValueOfLostLoadPerMwh);

    public WindowOutcome Clear(int firstStep, int steps, IReadOnlyList<AssetBid> bids)
    {
        var regionCount = scenario.Regions.Length;
        var units = bids.OrderBy(b => b.Asset).Select(b => ClearingUnit.From(b, scenario.StepHours, scenario.Steps - 1)).ToArray();
        var assetSteps = new AssetStep[scenario.Assets.Length][];
        foreach (var unit in units)
        {
            assetSteps[unit.Asset] = new AssetStep[steps];
        }
        var regionSteps = Enumerable.Range(0, regionCount).Select(_ => new RegionStep[steps]).ToArray();
        var linkSteps = scenario.Links.Select(_ => new LinkStep[steps]).ToArray();
        var book = new OfferBook(regionCount);
        var fixedDemand = new double[regionCount];

        for (var k = 0; k < steps; k++)
        {
            var step = firstStep + k;
            book.Clear();
            foreach (var unit in units)
            {
                unit.Offer(k, step, book);
            }
            var (regions, links) = clearing.Clear(book);

            Array.Clear(fixedDemand);
            foreach (var unit in units)
            {
                fixedDemand[unit.Region] += unit.FixedDemandMw;
            }
            foreach (var unit in units)
            {
                // Unserved energy is shared among the demand that could not be refused, pro rata.
                var unserved = regions[unit.Region].UnservedMw;
                var share = unserved > 0 && fixedDemand[unit.Region] > 0 ? unserved * unit.FixedDemandMw / fixedDemand[unit.Region] : 0;
                assetSteps[unit.Asset][k] = unit.Settle(k, step, book, share);
            }
            for (var r = 0; r < regionCount; r++)
            {
                regionSteps[r][k] = regions[r];
            }
            for (var l = 0; l < links.Length; l++)
            {
                linkSteps[l][k] = links[l];
            }
        }

        var backlogs = new DeferredEnergy[scenario.Assets.Length][];
        foreach (var unit in units)
        {
            backlogs[unit.Asset] = unit.Backlog;
        }
        for (var a = 0; a < backlogs.Length; a++)
        {
            backlogs[a] ??= [];
            assetSteps[a] ??= [];
        }
        return new WindowOutcome(firstStep, steps, assetSteps, regionSteps, linkSteps, backlogs);
    }
}
