using Google.OrTools.LinearSolver;
using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>
/// Market coupling of one step: all regions cleared together under link capacities, losses and
/// link costs, as the linear program that maximises welfare (minimises the cost of accepted
/// supply minus the value of accepted demand). Offers at the same price in the same region are
/// aggregated (the concentrator) and share acceptance pro rata. Prices are the duals of the
/// regional balances. Exact for the single-step problem by construction.
/// </summary>
public sealed class StepClearing(LinkSpec[] links, double valueOfLostLoadPerMwh)
{
    /// <summary>Quantities closer than this to a bound are snapped onto it (solver round-off, MW).</summary>
    private const double SnapMw = 1e-7;

    public (RegionStep[] Regions, LinkStep[] Links) Clear(OfferBook book)
    {
        var regionCount = book.RegionCount;
        using var solver = Solver.CreateSolver("GLOP") ?? throw new InvalidOperationException("the GLOP solver is not available");
        var objective = solver.Objective();
        objective.SetMinimization();

        var balances = new Constraint[regionCount];
        for (var r = 0; r < regionCount; r++)
        {
            var rhs = book.FixedDemandMw[r] - book.FixedSupplyMw[r];
            balances[r] = solver.MakeConstraint(rhs, rhs);
        }

        var (groups, memberOf) = Aggregate(book.Offers);
        var groupVariables = new Variable[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            var variable = solver.MakeNumVar(0, group.QuantityMw, "");
            balances[group.Region].SetCoefficient(variable, group.Supply ? 1 : -1);
            objective.SetCoefficient(variable, group.Supply ? group.PricePerMwh : -group.PricePerMwh);
            groupVariables[g] = variable;
        }

        var forward = new Variable[links.Length];
        var reverse = new Variable[links.Length];
        foreach (var link in links)
        {
            forward[link.Index] = AddFlow(solver, balances, link.From, link.To, link.CapacityMw, link.LossFraction, link.CostPerMwh);
            reverse[link.Index] = AddFlow(solver, balances, link.To, link.From, link.CapacityReverseMw, link.LossFraction, link.CostPerMwh);
        }

        var unserved = new Variable[regionCount];
        var spilled = new Variable[regionCount];
        for (var r = 0; r < regionCount; r++)
        {
            unserved[r] = solver.MakeNumVar(0, double.PositiveInfinity, "");
            spilled[r] = solver.MakeNumVar(0, double.PositiveInfinity, "");
            balances[r].SetCoefficient(unserved[r], 1);
            balances[r].SetCoefficient(spilled[r], -1);
            objective.SetCoefficient(unserved[r], valueOfLostLoadPerMwh);
            objective.SetCoefficient(spilled[r], valueOfLostLoadPerMwh);
        }

        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            // Unserved and spilled slacks keep every step feasible and bounded; anything else is a bug.
            throw new InvalidOperationException($"step clearing failed: solver status {status}");
        }

        var groupAccepted = new double[groups.Count];
        for (var g = 0; g < groups.Count; g++)
        {
            groupAccepted[g] = Snap(groupVariables[g].SolutionValue(), groups[g].QuantityMw);
        }
        var linkSteps = new LinkStep[links.Length];
        foreach (var link in links)
        {
            var f = Snap(forward[link.Index].SolutionValue(), link.CapacityMw);
            var b = Snap(reverse[link.Index].SolutionValue(), link.CapacityReverseMw);
            if (link.LossFraction == 0 && f > 0 && b > 0)
            {
                // Without losses, flows both ways at once are an arbitrary choice among equal optima.
                var common = Math.Min(f, b);
                f -= common;
                b -= common;
            }
            linkSteps[link.Index] = new LinkStep(f, b);
        }

        var regionSteps = new RegionStep[regionCount];
        for (var r = 0; r < regionCount; r++)
        {
            var (imports, exports) = Exchange(r, linkSteps);
            regionSteps[r] = new RegionStep(balances[r].DualValue(), 0, 0, imports, exports);
        }
        CloseBalances(book, groups, groupAccepted, regionSteps);
        book.SetAccepted(Disaggregate(book.Offers, groups, memberOf, groupAccepted));
        return (regionSteps, linkSteps);
    }

    private static Variable AddFlow(Solver solver, Constraint[] balances, int from, int to, double capacity, double loss, double cost)
    {
        var flow = solver.MakeNumVar(0, capacity, "");
        balances[from].SetCoefficient(flow, -1);
        balances[to].SetCoefficient(flow, 1 - loss);
        solver.Objective().SetCoefficient(flow, cost);
        return flow;
    }

    private (double Imports, double Exports) Exchange(int region, LinkStep[] flows)
    {
        double imports = 0, exports = 0;
        foreach (var link in links)
        {
            var flow = flows[link.Index];
            if (link.From == region)
            {
                exports += flow.ForwardMw;
                imports += flow.ReverseMw * (1 - link.LossFraction);
            }
            else if (link.To == region)
            {
                exports += flow.ReverseMw;
                imports += flow.ForwardMw * (1 - link.LossFraction);
            }
        }
        return (imports, exports);
    }

    /// <summary>
    /// Makes each region's books balance exactly after snapping: the small remainder goes to the
    /// region's unserved or spilled energy, which the solution already uses as the slack.
    /// </summary>
    private static void CloseBalances(OfferBook book, List<OfferGroup> groups, double[] accepted, RegionStep[] regions)
    {
        var net = new double[regions.Length];
        for (var r = 0; r < regions.Length; r++)
        {
            net[r] = book.FixedSupplyMw[r] - book.FixedDemandMw[r] + regions[r].ImportMw - regions[r].ExportMw;
        }
        for (var g = 0; g < groups.Count; g++)
        {
            net[groups[g].Region] += groups[g].Supply ? accepted[g] : -accepted[g];
        }
        for (var r = 0; r < regions.Length; r++)
        {
            var surplus = net[r];
            regions[r] = regions[r] with
            {
                UnservedMw = surplus < -SnapMw ? -surplus : 0,
                SpilledMw = surplus > SnapMw ? surplus : 0,
            };
            var residual = surplus + regions[r].UnservedMw - regions[r].SpilledMw;
            if (residual != 0)
            {
                // Round-off below SnapMw: put it on the largest group of the region so the balance is exact.
                var best = -1;
                for (var g = 0; g < groups.Count; g++)
                {
                    if (groups[g].Region == r && (best < 0 || accepted[g] > accepted[best]))
                    {
                        best = g;
                    }
                }
                if (best >= 0)
                {
                    var adjusted = accepted[best] + (groups[best].Supply ? -residual : residual);
                    accepted[best] = Math.Clamp(adjusted, 0, groups[best].QuantityMw);
                }
            }
        }
    }

    private static double Snap(double value, double upper)
    {
        if (value < SnapMw)
        {
            return 0;
        }
        return upper - value < SnapMw ? upper : value;
    }

    private static (List<OfferGroup> Groups, int[] MemberOf) Aggregate(IReadOnlyList<Offer> offers)
    {
        var memberOf = new int[offers.Count];
        var order = Enumerable.Range(0, offers.Count)
            .OrderBy(i => offers[i].Region).ThenBy(i => offers[i].Supply).ThenBy(i => offers[i].PricePerMwh).ThenBy(i => i)
            .ToArray();
        var groups = new List<OfferGroup>();
        foreach (var i in order)
        {
            var offer = offers[i];
            if (groups.Count > 0 && groups[^1] is var last && last.Region == offer.Region && last.Supply == offer.Supply && last.PricePerMwh == offer.PricePerMwh)
            {
                groups[^1] = last with { QuantityMw = last.QuantityMw + offer.QuantityMw };
            }
            else
            {
                groups.Add(new OfferGroup(offer.Region, offer.Supply, offer.PricePerMwh, offer.QuantityMw));
            }
            memberOf[i] = groups.Count - 1;
        }
        return (groups, memberOf);
    }

    private static double[] Disaggregate(IReadOnlyList<Offer> offers, List<OfferGroup> groups, int[] memberOf, double[] groupAccepted)
    {
        var accepted = new double[offers.Count];
        for (var i = 0; i < offers.Count; i++)
        {
            var g = memberOf[i];
            var share = groups[g].QuantityMw > 0 ? groupAccepted[g] / groups[g].QuantityMw : 0;
            accepted[i] = share >= 1 ? offers[i].QuantityMw : offers[i].QuantityMw * share;
        }
        return accepted;
    }

    private readonly record struct OfferGroup(int Region, bool Supply, double PricePerMwh, double QuantityMw);
}
