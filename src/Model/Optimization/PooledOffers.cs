using GridActors.Model.LinearProgramming;

namespace GridActors.Model.Optimization;

/// <summary>
/// Offers with no tie between steps (renewable output, shed load), pooled by region, step and
/// price into one variable each: equal offers then share acceptance pro rata, which is fair and
/// deterministic, where separate variables would leave the split to the solver.
/// </summary>
public sealed class PooledOffers
{
    private readonly List<(int Owner, int Region, int K, double PricePerMwh, double QuantityMw)> offers = [];
    private readonly Dictionary<(int Region, int K, double Price), int> poolOf = [];
    private readonly List<(int Region, int K, double PricePerMwh, double QuantityMw, LpVariable? Variable)> pools = [];
    private int[] offerPool = [];

    /// <summary>Adds an offer of up to <paramref name="quantityMw"/> MW at a price; returns its handle.</summary>
    public int Add(int owner, int region, int k, double pricePerMwh, double quantityMw)
    {
        offers.Add((owner, region, k, pricePerMwh, Math.Max(0, quantityMw)));
        return offers.Count - 1;
    }

    /// <summary>
    /// Creates the pooled variables as supply in the balances, at their prices. Empty pools get no variable, unless
    /// <paramref name="keepEmpty"/>: then every model built from offers of the same assets has the same shape, and one
    /// window of a rolling optimum can start from the previous window's basis.
    /// </summary>
    public void Build(DispatchLp lp, string label, bool keepEmpty = false)
    {
        offerPool = new int[offers.Count];
        for (var i = 0; i < offers.Count; i++)
        {
            var o = offers[i];
            var key = (o.Region, o.K, o.PricePerMwh);
            if (!poolOf.TryGetValue(key, out var pool))
            {
                pool = pools.Count;
                poolOf[key] = pool;
                pools.Add((o.Region, o.K, o.PricePerMwh, 0, null));
            }
            pools[pool] = pools[pool] with { QuantityMw = pools[pool].QuantityMw + o.QuantityMw };
            offerPool[i] = pool;
        }
        for (var p = 0; p < pools.Count; p++)
        {
            var pool = pools[p];
            if (pool.QuantityMw <= 0 && !keepEmpty)
            {
                continue;
            }
            var variable = lp.Variable(0, pool.QuantityMw, $"{label}_r{pool.Region}_t{lp.FirstStep + pool.K}_{p}");
            lp.Inject(pool.Region, pool.K, variable, 1);
            lp.AddEnergyCost(variable, pool.PricePerMwh);
            pools[p] = pool with { Variable = variable };
        }
    }

    /// <summary>The accepted MW of an offer after the solve: its pro-rata share of its pool.</summary>
    public double Accepted(int handle)
    {
        var (_, _, _, quantity, variable) = pools[offerPool[handle]];
        if (variable is null || quantity <= 0)
        {
            return 0;
        }
        var share = Math.Clamp(Snap.Value(variable.SolutionValue(), 0, quantity) / quantity, 0, 1);
        return offers[handle].QuantityMw * share;
    }
}
