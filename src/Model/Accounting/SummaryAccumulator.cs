using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Accounting;

/// <summary>Adds up costs, energies and emissions window by window into the figures of summary.json.</summary>
public sealed class SummaryAccumulator
{
    /// <summary>The measures of <see cref="system"/>, by index.</summary>
    private const int Generation = 0, Carbon = 1, Wear = 2, Curtailment = 3, Emissions = 4, Curtailed = 5, Available = 6, Shed = 7;

    /// <summary>The measures of <see cref="campuses"/> (facility, IT) and of <see cref="renewables"/> (produced, available), by index.</summary>
    private const int Facility = 0, It = 1, Produced = 0, RenewableAvailable = 1;

    private const string Whole = "";

    private readonly ResolvedScenario scenario;
    private readonly double dt;
    private readonly string[] carriers;
    private readonly RegionTotals[] regions;
    private readonly ComputeNetwork network;

    /// <summary>The assets' own costs, emissions and energies over the whole system.</summary>
    private readonly LedgerGrouping system = new(_ => Whole, (e, _) => e.GenerationCost, (e, _) => e.CarbonCost, (e, _) => e.WearCost, (e, _) => e.CurtailmentCost,
        (e, _) => e.EmissionsT, (e, _) => e.CurtailedMwh, (e, _) => e.AvailableRenewableMwh, (e, _) => e.ShedMwh);

    private readonly LedgerGrouping byCarrier = new(a => a.Carrier.Length > 0 ? a.Carrier : null, (e, _) => e.ProducedMwh);

    /// <summary>The campuses' facility and IT energy.</summary>
    private readonly LedgerGrouping campuses = new(a => a is DatacenterSpec ? Whole : null, (e, _) => e.ConsumedMwh, (e, _) => e.ItMwh);

    /// <summary>Renewable generation and what could have been, by region (<see cref="AssetLedger.IsRenewable"/>).</summary>
    private readonly LedgerGrouping renewables;

    /// <summary>Every grouping above and the sectors', filled in one walk over each window's ledger.</summary>
    private readonly LedgerAggregation ledger;

    public SummaryAccumulator(ResolvedScenario scenario)
    {
        this.scenario = scenario;
        dt = scenario.StepHours;
        carriers = scenario.Carriers();
        regions = [.. scenario.Regions.Select(_ => new RegionTotals(carriers.Length))];
        network = new ComputeNetwork(scenario);
        Workloads = [.. scenario.Compute.Workloads.Select(w => new WorkloadTotals(w.Id))];
        Enterprises = new EnterpriseAccounts(scenario);
        renewables = new LedgerGrouping(a => AssetLedger.IsRenewable(a) ? scenario.Regions[a.Region].Id : null, (e, _) => e.ProducedMwh, (e, _) => e.AvailableRenewableMwh);
        ledger = new LedgerAggregation(scenario, system, byCarrier, campuses, renewables, Enterprises.SectorGrouping);
    }

    public CostBreakdown Costs { get; } = new();

    public IReadOnlyDictionary<string, double> EnergyByCarrierMwh => carriers.ToDictionary(c => c, c => byCarrier.Sum(c, 0), StringComparer.Ordinal);

    public double EmissionsT => system.Sum(Whole, Emissions);
    public double UnservedMwh { get; private set; }
    public double SpilledMwh { get; private set; }
    public double CurtailedRenewableMwh => system.Sum(Whole, Curtailed);
    public double RenewableAvailableMwh => system.Sum(Whole, Available);
    public double ShedMwh => system.Sum(Whole, Shed);
    public double DatacenterItMwh => campuses.Sum(Whole, It);
    public double DatacenterFacilityMwh => campuses.Sum(Whole, Facility);
    public int StepsDone { get; private set; }

    /// <summary>Per workload, in scenario order: what arrived, ran where, moved how much data, and was left unfinished.</summary>
    public WorkloadTotals[] Workloads { get; }
    public List<NegotiationRecord> Windows { get; } = [];

    public IReadOnlyList<RegionTotals> Regions => regions;

    public double TotalCost => Costs.Total;

    /// <summary>The enterprises' and sectors' energy, bills and emissions (docs/carbon.md).</summary>
    public EnterpriseAccounts Enterprises { get; }

    /// <summary>The summary of a run's windows, given in order.</summary>
    public static SummaryAccumulator Of(ResolvedScenario scenario, IEnumerable<WindowReport> reports)
    {
        var accounting = new WindowAccounting(scenario);
        var summary = new SummaryAccumulator(scenario);
        foreach (var report in reports)
        {
            summary.Add(accounting.Account(report));
        }
        return summary;
    }

    /// <summary>The enterprises' carbon-efficiency grades on the run so far (docs/carbon.md).</summary>
    public IReadOnlyList<CarbonGrade> Grades() => CarbonGrades.Of(scenario, Enterprises);

    /// <summary>Adds a window; windows come in order.</summary>
    public void Add(AccountedWindow window)
    {
        var report = window.Report;
        var economics = scenario.Economics;
        var factors = window.Factors;
        ledger.Add(window);
        Costs.Generation = system.Sum(Whole, Generation);
        Costs.Carbon = system.Sum(Whole, Carbon);
        Costs.StorageWear = system.Sum(Whole, Wear);
        Costs.LoadCurtailment = system.Sum(Whole, Curtailment);
        foreach (var region in scenario.Regions)
        {
            regions[region.Index].SetRenewable(renewables.Sum(region.Id, Produced), renewables.Sum(region.Id, RenewableAvailable));
        }
        foreach (var link in scenario.Links)
        {
            foreach (var flow in report.Links[link.Index])
            {
                Costs.Links += link.CostPerMwh * (flow.ForwardMw + flow.ReverseMw) * dt;
            }
        }
        for (var r = 0; r < regions.Length; r++)
        {
            for (var k = 0; k < report.Steps; k++)
            {
                var row = report.Regions[r][k];
                regions[r].Add(window.Region(r, k), dt);
                UnservedMwh += row.UnservedMw * dt;
                SpilledMwh += row.SpilledMw * dt;
                Costs.LostLoad += economics.ValueOfLostLoadPerMwh * (row.UnservedMw + row.SpilledMw) * dt;
            }
        }
        AddCompute(report, factors);
        Enterprises.Add(window);
        StepsDone += report.Steps;
        if (report.Negotiation is { } negotiation)
        {
            Windows.Add(negotiation);
        }
    }

    private void AddCompute(WindowReport report, WindowFactors factors)
    {
        for (var w = 0; w < Workloads.Length; w++)
        {
            var workload = scenario.Compute.Workloads[w];
            var totals = Workloads[w];
            for (var k = 0; k < report.Steps; k++)
            {
                totals.ArrivedMwh += workload.ArrivalMwhPerH[report.FirstStep + k] * dt;
                if (report.Compute is not { } compute)
                {
                    continue;
                }
                for (var r = 0; r < network.Routes[w].Length; r++)
                {
                    var energy = compute.RunMw[w][k][r] * dt;
                    // Location-based attribution: the facility energy at the campus region's price and average emission factor.
                    var campus = (DatacenterSpec)scenario.Assets[network.Routes[w][r].Campus];
                    var row = report.Regions[campus.Region][k];
                    totals.EnergyCost += energy * campus.Pue * row.PricePerMwh;
                    totals.AttributedEmissionsT += energy * campus.Pue * factors.AverageGPerKwh[campus.Region][k] / 1000;
                    if (network.Routes[w][r].Moves)
                    {
                        totals.MovedMwh += energy;
                        totals.DataTb += energy * workload.DataTbPerMwh;
                        var dataCost = energy * workload.DataTbPerMwh * scenario.Compute.Links[network.Routes[w][r].Link].CostPerTb;
                        Costs.ComputeData += dataCost;
                        totals.DataCost += dataCost;
                    }
                    else
                    {
                        totals.RunAtOriginMwh += energy;
                    }
                }
                totals.UnfinishedMwh += compute.UnfinishedMw[w][k] * dt;
                totals.SlaPenalty += compute.UnfinishedMw[w][k] * dt * workload.SlaPenaltyPerMwh;
                Costs.SlaPenalty += compute.UnfinishedMw[w][k] * dt * workload.SlaPenaltyPerMwh;
            }
        }
    }

    public IReadOnlyList<string> Carriers => carriers;

    public int AssetCount => scenario.Assets.Length;
}
