using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Accounting;

/// <summary>
/// Computes the emission factors of each window, in order (it carries the carbon held in stores from one window to
/// the next). Definitions, exactly (docs/carbon.md):
/// <list type="bullet">
/// <item>Average (location-based, consumption): the carbon of everything that flows into a region's pool in a step —
/// its plants' emissions, the carbon its stores give back, and each import at its origin's own average factor per MWh
/// sent (so the importer carries the losses) — over the energy that flows in (generation, discharge, imports
/// received). One linear system per step couples the regions (proportional sharing: flow tracing).</item>
/// <item>Stores carry carbon: charging adds the energy's carbon at the region's average factor, discharge gives back
/// the stored average per MWh taken out (so a store's losses raise the factor of what it returns).</item>
/// <item>Marginal: the emissions of one more MWh of demand in the region, from the unit whose offer sets the price —
/// a plant, curtailed renewable or curtailable load whose offer equals its region's price and which can still move —
/// searched in the region, then across links that can still carry more, each hop scaled by its losses.</item>
/// </list>
/// </summary>
public sealed class EmissionFactorTracer
{
    private const double PowerTolerance = 1e-6;

    private readonly ResolvedScenario scenario;
    private readonly double dt;
    private readonly ThermalSpec[] plants;
    private readonly StorageSpec[] stores;
    private readonly AssetSpec[] priceTakers;
    private readonly double[] storedMwh;
    private readonly double[] storedCarbonT;
    private readonly double[] lastOutputMw;
    private readonly LinkSpec[][] linksOf;
    private bool started;

    public EmissionFactorTracer(ResolvedScenario scenario)
    {
        this.scenario = scenario;
        dt = scenario.StepHours;
        plants = [.. scenario.Assets.OfType<ThermalSpec>()];
        stores = [.. scenario.Assets.OfType<StorageSpec>()];
        priceTakers = [.. scenario.Assets.Where(a => a is RenewableSpec || a is LoadSpec { CurtailableFraction: > 0 })];
        storedMwh = [.. stores.Select(s => s.InitialEnergyMwh)];
        storedCarbonT = new double[stores.Length];
        lastOutputMw = [.. plants.Select(_ => double.NaN)];
        linksOf = [.. scenario.Regions.Select(r => scenario.Links.Where(l => l.From == r.Index || l.To == r.Index).ToArray())];
    }

    /// <summary>The carbon held in stores when the run started (t): their initial energy at their region's first generation intensity.</summary>
    public double CarbonAtStartT { get; private set; }

    /// <summary>The carbon held in stores now (t).</summary>
    public double StoredCarbonT => storedCarbonT.Sum();

    public WindowFactors Trace(WindowReport report)
    {
        var regions = scenario.Regions.Length;
        var average = Jagged<double>(regions, report.Steps);
        var marginal = Jagged<double>(regions, report.Steps);
        var unit = Jagged<string>(regions, report.Steps);
        if (!started)
        {
            // Energy stored at the start is taken to carry its region's generation intensity of the first step.
            for (var s = 0; s < stores.Length; s++)
            {
                storedCarbonT[s] = storedMwh[s] * report.Regions[stores[s].Region][0].CarbonIntensityGPerKwh / 1000;
            }
            CarbonAtStartT = StoredCarbonT;
            started = true;
        }
        for (var k = 0; k < report.Steps; k++)
        {
            var factor = Average(report, k);
            var margins = MarginalOffers(report, k);
            for (var r = 0; r < regions; r++)
            {
                average[r][k] = factor[r] * 1000;
                (marginal[r][k], unit[r][k]) = Marginal(report, k, r, margins.Offers, margins.Nearest);
            }
            MoveStores(report, k, factor);
            for (var p = 0; p < plants.Length; p++)
            {
                lastOutputMw[p] = report.Assets[plants[p].Index][k].ProducedMw;
            }
        }
        return new WindowFactors(average, marginal, unit);
    }

    /// <summary>Average factors of step k in t/MWh: the flow-tracing system c_r·P_r − Σ_in sent·c_origin = carbon in.</summary>
    private double[] Average(WindowReport report, int k)
    {
        var n = scenario.Regions.Length;
        var matrix = new double[n, n];
        var carbon = new double[n];
        for (var r = 0; r < n; r++)
        {
            var row = report.Regions[r][k];
            matrix[r, r] = row.GenerationMw + row.StorageDischargeMw + row.ImportMw;
            carbon[r] = row.EmissionsT / dt;
        }
        for (var s = 0; s < stores.Length; s++)
        {
            var discharge = report.Assets[stores[s].Index][k].ProducedMw;
            carbon[stores[s].Region] += discharge / stores[s].DischargeEfficiency * StoredIntensity(s);
        }
        foreach (var link in scenario.Links)
        {
            var flow = report.Links[link.Index][k];
            matrix[link.To, link.From] -= flow.ForwardMw;
            matrix[link.From, link.To] -= flow.ReverseMw;
        }
        for (var r = 0; r < n; r++)
        {
            if (matrix[r, r] <= PowerTolerance)
            {
                // Nothing flows into the region's pool, so nothing is consumed there: its factor is 0 and no one imports it.
                for (var q = 0; q < n; q++)
                {
                    matrix[r, q] = q == r ? 1 : 0;
                }
                carbon[r] = 0;
            }
        }
        return LinearSystem.Solve(matrix, carbon);
    }

    private double StoredIntensity(int s) => storedMwh[s] > PowerTolerance ? storedCarbonT[s] / storedMwh[s] : 0;

    private void MoveStores(WindowReport report, int k, double[] factor)
    {
        for (var s = 0; s < stores.Length; s++)
        {
            var step = report.Assets[stores[s].Index][k];
            var taken = step.ProducedMw * dt / stores[s].DischargeEfficiency;
            var intensity = StoredIntensity(s);
            storedMwh[s] = Math.Max(0, storedMwh[s] - taken + step.ConsumedMw * dt * stores[s].ChargeEfficiency);
            storedCarbonT[s] = storedMwh[s] > PowerTolerance
                ? Math.Max(0, storedCarbonT[s] - taken * intensity + step.ConsumedMw * dt * factor[stores[s].Region])
                : 0;
        }
    }

    /// <summary>
    /// Per region in step k: the units that set its price ((t/MWh, id), in asset order), and the plant that can rise with
    /// the offer nearest its price, the stand-in where none sets it. One pass over the plants serves every region.
    /// </summary>
    private (List<(double TPerMwh, string Id)>[] Offers, (ThermalSpec? Plant, double Distance)[] Nearest) MarginalOffers(WindowReport report, int k)
    {
        var offers = Enumerable.Range(0, scenario.Regions.Length).Select(_ => new List<(double, string)>()).ToArray();
        var nearest = new (ThermalSpec? Plant, double Distance)[offers.Length];
        Array.Fill(nearest, (null, double.PositiveInfinity));
        // Where the balance has a slack, the slack takes the next MWh (lost load served, or spilled energy used): no emissions.
        var slack = new bool[offers.Length];
        for (var r = 0; r < offers.Length; r++)
        {
            var row = report.Regions[r][k];
            if (row.UnservedMw > PowerTolerance || row.SpilledMw > PowerTolerance)
            {
                offers[r].Add((0, row.UnservedMw > PowerTolerance ? "unserved" : "spilled"));
                slack[r] = true;
            }
        }
        for (var p = 0; p < plants.Length; p++)
        {
            var plant = plants[p];
            if (!CanRise(report, k, p))
            {
                continue;
            }
            var offer = ThermalBidding.OfferPrice(plant, scenario.Economics);
            var price = report.Regions[plant.Region][k].PricePerMwh;
            if (!slack[plant.Region] && SamePrice(offer, price))
            {
                offers[plant.Region].Add((plant.EmissionsTPerMwh, plant.Id));
            }
            if (Math.Abs(offer - price) < nearest[plant.Region].Distance)
            {
                nearest[plant.Region] = (plant, Math.Abs(offer - price));
            }
        }
        foreach (var asset in priceTakers)
        {
            var at = report.Assets[asset.Index][k];
            var price = report.Regions[asset.Region][k].PricePerMwh;
            var setsPrice = asset switch
            {
                RenewableSpec v => at.CurtailedMw > PowerTolerance && SamePrice(v.MarginalCostPerMwh, price),
                LoadSpec l => at.ShedMw > PowerTolerance && SamePrice(l.CurtailmentCostPerMwh, price),
                _ => false,
            };
            if (setsPrice && !slack[asset.Region])
            {
                offers[asset.Region].Add((0, asset.Id));
            }
        }
        return (offers, nearest);
    }

    /// <summary>Whether plant p could produce a little more in step k: below its ceiling and free of its ramps on both sides.</summary>
    private bool CanRise(WindowReport report, int k, int p)
    {
        var plant = plants[p];
        var output = report.Assets[plant.Index][k].ProducedMw;
        var ceiling = plant.CapacityMw * plant.Availability[report.FirstStep + k];
        if (output >= ceiling - PowerTolerance)
        {
            return false;
        }
        var ramp = plant.RampMwPerH * dt;
        if (double.IsInfinity(ramp))
        {
            return true;
        }
        var before = k > 0 ? report.Assets[plant.Index][k - 1].ProducedMw : lastOutputMw[p];
        var after = k + 1 < report.Steps ? report.Assets[plant.Index][k + 1].ProducedMw : double.NaN;
        return !(output >= before + ramp - PowerTolerance) && !(after <= output - ramp + PowerTolerance);
    }

    private static bool SamePrice(double offer, double price) => Math.Abs(offer - price) <= 1e-6 * Math.Max(1, Math.Abs(price));

    /// <summary>
    /// The marginal factor of region r in step k (g/kWh) and the unit behind it: the nearest regions (in links that can
    /// still carry more towards r) with a price-setting unit; ties averaged. Where no unit's offer equals the price (a
    /// store, a shiftable load or a ramp sets it), the plant that can rise with the offer nearest its price stands in,
    /// marked with a leading '~'.
    /// </summary>
    private (double GPerKwh, string Unit) Marginal(WindowReport report, int k, int r, List<(double TPerMwh, string Id)>[] offers, (ThermalSpec? Plant, double Distance)[] nearest)
    {
        var scale = new double[scenario.Regions.Length];
        Array.Fill(scale, double.NaN);
        scale[r] = 1;
        var level = new List<int> { r };
        while (level.Count > 0)
        {
            var found = level.SelectMany(q => offers[q].Select(o => (TPerMwh: o.TPerMwh * scale[q], o.Id))).ToList();
            if (found.Count > 0)
            {
                return (found.Average(f => f.TPerMwh) * 1000, found[0].Id);
            }
            var next = new List<int>();
            foreach (var q in level)
            {
                foreach (var link in linksOf[q])
                {
                    if (Upstream(link, report.Links[link.Index][k], q) is { } hop && double.IsNaN(scale[hop.Region]))
                    {
                        scale[hop.Region] = scale[q] * hop.Scale;
                        next.Add(hop.Region);
                    }
                }
            }
            level = next;
        }
        return StandIn(nearest, scale);
    }

    /// <summary>
    /// The region across <paramref name="link"/> that can give region q one more MWh, and how many MWh it must produce
    /// for it: less sent away from q saves (1 − loss) at the far end, more sent towards q costs 1 / (1 − loss).
    /// </summary>
    private static (int Region, double Scale)? Upstream(LinkSpec link, Market.LinkStep flow, int q)
    {
        var kept = 1 - link.LossFraction;
        if (q == link.To)
        {
            if (flow.ReverseMw > PowerTolerance) return (link.From, kept);
            if (flow.ForwardMw < link.CapacityMw - PowerTolerance) return (link.From, 1 / kept);
        }
        else if (q == link.From)
        {
            if (flow.ForwardMw > PowerTolerance) return (link.To, kept);
            if (flow.ReverseMw < link.CapacityReverseMw - PowerTolerance) return (link.To, 1 / kept);
        }
        return null;
    }

    /// <summary>Among the regions reached, the plant whose offer is nearest its region's price (the first in asset order on a tie).</summary>
    private static (double GPerKwh, string Unit) StandIn((ThermalSpec? Plant, double Distance)[] nearest, double[] scale)
    {
        var best = nearest
            .Where((n, region) => n.Plant is not null && !double.IsNaN(scale[region]))
            .OrderBy(n => n.Distance).ThenBy(n => n.Plant!.Index)
            .FirstOrDefault();
        return best.Plant is not { } plant ? (0, "") : (plant.EmissionsTPerMwh * scale[plant.Region] * 1000, "~" + plant.Id);
    }

    private static T[][] Jagged<T>(int rows, int columns) => [.. Enumerable.Range(0, rows).Select(_ => new T[columns])];
}
