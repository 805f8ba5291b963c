using GridActors.Model.Scenario;

namespace GridActors.Model.Accounting;

/// <summary>
/// One enterprise (the <c>owner</c> of assets) over the run: its energy, its bill at the market's prices, and its
/// emissions, Scope 1 and Scope 2 three ways (docs/carbon.md). Energies in MWh, emissions in t, money in the scenario's
/// currency.
/// </summary>
public sealed class EnterpriseTotals(string id, string sector, string[] regions)
{
    public string Id { get; } = id;
    public string Sector { get; } = sector;
    public string[] Regions { get; } = regions;

    /// <summary>What its loads and campuses consumed.</summary>
    public double ConsumptionMwh { get; internal set; }

    /// <summary>What its plants and renewables produced.</summary>
    public double OwnGenerationMwh { get; internal set; }

    /// <summary>Taken from the grid: per region and step, consumption plus its stores' charging minus their discharge and its own generation, where positive.</summary>
    public double PurchasedMwh { get; internal set; }

    /// <summary>Given to the grid: the same balance where negative.</summary>
    public double SoldMwh { get; internal set; }

    /// <summary>Its net purchases at the region's price in each step (sales earn the price).</summary>
    public double EnergyBill { get; internal set; }

    /// <summary>Its assets' own operating cost: fuel, carbon, wear, curtailment.</summary>
    public double OperatingCost { get; internal set; }

    /// <summary>Scope 1: what its own plants emitted.</summary>
    public double DirectEmissionsT { get; internal set; }

    /// <summary>Scope 2, location-based: its consumption at the region's average factor, whatever it owns.</summary>
    public double LocationBasedT { get; internal set; }

    /// <summary>Scope 2, market-based: only its purchases at the region's average factor (its own generation and stores counted first).</summary>
    public double MarketBasedT { get; internal set; }

    /// <summary>Scope 2, marginal (consequential): its net purchases at the region's marginal factor; its sales are credited.</summary>
    public double MarginalT { get; internal set; }

    /// <summary>What its own renewables produced (<see cref="AssetLedger.IsRenewable"/>).</summary>
    public double OwnRenewableMwh { get; internal set; }

    /// <summary>Its own renewable output at the region's average factor: the grid carbon it displaces.</summary>
    public double DisplacedT { get; internal set; }

    /// <summary>Scope 1 plus location-based Scope 2: what it burns and the grid mix of what it consumes.</summary>
    public double GrossCarbonT => DirectEmissionsT + LocationBasedT;

    /// <summary>
    /// The carbon its grade is measured on: <see cref="GrossCarbonT"/> less what its own zero-carbon generation displaces,
    /// as the Zhejiang grading method counts an enterprise's emissions (docs/carbon.md).
    /// </summary>
    public double CarbonT => GrossCarbonT - DisplacedT;
}

/// <summary>
/// A sector over the run: every load of the sector (and every campus, as <c>datacenter</c>), owned or not: what it
/// consumed, at its regions' prices and at their average and marginal emission factors in each step.
/// </summary>
public sealed class SectorTotals(string id, LedgerGrouping sectors)
{
    /// <summary>The measures of <see cref="Grouping"/>, by index.</summary>
    private const int Consumption = 0, Bill = 1, LocationBased = 2, Marginal = 3;

    public string Id { get; } = id;
    public int Enterprises { get; internal set; }
    public double ConsumptionMwh => sectors.Sum(Id, Consumption);
    public double EnergyBill => sectors.Sum(Id, Bill);
    public double LocationBasedT => sectors.Sum(Id, LocationBased);
    public double MarginalT => sectors.Sum(Id, Marginal);

    /// <summary>The sectors' consumption, bill and carbon, each asset in its sector (<paramref name="sectorOf"/>), measures in the order of their indices above.</summary>
    internal static LedgerGrouping Grouping(Func<AssetSpec, string?> sectorOf) => new(sectorOf, (e, _) => e.ConsumedMwh, (e, r) => e.ConsumedMwh * r.Row.PricePerMwh,
        (e, r) => e.ConsumedMwh * r.AverageFactorGPerKwh / 1000, (e, r) => e.ConsumedMwh * r.MarginalFactorGPerKwh / 1000);
}

/// <summary>Adds each window's asset steps, at the window's prices and emission factors, into enterprise totals; sector totals by <see cref="SectorGrouping"/>.</summary>
public sealed class EnterpriseAccounts
{
    /// <summary>The sector of campuses, which the format's load sectors do not name.</summary>
    public const string DatacenterSector = "datacenter";

    private readonly ResolvedScenario scenario;
    private readonly (EnterpriseTotals Totals, int Region, AssetSpec[] Assets)[] holdings;
    private readonly Dictionary<string, SectorTotals> sectors = new(StringComparer.Ordinal);

    public EnterpriseAccounts(ResolvedScenario scenario)
    {
        this.scenario = scenario;
        var owned = scenario.Assets.Where(a => a.Owner is not null).GroupBy(a => a.Owner!, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
        var list = new List<(EnterpriseTotals, int, AssetSpec[])>();
        var enterprises = new List<EnterpriseTotals>();
        foreach (var group in owned)
        {
            var regions = group.Select(a => a.Region).Distinct().Order().ToArray();
            var declared = scenario.CarbonGrading.Enterprises.FirstOrDefault(e => e.Id == group.Key);
            var totals = new EnterpriseTotals(group.Key, declared?.Sector ?? SectorOf(group), [.. regions.Select(r => scenario.Regions[r].Id)]);
            enterprises.Add(totals);
            list.AddRange(regions.Select(r => (totals, r, group.Where(a => a.Region == r).ToArray())));
        }
        holdings = [.. list];
        Enterprises = enterprises;
        foreach (var asset in scenario.Assets)
        {
            if (ConsumerSector(asset) is { } sector && !sectors.ContainsKey(sector))
            {
                sectors[sector] = new SectorTotals(sector, SectorGrouping);
            }
        }
        foreach (var enterprise in enterprises)
        {
            if (sectors.TryGetValue(enterprise.Sector, out var sector))
            {
                sector.Enterprises++;
            }
        }
    }

    /// <summary>
    /// The sectors' consumption, bill and carbon, by sector (<see cref="ConsumerSector"/>), filled by the run's one walk
    /// over each window's ledger (<see cref="SummaryAccumulator"/>).
    /// </summary>
    public LedgerGrouping SectorGrouping { get; } = SectorTotals.Grouping(ConsumerSector);

    /// <summary>Enterprises in the order of their ids.</summary>
    public IReadOnlyList<EnterpriseTotals> Enterprises { get; }

    /// <summary>Sectors in the order of their ids.</summary>
    public IEnumerable<SectorTotals> Sectors => sectors.Values.OrderBy(s => s.Id, StringComparer.Ordinal);

    /// <summary>
    /// An enterprise's sector when the scenario does not give it: that of its largest load by energy over the horizon, else
    /// <c>datacenter</c> for one that owns campuses, else <c>other</c>.
    /// </summary>
    private static string SectorOf(IEnumerable<AssetSpec> assets)
    {
        var largest = assets.OfType<LoadSpec>().OrderByDescending(l => l.DemandMw.Sum()).ThenBy(l => l.Index).FirstOrDefault();
        return largest?.Sector ?? (assets.Any(a => a is DatacenterSpec) ? DatacenterSector : "other");
    }

    private static string? ConsumerSector(AssetSpec asset) => asset switch
    {
        LoadSpec l => l.Sector,
        DatacenterSpec => DatacenterSector,
        _ => null,
    };

    public void Add(AccountedWindow window)
    {
        var report = window.Report;
        var factors = window.Factors;
        foreach (var (totals, region, assets) in holdings)
        {
            var rows = report.Regions[region];
            for (var k = 0; k < report.Steps; k++)
            {
                double consumed = 0, stored = 0, generated = 0;
                foreach (var asset in assets)
                {
                    var entry = window.Entry(asset, k);
                    totals.DirectEmissionsT += entry.EmissionsT;
                    totals.OperatingCost += entry.Cost;
                    switch (asset)
                    {
                        case StorageSpec:
                            stored += entry.ConsumedMwh - entry.ProducedMwh;
                            break;
                        case LoadSpec or DatacenterSpec:
                            consumed += entry.ConsumedMwh;
                            break;
                        default:
                            generated += entry.ProducedMwh;
                            if (AssetLedger.IsRenewable(asset))
                            {
                                totals.OwnRenewableMwh += entry.ProducedMwh;
                                totals.DisplacedT += entry.ProducedMwh * factors.AverageGPerKwh[region][k] / 1000;
                            }
                            break;
                    }
                }
                var net = consumed + stored - generated;
                var average = factors.AverageGPerKwh[region][k] / 1000;
                totals.ConsumptionMwh += consumed;
                totals.OwnGenerationMwh += generated;
                totals.PurchasedMwh += Math.Max(net, 0);
                totals.SoldMwh += Math.Max(-net, 0);
                totals.EnergyBill += net * rows[k].PricePerMwh;
                totals.LocationBasedT += consumed * average;
                totals.MarketBasedT += Math.Max(net, 0) * average;
                totals.MarginalT += net * factors.MarginalGPerKwh[region][k] / 1000;
            }
        }
    }
}
