using GridActors.Model.Optimization;

namespace GridActors.Model.Coupling;

/// <summary>
/// The regions' bid curves in the coordinator's LP, with a column only for the offers the solution may move. The
/// curves of a 10,000-asset run hold about 260,000 offers (31 regions × 48 steps × up to 48 blocks and 128 plant
/// groups), and every simplex iteration of the coordinator's re-solves priced all of them, though in each region and
/// step only the few near its price ever move: those cheaper are used in full, those dearer not at all. So each
/// offer starts as assumed (taken when it is cheaper than the price expected, in the base of its balance row, else
/// not), and only the <see cref="OpenAround"/> nearest the expected price on either side get columns. After a
/// solve, an offer without a column whose assumption the prices contradict (<see cref="CurveOffer.Mispriced"/>) gets
/// one, with its neighbours, and the LP is solved again (<see cref="OpenMispriced"/>): a column added at zero leaves
/// the basis primal feasible, and when no offer is mispriced the solution is optimal for the whole curve, since every
/// offer without a column has the reduced cost its assumption needs. This is the sifting of large LPs (a working set
/// of columns, priced out against the rest), with the merit order telling which columns to take in first.
/// </summary>
internal sealed class CurveOffers
{
    /// <summary>Offers with columns from the start on each side of the expected price, and added with a mispriced one.</summary>
    public const int OpenAround = 4;

    private readonly DispatchLp lp;
    private readonly int openAround;

    /// <summary>Per region and step, every offer by ascending price.</summary>
    private readonly CurveOffer[][][] byPrice;

    public CurveOffers(DispatchLp lp, RegionCurve[] curves, double[][] expectedPrices, int openAround = OpenAround)
    {
        this.lp = lp;
        this.openAround = openAround;
        Blocks = new CurveOffer[curves.Length][][];
        Groups = new CurveOffer[curves.Length][][];
        byPrice = new CurveOffer[curves.Length][][];
        for (var r = 0; r < curves.Length; r++)
        {
            var curve = curves[r];
            Blocks[r] = new CurveOffer[lp.Steps][];
            Groups[r] = new CurveOffer[curve.Plants.Length][];
            for (var g = 0; g < curve.Plants.Length; g++)
            {
                Groups[r][g] = new CurveOffer[lp.Steps];
            }
            byPrice[r] = new CurveOffer[lp.Steps][];
            for (var k = 0; k < lp.Steps; k++)
            {
                var expected = expectedPrices[r][k];
                Blocks[r][k] = [.. curve.Blocks[k].Select(b => new CurveOffer(b.Mw, b.PricePerMwh, b.PricePerMwh < expected))];
                for (var g = 0; g < curve.Plants.Length; g++)
                {
                    var group = curve.Plants[g];
                    Groups[r][g][k] = new CurveOffer(group.RoomMw[k], group.PricePerMwh[k], group.PricePerMwh[k] < expected);
                }
                // Equal prices keep blocks before groups and each in its order: the same on every run.
                byPrice[r][k] = [.. Blocks[r][k].Concat(Groups[r].Select(g => g[k])).OrderBy(o => o.PricePerMwh)];
                lp.AddDemand(r, k, -curve.BaseMw[k] - byPrice[r][k].Where(o => o.Taken).Sum(o => o.Mw));
                TakenCost += byPrice[r][k].Where(o => o.Taken).Sum(o => o.Mw * o.PricePerMwh * lp.StepHours);
                OpenNear(r, k, expected);
            }
        }
    }

    /// <summary>Per region, step and block: the block's offer.</summary>
    public CurveOffer[][][] Blocks { get; }

    /// <summary>Per region, plant group and step: the group's offer of its room above its floor.</summary>
    public CurveOffer[][][] Groups { get; }

    /// <summary>How many offers have columns: the part of the curves the coordinator's LP holds.</summary>
    public int Opened { get; private set; }

    /// <summary>Gives the offer its column, if it has none: more of it, or less of it when it is taken.</summary>
    public void Open(int r, int k, CurveOffer offer, string name)
    {
        if (offer.Column is not null)
        {
            return;
        }
        var column = lp.Variable(0, offer.Mw, name);
        lp.Inject(r, k, column, offer.Sign);
        lp.AddEnergyCost(column, offer.Sign * offer.PricePerMwh);
        offer.Column = column;
        Opened++;
    }

    /// <summary>
    /// Gives a column to every offer the last solution's <paramref name="prices"/> say is mispriced, with the
    /// <see cref="OpenAround"/> nearest the price on either side of it in that region and step; returns how many
    /// offers were mispriced (0: the solution is optimal for the whole curves).
    /// </summary>
    public int OpenMispriced(double[][] prices)
    {
        var mispriced = 0;
        for (var r = 0; r < byPrice.Length; r++)
        {
            for (var k = 0; k < lp.Steps; k++)
            {
                var found = 0;
                foreach (var offer in byPrice[r][k])
                {
                    if (offer.Mispriced(prices[r][k]))
                    {
                        Open(r, k, offer, Name(r, k));
                        found++;
                    }
                }
                if (found > 0)
                {
                    OpenNear(r, k, prices[r][k]);
                    mispriced += found;
                }
            }
        }
        return mispriced;
    }

    /// <summary>What the taken offers cost in full: the part of the curves' cost that is a constant of the LP (currency).</summary>
    public double TakenCost { get; }

    /// <summary>What the offers with columns cost in the last solution: the curves' part of the LP's objective (currency).</summary>
    public double ColumnCost()
    {
        var cost = 0.0;
        foreach (var offer in byPrice.SelectMany(r => r).SelectMany(k => k))
        {
            if (offer.Column is { } column)
            {
                cost += offer.Sign * column.SolutionValue() * offer.PricePerMwh * lp.StepHours;
            }
        }
        return cost;
    }

    /// <summary>What the offers of region <paramref name="r"/> inject above its base in each step, in the last solution (MW).</summary>
    public double[] Output(int r) => [.. byPrice[r].Select(step => step.Sum(o => o.OutputMw))];

    /// <summary>The <see cref="OpenAround"/> offers nearest <paramref name="price"/> below it and at or above it, given columns.</summary>
    private void OpenNear(int r, int k, double price)
    {
        var offers = byPrice[r][k];
        var above = Array.FindIndex(offers, o => o.PricePerMwh >= price);
        if (above < 0)
        {
            above = offers.Length;
        }
        for (var i = Math.Max(0, above - openAround); i < Math.Min(offers.Length, above + (long)openAround); i++)
        {
            Open(r, k, offers[i], Name(r, k));
        }
    }

    private string Name(int r, int k) => $"offer_r{r}_t{lp.FirstStep + k}_{Opened}";
}
