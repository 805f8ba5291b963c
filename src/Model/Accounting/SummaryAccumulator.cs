using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Accounting;

/// <summary>Adds up costs, energies and emissions window by window into the figures of summary.json.</summary>
public sealed class SummaryAccumulator(ResolvedScenario scenario)
{
    private readonly double dt = scenario.StepHours;
    private readonly string[] carriers = scenario.Carriers();
    private readonly RegionTotals[] regions = [.. scenario.Regions.Select(_ => new RegionTotals(scenario.Carriers().Length))];
    private readonly ComputeNetwork network = new(scenario);

    public CostBreakdown Costs { get; } = new();

    public Dictionary<string, double> EnergyByCarrierMwh { get; } = new(StringComparer.Ordinal);

    public double EmissionsT { get; private set; }
    public double UnservedMwh { get; private set; }
    public double SpilledMwh { get; private set; }
    public double CurtailedRenewableMwh { get; private set; }
    public double RenewableAvailableMwh { get; private set; }
    public double ShedMwh { get; private set; }
    public double DatacenterItMwh { get; private set; }
    public double DatacenterFacilityMwh { get; private set; }
    public int StepsDone { get; private set; }

    /// <summary>Per workload, in scenario order: what arrived, ran where, moved how much data, and was left unfinished.</summary>
    public WorkloadTotals[] Workloads { get; } = [.. scenario.Compute.Workloads.Select(w => new WorkloadTotals(w.Id))];
    public List<NegotiationRecord> Windows { get; } = [];

    public IReadOnlyList<RegionTotals> Regions => regions;

    public double TotalCost => Costs.Total;

    /// <summary>The enterprises' and sectors' energy, bills and emissions (docs/carbon.md).</summary>
    public EnterpriseAccounts Enterprises { get; } = new(scenario);

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
        foreach (var asset in scenario.Assets)
        {
            foreach (var entry in window.Ledger[asset.Index])
            {
                Costs.Generation += entry.GenerationCost;
                Costs.Carbon += entry.CarbonCost;
                Costs.StorageWear += entry.WearCost;
                Costs.LoadCurtailment += entry.CurtailmentCost;
                EmissionsT += entry.EmissionsT;
                CurtailedRenewableMwh += entry.CurtailedMwh;
                RenewableAvailableMwh += entry.AvailableRenewableMwh;
                ShedMwh += entry.ShedMwh;
                if (asset.Carrier.Length > 0)
                {
                    AddCarrier(asset.Carrier, entry.ProducedMwh);
                }
                if (AssetLedger.IsRenewable(asset))
                {
                    regions[asset.Region].AddRenewable(entry.ProducedMwh, entry.AvailableRenewableMwh);
                }
                if (asset is DatacenterSpec)
                {
                    DatacenterFacilityMwh += entry.ConsumedMwh;
                    DatacenterItMwh += entry.ItMwh;
                }
            }
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

    private void AddCarrier(string carrier, double mwh) =>
        EnergyByCarrierMwh[carrier] = EnergyByCarrierMwh.GetValueOrDefault(carrier) + mwh;

    public IReadOnlyList<string> Carriers => carriers;

    public int AssetCount => scenario.Assets.Length;
}
