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

    public void Add(WindowReport report)
    {
        var economics = scenario.Economics;
        foreach (var asset in scenario.Assets)
        {
            var steps = report.Assets[asset.Index];
            foreach (var step in steps)
            {
                switch (asset)
                {
                    case ThermalSpec t:
                        Costs.Generation += t.MarginalCostPerMwh * step.ProducedMw * dt;
                        Costs.Carbon += economics.CarbonPricePerT * t.EmissionsTPerMwh * step.ProducedMw * dt;
                        EmissionsT += t.EmissionsTPerMwh * step.ProducedMw * dt;
                        AddCarrier(t.Carrier, step.ProducedMw * dt);
                        break;
                    case RenewableSpec r:
                        Costs.Generation += r.MarginalCostPerMwh * step.ProducedMw * dt;
                        CurtailedRenewableMwh += step.CurtailedMw * dt;
                        RenewableAvailableMwh += (step.ProducedMw + step.CurtailedMw) * dt;
                        AddCarrier(r.Carrier, step.ProducedMw * dt);
                        break;
                    case StorageSpec s:
                        Costs.StorageWear += s.CostPerMwh * step.ProducedMw * dt;
                        break;
                    case LoadSpec l:
                        Costs.LoadCurtailment += l.CurtailmentCostPerMwh * step.ShedMw * dt;
                        ShedMwh += step.ShedMw * dt;
                        break;
                    case DatacenterSpec d:
                        DatacenterFacilityMwh += step.ConsumedMw * dt;
                        DatacenterItMwh += step.ConsumedMw / d.Pue * dt;
                        break;
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
            foreach (var row in report.Regions[r])
            {
                regions[r].Add(row, dt);
                UnservedMwh += row.UnservedMw * dt;
                SpilledMwh += row.SpilledMw * dt;
                Costs.LostLoad += economics.ValueOfLostLoadPerMwh * (row.UnservedMw + row.SpilledMw) * dt;
            }
        }
        AddCompute(report);
        StepsDone += report.Steps;
        if (report.Negotiation is { } negotiation)
        {
            Windows.Add(negotiation);
        }
    }

    private void AddCompute(WindowReport report)
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
                    // Location-based attribution: the facility energy at the campus region's price and average carbon intensity.
                    var campus = (DatacenterSpec)scenario.Assets[network.Routes[w][r].Campus];
                    var row = report.Regions[campus.Region][k];
                    totals.EnergyCost += energy * campus.Pue * row.PricePerMwh;
                    totals.AttributedEmissionsT += energy * campus.Pue * row.CarbonIntensityGPerKwh / 1000;
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

    /// <summary>The work's facility energy times its campus region's average carbon intensity in each step (location-based).</summary>
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

    internal void Add(RegionRow row, double dt)
    {
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
