using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// The market side of a dispatch LP, built from bids: thermal plants with floors, ceilings and
/// ramps linking the steps; renewables and curtailable demand as pooled offers; fixed demand; the
/// links with capacity both ways, losses at the receiving end and a cost per MWh sent; unserved
/// and spilled energy at the value of lost load, which keep every balance feasible.
/// </summary>
public sealed class MarketTerms
{
    private readonly DispatchLp lp;
    private readonly LinkSpec[] links;
    private readonly double valueOfLostLoadPerMwh;
    private readonly PooledOffers pooled = new();
    private readonly List<(AssetBid Bid, LpVariable[]? Output, int[] Handles)> entries = [];
    private LpVariable[][] forward = [];
    private LpVariable[][] reverse = [];

    private readonly bool stableShape;
    private readonly bool lazyRamps;

    /// <summary>Plants whose ramp rows wait until a solution breaks them.</summary>
    private List<(ThermalBid Bid, LpVariable[] Output)> waitingRamps = [];

    /// <summary>
    /// The market terms of <paramref name="lp"/>; with <paramref name="stableShape"/> every offer pool gets a column, even an
    /// empty one, so that models of equal length have one shape (<see cref="PooledOffers.Build"/>). With
    /// <paramref name="lazyRamps"/> the ramp rows of plants that ramp at least half their range in a step are added
    /// only when a solution breaks them (<see cref="Solve"/>): for a model kept and re-solved hot, where a row added
    /// costs a few dual simplex iterations and a row left out makes every iteration cheaper.
    /// </summary>
    public MarketTerms(DispatchLp lp, LinkSpec[] links, double valueOfLostLoadPerMwh, bool stableShape = false, bool lazyRamps = false)
    {
        this.stableShape = stableShape;
        this.lazyRamps = lazyRamps;
        this.lp = lp;
        this.links = links;
        this.valueOfLostLoadPerMwh = valueOfLostLoadPerMwh;
    }

    /// <summary>Adds the bids (arrays cover the LP's steps), then the links and slacks; call once.</summary>
    public void Build(IEnumerable<AssetBid> bids)
    {
        foreach (var bid in bids.OrderBy(b => b.Asset))
        {
            entries.Add(bid switch
            {
                ThermalBid t => (t, AddThermal(t), []),
                RenewableBid r => (r, null, [.. Enumerable.Range(0, lp.Steps).Select(k => pooled.Add(r.Asset, r.Region, k, r.PricePerMwh, r.AvailableMw[k]))]),
                LoadBid l => (l, null, AddLoad(l)),
                FixedDemandBid d => (d, null, AddFixedDemand(d)),
                _ => throw new ArgumentException($"unknown bid type {bid.GetType().Name}", nameof(bids)),
            });
        }
        pooled.Build(lp, "offer", stableShape);
        AddLinks();
        AddSlacks();
    }

    private LpVariable[] AddThermal(ThermalBid bid)
    {
        var output = new LpVariable[lp.Steps];
        for (var k = 0; k < lp.Steps; k++)
        {
            output[k] = lp.Variable(bid.FloorMw[k], bid.CeilingMw[k], $"output_a{bid.Asset}_t{lp.FirstStep + k}");
            lp.Inject(bid.Region, k, output[k], 1);
            lp.AddEnergyCost(output[k], bid.PricePerMwh[k]);
        }
        if (double.IsPositiveInfinity(bid.RampMwPerStep))
        {
            return output;
        }
        if (lazyRamps && bid.CeilingMw.Length > 0 && bid.RampMwPerStep >= LazyRampShare * (bid.CeilingMw.Max() - bid.FloorMw.Min()))
        {
            waitingRamps.Add((bid, output));
            return output;
        }
        for (var k = 0; k < lp.Steps; k++)
        {
            AddRamp(bid, output, k);
        }
        return output;
    }

    /// <summary>The share of its range a plant must ramp in a step for its ramp rows to wait (<see cref="MarketTerms(DispatchLp, LinkSpec[], double, bool, bool)"/>).</summary>
    private const double LazyRampShare = 0.5;

    /// <summary>|p(t) - p(t-1)| ≤ ramp; the first step ramps from the output before the range, if any.</summary>
    private void AddRamp(ThermalBid bid, LpVariable[] output, int k)
    {
        var ramp = bid.RampMwPerStep;
        var name = $"ramp_a{bid.Asset}_t{lp.FirstStep + k}";
        if (k > 0)
        {
            var row = lp.Solver.MakeConstraint(-ramp, ramp, name);
            row.SetCoefficient(output[k], 1);
            row.SetCoefficient(output[k - 1], -1);
        }
        else if (bid.PreviousOutputMw is { } previous)
        {
            var row = lp.Solver.MakeConstraint(previous - ramp, previous + ramp, name);
            row.SetCoefficient(output[k], 1);
        }
    }

    /// <summary>
    /// Solves until no waiting ramp row is broken: each solution that breaks some gets those rows and is solved
    /// again, hot. The last solution keeps every ramp, and since it is optimal without the rows still waiting, it
    /// is optimal with them (their duals are zero): the same optimum as the LP with every row.
    /// </summary>
    public LpStatus Solve(CancellationToken cancellation = default)
    {
        while (true)
        {
            var status = lp.Solve(cancellation);
            if (status != LpStatus.Optimal || AddBrokenRamps() == 0)
            {
                return status;
            }
        }
    }

    /// <summary>Gives every plant whose ramp the solution breaks all its ramp rows: a plant that needed one tends to need more, and each re-solve costs as much as many rows.</summary>
    private int AddBrokenRamps()
    {
        var stillWaiting = new List<(ThermalBid Bid, LpVariable[] Output)>();
        foreach (var (bid, output) in waitingRamps)
        {
            if (!Breaks(bid, output))
            {
                stillWaiting.Add((bid, output));
                continue;
            }
            for (var k = 0; k < output.Length; k++)
            {
                AddRamp(bid, output, k);
            }
        }
        var added = waitingRamps.Count - stillWaiting.Count;
        waitingRamps = stillWaiting;
        return added;
    }

    private static bool Breaks(ThermalBid bid, LpVariable[] output)
    {
        var before = bid.PreviousOutputMw;
        foreach (var step in output)
        {
            var now = step.SolutionValue();
            if (before is { } last && Math.Abs(now - last) > bid.RampMwPerStep + RampToleranceMw)
            {
                return true;
            }
            before = now;
        }
        return false;
    }

    /// <summary>A ramp broken by less than this (MW) is the solver's round-off, not a broken ramp.</summary>
    private const double RampToleranceMw = 1e-6;

    private int[] AddLoad(LoadBid bid)
    {
        var handles = new int[lp.Steps];
        for (var k = 0; k < lp.Steps; k++)
        {
            // Curtailable demand is demand with an offer to shed it at its curtailment cost.
            lp.AddDemand(bid.Region, k, bid.FixedMw[k] + bid.CurtailableMw[k]);
            handles[k] = pooled.Add(bid.Asset, bid.Region, k, bid.CurtailmentPricePerMwh, bid.CurtailableMw[k]);
        }
        return handles;
    }

    private int[] AddFixedDemand(FixedDemandBid bid)
    {
        for (var k = 0; k < lp.Steps; k++)
        {
            lp.AddDemand(bid.Region, k, bid.DemandMw[k]);
        }
        return [];
    }

    private void AddLinks()
    {
        forward = new LpVariable[links.Length][];
        reverse = new LpVariable[links.Length][];
        foreach (var link in links)
        {
            forward[link.Index] = new LpVariable[lp.Steps];
            reverse[link.Index] = new LpVariable[lp.Steps];
            for (var k = 0; k < lp.Steps; k++)
            {
                forward[link.Index][k] = AddFlow(link.From, link.To, link.CapacityMw, link, k, "forward");
                reverse[link.Index][k] = AddFlow(link.To, link.From, link.CapacityReverseMw, link, k, "reverse");
            }
        }
    }

    private LpVariable AddFlow(int from, int to, double capacity, LinkSpec link, int k, string direction)
    {
        var flow = lp.Variable(0, capacity, $"flow_{link.Id}_{direction}_t{lp.FirstStep + k}");
        lp.Inject(from, k, flow, -1);
        lp.Inject(to, k, flow, 1 - link.LossFraction);
        lp.AddEnergyCost(flow, link.CostPerMwh);
        return flow;
    }

    private void AddSlacks()
    {
        for (var r = 0; r < lp.Regions; r++)
        {
            for (var k = 0; k < lp.Steps; k++)
            {
                var unserved = lp.Variable(0, double.PositiveInfinity, $"unserved_r{r}_t{lp.FirstStep + k}");
                var spilled = lp.Variable(0, double.PositiveInfinity, $"spilled_r{r}_t{lp.FirstStep + k}");
                lp.Inject(r, k, unserved, 1);
                lp.Inject(r, k, spilled, -1);
                lp.AddEnergyCost(unserved, valueOfLostLoadPerMwh);
                lp.AddEnergyCost(spilled, valueOfLostLoadPerMwh);
            }
        }
    }

    /// <summary>What each bidding asset did in the first <paramref name="steps"/> steps, by asset index (null: no bid).</summary>
    public AssetStep[]?[] AssetSteps(int assetCount, int steps)
    {
        var result = new AssetStep[]?[assetCount];
        foreach (var (bid, output, handles) in entries)
        {
            var schedule = new AssetStep[steps];
            for (var k = 0; k < steps; k++)
            {
                schedule[k] = bid switch
                {
                    ThermalBid t => new AssetStep(Snap.Value(output![k].SolutionValue(), t.FloorMw[k], t.CeilingMw[k]), 0, 0, 0, 0, 0, 0, 0),
                    RenewableBid r => Renewable(r.AvailableMw[k], pooled.Accepted(handles[k])),
                    LoadBid l => Load(l.FixedMw[k], l.CurtailableMw[k], pooled.Accepted(handles[k])),
                    FixedDemandBid d => new AssetStep(0, d.DemandMw[k], 0, 0, 0, 0, 0, 0),
                    _ => default,
                };
            }
            result[bid.Asset] = schedule;
        }
        return result;
    }

    private static AssetStep Renewable(double available, double produced) =>
        new(produced, 0, Math.Max(0, available - produced), 0, 0, 0, 0, 0);

    private static AssetStep Load(double fixedMw, double curtailableMw, double shedMw) =>
        new(0, fixedMw + curtailableMw - shedMw, 0, shedMw, 0, 0, 0, 0);

    /// <summary>Flows on every link in the first <paramref name="steps"/> steps.</summary>
    public LinkStep[][] LinkSteps(int steps)
    {
        var result = new LinkStep[links.Length][];
        foreach (var link in links)
        {
            result[link.Index] = new LinkStep[steps];
            for (var k = 0; k < steps; k++)
            {
                var f = Snap.Value(forward[link.Index][k].SolutionValue(), 0, link.CapacityMw);
                var b = Snap.Value(reverse[link.Index][k].SolutionValue(), 0, link.CapacityReverseMw);
                if (link.LossFraction == 0 && f > 0 && b > 0)
                {
                    // Without losses, flows both ways at once are an arbitrary choice among equal optima.
                    var common = Math.Min(f, b);
                    f -= common;
                    b -= common;
                }
                result[link.Index][k] = new LinkStep(f, b);
            }
        }
        return result;
    }
}
