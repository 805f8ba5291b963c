using GridActors.Model.Accounting;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Results;

/// <summary>Adds up costs, energies and emissions window by window into the figures of summary.json.</summary>
public sealed class SummaryAccumulator(ResolvedScenario scenario)
{
    private readonly double dt = scenario.StepHours;
    private readonly string[] carriers = scenario.Carriers();
    private readonly RegionTotals[] regions = [.. scenario.Regions.Select(_ => new RegionTotals())];
    private readonly ComputeNetwork network = new(scenario);
    private readonly EmissionFactorTracer tracer = new(scenario);

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

    /// <summary>The emission factors of the window added last: what live clients are shown beside its steps.</summary>
    public WindowFactors? LatestFactors { get; private set; }

    /// <summary>Adds a window (windows must come in order: stores carry carbon from one to the next); returns its emission factors.</summary>
    public WindowFactors Add(WindowReport report)
    {
        var economics = scenario.Economics;
        var factors = tracer.Trace(report);
        LatestFactors = factors;
        foreach (var asset in scenario.Assets)
        {
            foreach (var step in report.Assets[asset.Index])
            {
                var entry = AssetLedger.Entry(asset, step, dt, economics);
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
                regions[r].Add(row, dt, factors.AverageGPerKwh[r][k], factors.MarginalGPerKwh[r][k]);
                UnservedMwh += row.UnservedMw * dt;
                SpilledMwh += row.SpilledMw * dt;
                Costs.LostLoad += economics.ValueOfLostLoadPerMwh * (row.UnservedMw + row.SpilledMw) * dt;
            }
        }
        AddCompute(report, factors);
        Enterprises.Add(report, factors);
        StepsDone += report.Steps;
        if (report.Negotiation is { } negotiation)
        {
            Windows.Add(negotiation);
        }
        return factors;
    }

    private void AddCompute(WindowReport report, WindowFactors factors)
    {
        var dt = scenario.StepHours;
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

/// <summary>One workload's compute over the run.</summary>
public sealed class WorkloadTotals(string id)
{
    public string Id { get; } = id;
    public double ArrivedMwh { get; internal set; }
    public double RunAtOriginMwh { get; internal set; }
    public double MovedMwh { get; internal set; }
    public double DataTb { get; internal set; }
    public double UnfinishedMwh { get; internal set; }

    /// <summary>The work's facility energy valued at its campus region's price in each step.</summary>
    public double EnergyCost { get; internal set; }

    public double DataCost { get; internal set; }

    public double SlaPenalty { get; internal set; }

    /// <summary>What running the work cost: energy at the regions' prices, data moved and SLA penalties.</summary>
    public double Cost => EnergyCost + DataCost + SlaPenalty;

    /// <summary>The work's facility energy times its campus region's average (flow-traced) emission factor in each step (location-based).</summary>
    public double AttributedEmissionsT { get; internal set; }
}

/// <summary>The system cost by the terms of the format.</summary>
public sealed class CostBreakdown
{
    public double Generation { get; set; }
    public double Carbon { get; set; }
    public double StorageWear { get; set; }
    public double Links { get; set; }
    public double LoadCurtailment { get; set; }
    public double LostLoad { get; set; }
    public double ComputeData { get; set; }
    public double SlaPenalty { get; set; }

    public double Total => Generation + Carbon + StorageWear + Links + LoadCurtailment + LostLoad + ComputeData + SlaPenalty;
}

/// <summary>A region's totals over the run.</summary>
public sealed class RegionTotals
{
    public double LoadMwh { get; private set; }
    public double GenerationMwh { get; private set; }
    public double ImportMwh { get; private set; }
    public double ExportMwh { get; private set; }
    public double UnservedMwh { get; private set; }
    public double SpilledMwh { get; private set; }
    public double CurtailedMwh { get; private set; }
    public double ShedMwh { get; private set; }
    public double EmissionsT { get; private set; }
    public double PriceSum { get; private set; }
    public double LoadWeightedPriceSum { get; private set; }
    public int Steps { get; private set; }

    public double MeanPricePerMwh => Steps == 0 ? 0 : PriceSum / Steps;

    public double LoadWeightedPricePerMwh => LoadMwh == 0 ? MeanPricePerMwh : LoadWeightedPriceSum / LoadMwh;

    /// <summary>Load served in the region (load minus unserved energy).</summary>
    public double ServedMwh { get; private set; }

    /// <summary>The served load at the region's average (flow-traced) emission factor in each step: the carbon of what it consumed.</summary>
    public double ConsumptionEmissionsT { get; private set; }

    /// <summary>The served load at the region's marginal emission factor in each step.</summary>
    public double MarginalEmissionsT { get; private set; }

    /// <summary>Renewable generation (<see cref="AssetLedger.IsRenewable"/>).</summary>
    public double RenewableMwh { get; private set; }

    /// <summary>What the region's wind, solar and run-of-river could have produced.</summary>
    public double RenewableAvailableMwh { get; private set; }

    public double RenewableSharePercent => GenerationMwh > 0 ? 100 * RenewableMwh / GenerationMwh : 0;

    public double CurtailmentPercent => RenewableAvailableMwh > 0 ? 100 * CurtailedMwh / RenewableAvailableMwh : 0;

    internal void AddRenewable(double producedMwh, double availableMwh)
    {
        RenewableMwh += producedMwh;
        RenewableAvailableMwh += availableMwh;
    }

    public double AverageFactorGPerKwh => ServedMwh > 0 ? ConsumptionEmissionsT / ServedMwh * 1000 : 0;

    public double MarginalFactorGPerKwh => ServedMwh > 0 ? MarginalEmissionsT / ServedMwh * 1000 : 0;

    internal void Add(RegionRow row, double dt, double averageGPerKwh, double marginalGPerKwh)
    {
        var served = (row.LoadMw - row.UnservedMw) * dt;
        ServedMwh += served;
        ConsumptionEmissionsT += served * averageGPerKwh / 1000;
        MarginalEmissionsT += served * marginalGPerKwh / 1000;
        LoadMwh += row.LoadMw * dt;
        GenerationMwh += row.GenerationMw * dt;
        ImportMwh += row.ImportMw * dt;
        ExportMwh += row.ExportMw * dt;
        UnservedMwh += row.UnservedMw * dt;
        SpilledMwh += row.SpilledMw * dt;
        CurtailedMwh += row.CurtailedMw * dt;
        ShedMwh += row.ShedMw * dt;
        EmissionsT += row.EmissionsT;
        PriceSum += row.PricePerMwh;
        LoadWeightedPriceSum += row.PricePerMwh * row.LoadMw * dt;
        Steps++;
    }
}
