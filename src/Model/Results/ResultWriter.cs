using System.Text;
using System.Text.Json;
using GridActors.Model.Accounting;
using GridActors.Model.Scenario;

namespace GridActors.Model.Results;

/// <summary>
/// Writes a run's result folder window by window. Everything goes to a hidden staging folder
/// beside the target and is moved into place only by <see cref="Complete"/>, so a failed or
/// interrupted run never leaves a half-written result folder behind.
/// </summary>
public sealed class ResultWriter : IDisposable
{
    private readonly ResolvedScenario scenario;
    private readonly string finalDirectory;
    private readonly string staging;
    private readonly ResultTable regions;
    private readonly ResultTable assets;
    private readonly ResultTable links;
    private readonly ResultTable datacenters;
    private readonly ResultFormat format;
    private readonly string[] carriers;
    private readonly ComputeNetwork network;
    private readonly StoredEnergy stored;
    private bool completed;

    public ResultWriter(ResolvedScenario scenario, string directory, ResultFormat format = ResultFormat.Csv)
    {
        this.scenario = scenario;
        this.format = format;
        network = new ComputeNetwork(scenario);
        stored = new StoredEnergy(scenario);
        finalDirectory = Path.GetFullPath(directory);
        if (OutputPaths.FolderProblem(directory) is { } problem)
        {
            throw new IOException(problem);
        }
        var parent = Path.GetDirectoryName(finalDirectory)!;
        Directory.CreateDirectory(parent);
        staging = Path.Combine(parent, $".{Path.GetFileName(finalDirectory)}.partial-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        carriers = scenario.Carriers();
        regions = Open("regions", ["time", "region"], ["load_mw", .. carriers.Select(c => $"{c}_mw"),
            "storage_charge_mw", "storage_discharge_mw", "storage_net_mw", "imports_mw", "exports_mw", "unserved_mw", "spilled_mw", "curtailed_mw", "shed_mw",
            "price_per_mwh", "emissions_t", "carbon_intensity_g_per_kwh", "datacenter_it_mw", "average_factor_g_per_kwh", "marginal_factor_g_per_kwh"],
            [new("marginal_unit", ColumnKind.Text), new("storage_energy_mwh", ColumnKind.Number)]);
        assets = Open("assets", ["time", "asset", "type", "region"],
            ["produced_mw", "consumed_mw", "curtailed_mw", "shed_mw", "shifted_out_mw", "shifted_in_mw", "unserved_mw"],
            [new("storage_energy_mwh", ColumnKind.OptionalNumber), .. Numeric("emissions_t", "indirect_emissions_t", "cost", "revenue")]);
        links = Open("links", ["time", "link", "from", "to"], ["flow_mw", "forward_mw", "reverse_mw", "losses_mw"], []);
        datacenters = Open("datacenters", ["time", "datacenter", "hub", "region"], ["it_mw", "facility_mw", "interactive_it_mw", "batch_it_mw", "work_received_mw"], []);
    }

    public string FinalDirectory => finalDirectory;


    private static ResultColumn[] Numeric(params string[] names) => [.. names.Select(n => new ResultColumn(n, ColumnKind.Number))];

    private ResultTable Open(string name, string[] texts, string[] numbers, ResultColumn[] rest) =>
        new(staging, name, [.. texts.Select(t => new ResultColumn(t, ColumnKind.Text)), .. Numeric(numbers), .. rest], format);

    /// <summary>Writes a window's rows; <paramref name="factors"/> are its emission factors (<see cref="SummaryAccumulator.Add"/>).</summary>
    public void Append(WindowReport report, WindowFactors factors)
    {
        var received = new double[scenario.Assets.Length];
        var storedMwh = new double[scenario.Regions.Length];
        for (var k = 0; k < report.Steps; k++)
        {
            var step = report.FirstStep + k;
            var time = Numbers.Time(scenario.TimeOf(step));
            WorkReceived(report, k, received);
            stored.At(report, k, storedMwh);
            foreach (var region in scenario.Regions)
            {
                var row = report.Regions[region.Index][k];
                regions.Text(time).Text(region.Id).Number(row.LoadMw);
                foreach (var mw in row.GenerationByCarrierMw)
                {
                    regions.Number(mw);
                }
                regions.Number(row.StorageChargeMw).Number(row.StorageDischargeMw).Number(row.StorageDischargeMw - row.StorageChargeMw)
                    .Number(row.ImportMw).Number(row.ExportMw).Number(row.UnservedMw).Number(row.SpilledMw).Number(row.CurtailedMw).Number(row.ShedMw)
                    .Number(row.PricePerMwh).Number(row.EmissionsT).Number(row.CarbonIntensityGPerKwh).Number(row.DatacenterItMw)
                    .Number(factors.AverageGPerKwh[region.Index][k]).Number(factors.MarginalGPerKwh[region.Index][k])
                    .Text(factors.MarginalUnit[region.Index][k]).Number(storedMwh[region.Index])
                    .EndRow();
            }
            foreach (var asset in scenario.Assets)
            {
                var s = report.Assets[asset.Index][k];
                var entry = AssetLedger.Entry(asset, s, scenario.StepHours, scenario.Economics);
                // Indirect: what a load or campus consumed at the region's average factor; a store passes its carbon on.
                var indirect = asset is StorageSpec ? 0 : entry.ConsumedMwh * factors.AverageGPerKwh[asset.Region][k] / 1000;
                assets.Text(time).Text(asset.Id).Text(asset.Type).Text(scenario.Regions[asset.Region].Id)
                    .Number(s.ProducedMw).Number(s.ConsumedMw).Number(s.CurtailedMw).Number(s.ShedMw).Number(s.DeferredMw).Number(s.RecoveredMw).Number(s.UnservedMw)
                    .OptionalNumber(asset is StorageSpec ? s.EnergyMwh : null)
                    .Number(entry.EmissionsT).Number(indirect).Number(entry.Cost).Number(entry.NetMwh * report.Regions[asset.Region][k].PricePerMwh)
                    .EndRow();

                if (asset is DatacenterSpec dc)
                {
                    var it = s.ConsumedMw / dc.Pue;
                    var interactive = dc.InteractiveItMw[step];
                    datacenters.Text(time).Text(dc.Id).OptionalText(dc.Hub).Text(scenario.Regions[dc.Region].Id)
                        .Number(it).Number(s.ConsumedMw).Number(interactive).Number(Math.Max(0, it - interactive)).Number(received[dc.Index])
                        .EndRow();
                }
            }
            foreach (var link in scenario.Links)
            {
                var flow = report.Links[link.Index][k];
                links.Text(time).Text(link.Id).Text(scenario.Regions[link.From].Id).Text(scenario.Regions[link.To].Id)
                    .Number(flow.NetMw).Number(flow.ForwardMw).Number(flow.ReverseMw).Number((flow.ForwardMw + flow.ReverseMw) * link.LossFraction)
                    .EndRow();
            }
        }
        foreach (var table in new[] { regions, assets, links, datacenters })
        {
            table.EndWindow();
        }
    }

    /// <summary>IT power each campus ran in step k for workloads from other origins.</summary>
    private void WorkReceived(WindowReport report, int k, double[] received)
    {
        Array.Clear(received);
        if (report.Compute is not { } compute)
        {
            return;
        }
        for (var w = 0; w < compute.RunMw.Length; w++)
        {
            for (var r = 0; r < network.Routes[w].Length; r++)
            {
                if (network.Routes[w][r].Moves)
                {
                    received[network.Routes[w][r].Campus] += compute.RunMw[w][k][r];
                }
            }
        }
    }

    /// <summary>Writes summary.json and run.json, closes the files and moves the folder into place.</summary>
    public void Complete(SummaryAccumulator summary, string mode, RunInfo info)
    {
        CloseFiles();
        var grades = CarbonGrades.Of(scenario, summary.Enterprises);
        using (var enterprises = EnterpriseTable.Open(staging, format))
        {
            EnterpriseTable.Write(enterprises, summary.Enterprises, grades);
        }
        File.WriteAllBytes(Path.Combine(staging, "summary.json"), SummaryJson.Write(scenario, summary, grades, mode));
        File.WriteAllBytes(Path.Combine(staging, "run.json"), SummaryJson.WriteRunInfo(info, summary));
        if (Directory.Exists(finalDirectory))
        {
            Directory.Delete(finalDirectory);
        }
        Directory.Move(staging, finalDirectory);
        completed = true;
    }

    private void CloseFiles()
    {
        regions.Dispose();
        assets.Dispose();
        links.Dispose();
        datacenters.Dispose();
    }

    public void Dispose()
    {
        CloseFiles();
        if (!completed && Directory.Exists(staging))
        {
            Directory.Delete(staging, recursive: true);
        }
    }
}

/// <summary>
/// How a run went: the contents of run.json, the one file that differs between identical runs. <paramref name="Lp"/> is
/// what its LPs cost, by role; <paramref name="Clearing"/> the clearing a negotiated run took (null for the optima).
/// </summary>
public sealed record RunInfo(string RunId, string Mode, double WallSeconds, int Silos, int WindowSteps, string Version, string? Solver = null, int? LookaheadSteps = null,
    IReadOnlyList<GridActors.Model.LinearProgramming.LpWork>? Lp = null, string? Clearing = null)
{
    public static string Machine => $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}

internal static class SummaryJson
{
    private static readonly JsonWriterOptions Options = new() { Indented = true };

    public static byte[] Write(ResolvedScenario scenario, SummaryAccumulator s, IReadOnlyList<CarbonGrade> grades, string mode)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            json.WriteStartObject();
            json.WriteString("scenario", scenario.Name);
            json.WriteString("mode", mode);
            json.WriteString("currency", scenario.Economics.Currency);
            json.WriteString("start", Numbers.Time(scenario.Start));
            json.WriteNumber("steps", scenario.Steps);
            json.WriteNumber("step_minutes", scenario.StepMinutes);
            Number(json, "total_cost", s.TotalCost);
            json.WriteStartObject("cost_breakdown");
            Number(json, "generation", s.Costs.Generation);
            Number(json, "carbon", s.Costs.Carbon);
            Number(json, "storage_wear", s.Costs.StorageWear);
            Number(json, "links", s.Costs.Links);
            Number(json, "load_curtailment", s.Costs.LoadCurtailment);
            Number(json, "lost_load", s.Costs.LostLoad);
            Number(json, "compute_data", s.Costs.ComputeData);
            Number(json, "sla_penalty", s.Costs.SlaPenalty);
            json.WriteEndObject();
            Number(json, "emissions_t", s.EmissionsT);
            Number(json, "unserved_mwh", s.UnservedMwh);
            Number(json, "spilled_mwh", s.SpilledMwh);
            Number(json, "curtailed_renewable_mwh", s.CurtailedRenewableMwh);
            Number(json, "renewable_available_mwh", s.RenewableAvailableMwh);
            Number(json, "curtailment_percent", s.RenewableAvailableMwh > 0 ? 100 * s.CurtailedRenewableMwh / s.RenewableAvailableMwh : 0);
            Number(json, "load_shed_mwh", s.ShedMwh);
            json.WriteStartObject("energy_by_carrier_mwh");
            foreach (var carrier in s.Carriers)
            {
                Number(json, carrier, s.EnergyByCarrierMwh.GetValueOrDefault(carrier));
            }
            json.WriteEndObject();
            json.WriteStartObject("regions");
            foreach (var region in scenario.Regions)
            {
                var r = s.Regions[region.Index];
                json.WriteStartObject(region.Id);
                json.WriteString("name", region.Name);
                if (region.Latitude is { } latitude && region.Longitude is { } longitude)
                {
                    json.WriteNumber("latitude", latitude);
                    json.WriteNumber("longitude", longitude);
                }
                Number(json, "load_mwh", r.LoadMwh);
                Number(json, "generation_mwh", r.GenerationMwh);
                Number(json, "imports_mwh", r.ImportMwh);
                Number(json, "exports_mwh", r.ExportMwh);
                Number(json, "unserved_mwh", r.UnservedMwh);
                Number(json, "spilled_mwh", r.SpilledMwh);
                Number(json, "curtailed_mwh", r.CurtailedMwh);
                Number(json, "shed_mwh", r.ShedMwh);
                Number(json, "emissions_t", r.EmissionsT);
                Number(json, "mean_price_per_mwh", r.MeanPricePerMwh);
                Number(json, "load_weighted_price_per_mwh", r.LoadWeightedPricePerMwh);
                Number(json, "consumption_emissions_t", r.ConsumptionEmissionsT);
                Number(json, "average_factor_g_per_kwh", r.AverageFactorGPerKwh);
                Number(json, "marginal_factor_g_per_kwh", r.MarginalFactorGPerKwh);
                Number(json, "renewable_share_percent", r.RenewableSharePercent);
                Number(json, "curtailment_percent", r.CurtailmentPercent);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteStartObject("datacenters");
            Number(json, "it_energy_mwh", s.DatacenterItMwh);
            Number(json, "facility_energy_mwh", s.DatacenterFacilityMwh);
            Number(json, "work_arrived_mwh", s.Workloads.Sum(w => w.ArrivedMwh));
            Number(json, "work_run_at_origin_mwh", s.Workloads.Sum(w => w.RunAtOriginMwh));
            Number(json, "work_moved_mwh", s.Workloads.Sum(w => w.MovedMwh));
            Number(json, "work_unfinished_mwh", s.Workloads.Sum(w => w.UnfinishedMwh));
            Number(json, "data_moved_tb", s.Workloads.Sum(w => w.DataTb));
            json.WriteStartObject("workloads");
            foreach (var w in s.Workloads)
            {
                json.WriteStartObject(w.Id);
                Number(json, "arrived_mwh", w.ArrivedMwh);
                Number(json, "run_at_origin_mwh", w.RunAtOriginMwh);
                Number(json, "moved_mwh", w.MovedMwh);
                Number(json, "data_tb", w.DataTb);
                Number(json, "unfinished_mwh", w.UnfinishedMwh);
                Number(json, "cost", w.Cost);
                Number(json, "attributed_emissions_t", w.AttributedEmissionsT);
                json.WriteEndObject();
            }
            json.WriteEndObject();
            json.WriteEndObject();
            EnterpriseTable.WriteJson(json, s.Enterprises, grades);
            RegionRankings.WriteJson(json, scenario, s);
            json.WriteStartArray("windows");
            foreach (var w in s.Windows)
            {
                json.WriteStartObject();
                json.WriteNumber("first_step", w.FirstStep);
                json.WriteNumber("rounds", w.Rounds);
                json.WriteBoolean("converged", w.Converged);
                Number(json, "gap", w.Gap);
                json.WriteNumber("relative_gap", w.RelativeGap);
                Number(json, "last_price_change_per_mwh", w.LastPriceChangePerMwh);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// "lp": per role, first solves (cold) apart from re-solves of a kept model (hot), with their iterations, seconds
    /// (summed over solves that may overlap on several cores) and the mean per solve.
    /// </summary>
    private static void WriteLp(Utf8JsonWriter json, IReadOnlyList<GridActors.Model.LinearProgramming.LpWork> lp)
    {
        json.WriteStartObject("lp");
        foreach (var work in lp)
        {
            json.WriteStartObject(work.Role);
            Solves(json, "cold", work.ColdSolves, work.ColdIterations, work.ColdSeconds);
            Solves(json, "hot", work.HotSolves, work.HotIterations, work.HotSeconds);
            json.WriteEndObject();
        }
        json.WriteEndObject();

        static void Solves(Utf8JsonWriter json, string kind, int solves, long iterations, double seconds)
        {
            json.WriteStartObject(kind);
            json.WriteNumber("solves", solves);
            json.WriteNumber("iterations", iterations);
            json.WriteNumber("seconds", Math.Round(seconds, 3));
            json.WriteNumber("ms_per_solve", solves > 0 ? Math.Round(1000 * seconds / solves, 3) : 0);
            json.WriteEndObject();
        }
    }

    public static byte[] WriteRunInfo(RunInfo info, SummaryAccumulator s)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            var assetSteps = (double)s.StepsDone * s.AssetCount;
            json.WriteStartObject();
            json.WriteString("run_id", info.RunId);
            json.WriteString("mode", info.Mode);
            if (info.Clearing is not null)
            {
                json.WriteString("clearing", info.Clearing);
            }
            json.WriteNumber("wall_seconds", Math.Round(info.WallSeconds, 3));
            json.WriteNumber("steps", s.StepsDone);
            json.WriteNumber("assets", s.AssetCount);
            json.WriteNumber("asset_steps_per_second", info.WallSeconds > 0 ? Math.Round(assetSteps / info.WallSeconds) : 0);
            json.WriteNumber("window_steps", info.WindowSteps);
            if (info.LookaheadSteps is { } lookahead)
            {
                json.WriteNumber("lookahead_steps", lookahead);
            }
            json.WriteNumber("negotiation_rounds", s.Windows.Sum(w => w.Rounds));
            if (s.Windows.Count > 0)
            {
                // The run grain's own work, without waiting for other grains or storage (see NegotiationRecord).
                var coordinator = s.Windows.Sum(w => w.CoordinatorSeconds);
                json.WriteNumber("coordinator_seconds", Math.Round(coordinator, 3));
                json.WriteNumber("coordinator_share", info.WallSeconds > 0 ? Math.Round(coordinator / info.WallSeconds, 4) : 0);
            }
            if (info.Solver is not null)
            {
                json.WriteString("solver", info.Solver);
            }
            if (info.Lp is { Count: > 0 } lp)
            {
                WriteLp(json, lp);
            }
            json.WriteNumber("silos", info.Silos);
            json.WriteString("machine", RunInfo.Machine);
            json.WriteString("version", info.Version);
            json.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static void Number(Utf8JsonWriter json, string name, double value) => json.WriteNumber(name, Numbers.Round(value));
}
