using System.Text.Json;
using GridActors.Model.Accounting;
using GridActors.Model.Scenario;

namespace GridActors.Model.Output;

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
            var energyByCarrier = s.EnergyByCarrierMwh;
            foreach (var carrier in s.Carriers)
            {
                Number(json, carrier, energyByCarrier[carrier]);
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
    /// (summed over solves that may overlap on several cores) and the mean per solve; and how many solves failed and were
    /// made again from scratch or by the interior point (<see cref="GridActors.Model.LinearProgramming.LpModel.Solve"/>).
    /// </summary>
    private static void WriteLp(Utf8JsonWriter json, IReadOnlyList<GridActors.Model.LinearProgramming.LpWork> lp)
    {
        json.WriteStartObject("lp");
        foreach (var work in lp)
        {
            json.WriteStartObject(work.Role);
            Solves(json, "cold", work.ColdSolves, work.ColdIterations, work.ColdSeconds);
            Solves(json, "hot", work.HotSolves, work.HotIterations, work.HotSeconds);
            json.WriteNumber("retried", work.Retried);
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
