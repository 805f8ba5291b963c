using GridActors.Model.Coupling;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Optimization;

namespace GridActors.Model.RegionClearing;

/// <summary>
/// One region's side of a window's negotiation, held by its region grain: its own market over the
/// window and its look-ahead (its assets' bids exactly: ramps, stores and shiftable demand included),
/// cleared at the net injection the coordinator asks of it. Each round it also prices what its
/// assets would do at the coordinator's prices, and sends its stores' and shiftable loads' part of
/// both. Its work grows with its own assets, never with the run's.
/// </summary>
public sealed class RegionWindow : IDisposable
{
    private readonly int[] assets;
    private readonly AssetBid[] bids;
    private readonly int[] bidOwner;
    private readonly Dictionary<int, int> localOf;
    private readonly DispatchLp lp;
    private readonly MarketTerms market;
    private readonly int commitSteps;
    /// <summary>The region's stores by their index in it (their answers' energy left is valued at their efficiency).</summary>
    private readonly Dictionary<int, StorageBid> storeOf;
    private readonly List<(ExactPool<StorageBid> Pool, StorageTerms Terms)> storePools = [];
    private readonly List<(ExactPool<ShiftBid> Pool, ShiftTerms Terms)> shiftPools = [];
    private readonly RegionCurve curve;
    /// <summary>The market's columns and rows as built, before any ramp row a solution broke was added.</summary>
    private readonly int builtColumns;
    private readonly int builtRows;
    private (int Round, AssetStep[][] Steps)? latest;
    private (int Round, AssetStep[][] Steps)? best;

    /// <summary>
    /// The market of a region's <c>assets</c> (scenario indices, in the order its outcome lists them)
    /// from their <c>bids</c> over the window and its look-ahead. Stores (<see cref="StorageBid"/>) and loads' shiftable
    /// part (<see cref="ShiftBid"/>) are held exactly, those that differ only in size as one (<see cref="ExactPools"/>): the
    /// region's clearing at an injection is its least cost. The market is built alike in every window of the same length
    /// (every offer pool a column, <see cref="MarketTerms"/>), so that <paramref name="start"/>, the previous window's
    /// <see cref="FirstBasis"/>, can start its first clearing.
    /// </summary>
    public RegionWindow(int[] assets, IEnumerable<AssetBid> bids, int firstStep, int steps, int commitSteps, double stepHours, double valueOfLostLoadPerMwh, LpSolverKind solver,
        PackedBasis? start = null)
    {
        this.assets = assets;
        localOf = assets.Select((a, i) => (a, i)).ToDictionary(x => x.a, x => x.i);
        var storeBids = bids.OfType<StorageBid>().OrderBy(b => b.Asset).ToArray();
        this.bids = [.. bids.Where(b => b is not StorageBid).OrderBy(b => b.Asset)];
        bidOwner = [.. this.bids.Select(b => localOf[b.Asset])];
        this.commitSteps = commitSteps;
        lp = new DispatchLp(solver, 1, firstStep, steps, stepHours, "region market");
        market = new MarketTerms(lp, [], valueOfLostLoadPerMwh, stableShape: true, lazyRamps: true);
        // The region's LP has one balance: every bid is moved to region 0 and to its local index.
        market.Build(this.bids.Select((b, i) => b with { Asset = i, Region = 0 }));
        storeOf = storeBids.ToDictionary(b => localOf[b.Asset]);
        foreach (var pool in ExactPools.OfStores(storeBids.Select(b => (localOf[b.Asset], b))))
        {
            var terms = StorageTerms.Add(lp.Solver, pool.Bid, stepHours, firstStep, $"a{pool.Bid.Asset}");
            for (var k = 0; k < steps; k++)
            {
                lp.Inject(0, k, terms.Discharge[k], 1);
                lp.Inject(0, k, terms.Charge[k], -1);
            }
            storePools.Add((pool, terms));
        }
        var shifts = this.bids.OfType<LoadBid>().Where(b => b.Shift is not null).Select(b => (localOf[b.Asset], b.Shift!));
        foreach (var pool in ExactPools.OfShifts(shifts))
        {
            var terms = ShiftTerms.Add(lp.Solver, pool.Bid, firstStep, $"a{assets[pool.Members[0].Local]}");
            for (var k = 0; k < steps; k++)
            {
                lp.AddDemand(0, k, terms.ShiftableMw[k]);
                lp.Inject(0, k, terms.Deferred[k], 1);
                lp.Inject(0, k, terms.Recovered[k], -1);
            }
            shiftPools.Add((pool, terms));
        }
        curve = RegionCurves.Of(this.bids, steps, stepHours);
        builtColumns = lp.Solver.NumVariables();
        builtRows = lp.Solver.NumConstraints();
        // A window's market is the previous one's a day on: the same rows and columns, other bounds and costs. Its first
        // clearing from the previous window's basis took half the simplex iterations, and no presolve (docs/performance.md).
        // A basis of another shape (the first window, a shorter last one, stores pooled otherwise) is not taken.
        lp.Solver.StartFrom(start?.Unpack());
    }

    /// <summary>
    /// The basis of the window's first clearing (the region on its own) on the market as built, without the ramp rows
    /// added since: the start of the next window's first clearing, which solves the same problem a day later.
    /// </summary>
    public PackedBasis? FirstBasis { get; private set; }

    /// <summary>
    /// One round: prices the region's best response to <see cref="RegionRound.PricePerMwh"/> (if any) from its
    /// stores' and shiftable loads' <paramref name="answers"/> to them, and clears the region at the injection asked
    /// (on its own, taking in and sending out nothing, in the first round).
    /// </summary>
    public RegionReply Round(RegionRound round, IReadOnlyList<Proposal> answers)
    {
        if (latest is { } last && round.BestRound == last.Round)
        {
            best = last;
        }
        FlexibleColumn? responseFlexible = null;
        var responseValue = 0.0;
        if (round.PricePerMwh is { } prices)
        {
            responseValue = RegionResponse.At(bids, answers, prices, lp.StepHours);
            responseFlexible = Flexible(answers, round.TerminalPricePerMwh);
        }
        for (var k = 0; k < lp.Steps; k++)
        {
            lp.SetExport(0, k, round.InjectionMw?[k] ?? 0);
        }
        // Energy a store holds at the end is worth the terminal price as its own answers value it.
        foreach (var (pool, terms) in storePools)
        {
            lp.Solver.Objective().SetCoefficient(terms.Energy[^1], -round.TerminalPricePerMwh * pool.Bid.DischargeEfficiency);
        }
        Solve();
        if (round.Round == 0 && LpBasisProjection.FirstPart(lp.Solver, builtColumns, builtRows) is { } first)
        {
            FirstBasis = PackedBasis.Of(first);
        }
        var cleared = Schedules(market.AssetSteps(bids.Length, lp.Steps), lp.Steps);
        latest = (round.Round, [.. cleared.Select(s => s[..commitSteps])]);
        // The cost includes energy the region could not balance, at the value of lost load: the clearing is feasible as it stands.
        return new RegionReply(round.Round, lp.Solver.Objective().Value(), ClearedFlexible(), responseFlexible, responseValue,
            round.Round == 0 ? curve : null);
    }

    /// <summary>The stores' and shiftable loads' answers taken together, the energy left at the end apart from their cost.</summary>
    private FlexibleColumn Flexible(IReadOnlyList<Proposal> answers, double terminalPricePerMwh)
    {
        var injection = new double[lp.Steps];
        var cost = 0.0;
        var held = 0.0;
        foreach (var answer in answers)
        {
            for (var k = 0; k < injection.Length; k++)
            {
                injection[k] += answer.InjectionMw[k];
            }
            cost += answer.Cost;
            if (storeOf.TryGetValue(localOf[answer.Asset], out var store))
            {
                // A store's answer counts its energy left at the terminal price in its cost; the column keeps it apart.
                var left = answer.Steps[^1].EnergyMwh * store.DischargeEfficiency;
                held += left;
                cost += terminalPricePerMwh * left;
            }
        }
        return new FlexibleColumn(injection, cost, held);
    }

    /// <summary>The stores' and shiftable loads' part of the region's clearing.</summary>
    private FlexibleColumn ClearedFlexible()
    {
        var injection = new double[lp.Steps];
        var cost = 0.0;
        var held = 0.0;
        foreach (var (pool, terms) in storePools)
        {
            for (var k = 0; k < injection.Length; k++)
            {
                var discharge = terms.Discharge[k].SolutionValue();
                injection[k] += discharge - terms.Charge[k].SolutionValue();
                cost += pool.Bid.WearPerMwh * lp.StepHours * discharge;
            }
            held += terms.Energy[^1].SolutionValue() * pool.Bid.DischargeEfficiency;
        }
        foreach (var (_, terms) in shiftPools)
        {
            var shifted = terms.Schedule();
            for (var k = 0; k < injection.Length; k++)
            {
                injection[k] -= shifted[k].ConsumedMw;
            }
        }
        return new FlexibleColumn(injection, cost, held);
    }

    /// <summary>The committed steps of the region's assets as cleared in <paramref name="round"/> (the best or the latest round).</summary>
    public AssetStep[][] Outcome(int round) =>
        latest is { } last && last.Round == round ? last.Steps
        : best is { } b && b.Round == round ? b.Steps
        : throw new InvalidOperationException($"region kept no clearing of round {round}");

    private void Solve()
    {
        var status = market.Solve();
        if (status != LpStatus.Optimal)
        {
            // With unserved and spilled energy priced the region's LP is always feasible; anything else is a solver failure.
            throw SolverFailedException.For(lp.Solver, $"market of a region's {lp.Steps} steps from step {lp.FirstStep}", status);
        }
    }

    /// <summary>Every asset's schedule over <paramref name="steps"/> steps: its bid's clearing, and a load's shiftable part.</summary>
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
        foreach (var (pool, terms) in storePools)
        {
            AddShares(result, pool.Members, terms.Schedule(), steps);
        }
        foreach (var (pool, terms) in shiftPools)
        {
            AddShares(result, pool.Members, terms.Schedule(), steps);
        }
        return result;
    }

    /// <summary>Adds to each member of a pool its share of the pool's schedule; a pool of one adds its asset's own, bit for bit.</summary>
    private static void AddShares<TBid>(AssetStep[][] result, ExactPool<TBid>.Member[] members, AssetStep[] schedule, int steps)
    {
        foreach (var (local, share) in members)
        {
            for (var k = 0; k < steps; k++)
            {
                result[local][k] = result[local][k].Plus(share == 1 ? schedule[k] : schedule[k].Times(share));
            }
        }
    }

    /// <summary>What the region's market LP cost over the window's rounds.</summary>
    public GridActors.Model.LinearProgramming.LpWork Work => lp.Solver.Work;

    public void Dispose() => lp.Dispose();
}
