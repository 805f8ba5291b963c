using GridActors.Model.LinearProgramming;
using GridActors.Model.Coupling;
using GridActors.Model.Market;
using GridActors.Model.Optimization;

namespace GridActors.Model.RegionClearing;

/// <summary>
/// One region's side of a window's negotiation, held by its region grain: its own market over the
/// window and its look-ahead (its assets' bids exactly, ramps included, and each flexible asset as
/// the mix of the schedules it proposed), cleared at the net injection the coordinator asks of it.
/// Each round it also prices what its assets would do at the coordinator's prices and offers its
/// moves around its clearing. Its work grows with its own assets, never with the run's.
/// </summary>
public sealed class RegionWindow : IDisposable
{
    private readonly int[] assets;
    private readonly AssetBid[] bids;
    private readonly int[] bidOwner;
    private readonly Dictionary<int, int> localOf;
    private readonly DispatchLp lp;
    private readonly MarketTerms market;
    private readonly SortedDictionary<int, (LpConstraint Convexity, List<(Proposal Proposal, LpVariable Weight)> Columns)> flexible = [];
    private readonly int flexibleCount;
    private readonly int commitSteps;
    private readonly double valueOfLostLoadPerMwh;
    private readonly Dictionary<int, (StorageBid Bid, StorageTerms Terms)> exactStores = [];
    private readonly Dictionary<int, ShiftTerms> exactShifts = [];
    private (int Round, AssetStep[][] Steps)? latest;
    private (int Round, AssetStep[][] Steps)? best;

    /// <summary>
    /// The market of a region's <c>assets</c> (scenario indices, in the order its outcome lists them)
    /// from their <c>bids</c> over the window and its look-ahead; <c>flexibleCount</c> of them propose schedules.
    /// Stores that bid (<see cref="StorageBid"/>) and loads that bid their shiftable part (<see cref="ShiftBid"/>) are held
    /// exactly, not as mixes of their answers: the region's clearing at an injection is then its least cost.
    /// </summary>
    public RegionWindow(int[] assets, IEnumerable<AssetBid> bids, int flexibleCount, int firstStep, int steps, int commitSteps, double stepHours, double valueOfLostLoadPerMwh, LpSolverKind solver)
    {
        this.assets = assets;
        localOf = assets.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i);
        var storeBids = bids.OfType<StorageBid>().OrderBy(b => b.Asset).ToArray();
        this.bids = [.. bids.Where(b => b is not StorageBid).OrderBy(b => b.Asset)];
        bidOwner = [.. this.bids.Select(b => localOf[b.Asset])];
        this.commitSteps = commitSteps;
        this.valueOfLostLoadPerMwh = valueOfLostLoadPerMwh;
        lp = new DispatchLp(solver, 1, firstStep, steps, stepHours, "region market");
        market = new MarketTerms(lp, [], valueOfLostLoadPerMwh, lazyRamps: true);
        // The region's LP has one balance: every bid is moved to region 0 and to its local index.
        market.Build(this.bids.Select((b, i) => b with { Asset = i, Region = 0 }));
        foreach (var bid in storeBids)
        {
            var terms = StorageTerms.Add(lp.Solver, bid, stepHours, firstStep, $"a{bid.Asset}");
            for (var k = 0; k < steps; k++)
            {
                lp.Inject(0, k, terms.Discharge[k], 1);
                lp.Inject(0, k, terms.Charge[k], -1);
            }
            exactStores[localOf[bid.Asset]] = (bid, terms);
        }
        foreach (var bid in this.bids.OfType<LoadBid>().Where(b => b.Shift is not null))
        {
            var terms = ShiftTerms.Add(lp.Solver, bid.Shift!, firstStep, $"a{bid.Asset}");
            for (var k = 0; k < steps; k++)
            {
                lp.AddDemand(0, k, terms.ShiftableMw[k]);
                lp.Inject(0, k, terms.Deferred[k], 1);
                lp.Inject(0, k, terms.Recovered[k], -1);
            }
            exactShifts[localOf[bid.Asset]] = terms;
        }
        this.flexibleCount = flexibleCount - storeBids.Length - exactShifts.Count;
    }

    /// <summary>
    /// One round: adds the flexible assets' answers to <see cref="RegionRound.PricePerMwh"/> (if
    /// any) as columns, prices the region's best response to those prices, clears the region at the
    /// injection asked (on its own, taking in and sending out nothing, in the first round) and
    /// offers its moves around that clearing.
    /// </summary>
    public RegionReply Round(RegionRound round, IReadOnlyList<Proposal> answers)
    {
        if (latest is { } last && round.BestRound == last.Round)
        {
            best = last;
        }
        RegionColumn? response = null;
        var responseValue = 0.0;
        if (round.PricePerMwh is { } prices)
        {
            foreach (var answer in answers)
            {
                Add(answer);
            }
            (response, responseValue) = RegionResponse.At(bids, answers, prices, lp.StepHours);
        }
        for (var k = 0; k < lp.Steps; k++)
        {
            lp.SetExport(0, k, round.InjectionMw?[k] ?? 0);
        }
        // Energy a store holds at the end is worth the terminal price as its own answers value it.
        foreach (var (bid, terms) in exactStores.Values)
        {
            lp.Solver.Objective().SetCoefficient(terms.Energy[^1], -round.TerminalPricePerMwh * bid.DischargeEfficiency);
        }
        Solve();
        var bidSteps = market.AssetSteps(bids.Length, lp.Steps);
        var cleared = Schedules(bidSteps, lp.Steps);
        var injection = new double[lp.Steps];
        foreach (var schedule in cleared)
        {
            for (var k = 0; k < lp.Steps; k++)
            {
                injection[k] += schedule[k].ProducedMw - schedule[k].ConsumedMw;
            }
        }
        var total = lp.Solver.Objective().Value();
        // The column is the assets' own: energy the region could not balance is the coordinator's to price.
        var unbalanced = 0.0;
        for (var k = 0; k < lp.Steps; k++)
        {
            unbalanced += Math.Abs((round.InjectionMw?[k] ?? 0) - injection[k]);
        }
        var assetCost = total - unbalanced * valueOfLostLoadPerMwh * lp.StepHours;
        var (up, down) = RegionMoves.Offer(bids, [.. bidSteps.Select(s => s!)], lp.Steps);
        latest = (round.Round, [.. cleared.Select(s => s[..commitSteps])]);
        return new RegionReply(round.Round, new RegionColumn(injection, assetCost), total, up, down, response, responseValue,
            [.. lp.Prices()[0]], flexible.Count == flexibleCount);
    }

    /// <summary>The committed steps of the region's assets as cleared in <paramref name="round"/> (the best or the latest round).</summary>
    public AssetStep[][] Outcome(int round) =>
        latest is { } last && last.Round == round ? last.Steps
        : best is { } b && b.Round == round ? b.Steps
        : throw new InvalidOperationException($"region kept no clearing of round {round}");

    private void Add(Proposal proposal)
    {
        var local = localOf[proposal.Asset];
        if (exactStores.ContainsKey(local) || exactShifts.ContainsKey(local))
        {
            // The market holds this asset exactly; its answer counts in the region's response only.
            return;
        }
        if (!flexible.TryGetValue(local, out var entry))
        {
            entry = (lp.Solver.MakeConstraint(1, 1, $"mix_a{proposal.Asset}"), []);
            flexible[local] = entry;
        }
        else if (entry.Columns[^1].Proposal.InjectionMw.AsSpan().SequenceEqual(proposal.InjectionMw))
        {
            // The same schedule again adds nothing the mix could use.
            return;
        }
        var weight = lp.Variable(0, 1, $"weight_a{proposal.Asset}_{entry.Columns.Count}");
        entry.Convexity.SetCoefficient(weight, 1);
        for (var k = 0; k < proposal.InjectionMw.Length; k++)
        {
            if (proposal.InjectionMw[k] != 0)
            {
                lp.Inject(0, k, weight, proposal.InjectionMw[k]);
            }
        }
        lp.AddCost(weight, proposal.Cost);
        entry.Columns.Add((proposal, weight));
    }

    private void Solve()
    {
        var status = market.Solve();
        if (status != LpStatus.Optimal)
        {
            // With unserved and spilled energy priced the region's LP is always feasible; anything else is a solver failure.
            throw new InvalidOperationException($"the market of a region's {lp.Steps} steps from step {lp.FirstStep} could not be solved (status {status})");
        }
    }

    /// <summary>Every asset's schedule over <paramref name="steps"/> steps: its bid's clearing plus its mix of proposals.</summary>
    private AssetStep[][] Schedules(AssetStep[]?[] bidSteps, int steps)
    {
        var result = new AssetStep[assets.Length][];
        for (var i = 0; i < assets.Length; i++)
        {
            result[i] = new AssetStep[steps];
        }
        for (var b = 0; b < bids.Length; b++)
        {
            Array.Copy(bidSteps[b]!, result[bidOwner[b]], steps);
        }
        foreach (var (local, (_, terms)) in exactStores)
        {
            Array.Copy(terms.Schedule(), result[local], steps);
        }
        foreach (var (local, terms) in exactShifts)
        {
            var shifted = terms.Schedule();
            for (var k = 0; k < steps; k++)
            {
                result[local][k] = result[local][k].Plus(shifted[k]);
            }
        }
        foreach (var (local, (_, columns)) in flexible)
        {
            var weights = ColumnWeights.Of(columns.Select(c => c.Weight));
            for (var j = 0; j < columns.Count; j++)
            {
                if (weights[j] <= 0)
                {
                    continue;
                }
                for (var k = 0; k < steps; k++)
                {
                    result[local][k] = result[local][k].Plus(columns[j].Proposal.Steps[k].Times(weights[j]));
                }
            }
        }
        return result;
    }

    /// <summary>What the region's market LP cost over the window's rounds.</summary>
    public GridActors.Model.LinearProgramming.LpWork Work => lp.Solver.Work;

    public void Dispose() => lp.Dispose();
}
