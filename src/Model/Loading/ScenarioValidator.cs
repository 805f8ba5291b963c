using System.Globalization;
using GridActors.Model.Documents;

namespace GridActors.Model.Loading;

/// <summary>
/// Checks that need more than one field: unique ids, references between sections, and the
/// format's cross-field rules. Range and type checks already happened while binding.
/// </summary>
public sealed class ScenarioValidator(ICollection<ScenarioError> errors, ScenarioLimits limits)
{
    /// <summary>
    /// Whether the scenario is small enough to expand: its steps and assets × steps within <see cref="ScenarioLimits"/>,
    /// and its horizon ending before the calendar does. Checked before any profile is expanded.
    /// </summary>
    public bool CheckSize(ScenarioDoc doc)
    {
        if (doc.Horizon is not { Steps: > 0, StepMinutes: > 0 } horizon)
        {
            return false;
        }
        var fits = true;
        if (horizon.Steps > limits.MaxSteps)
        {
            Error(horizon, "steps", $"{horizon.Steps:N0} steps are more than the {limits.MaxSteps:N0} this installation runs ({ScenarioLimits.StepsVariable} or the API's Api:MaxSteps raise it)");
            fits = false;
        }
        var assets = (long)(doc.Assets?.Count ?? 0) + (doc.Compute?.Workloads?.Count ?? 0);
        var assetSteps = assets * horizon.Steps;
        if (fits && assetSteps > limits.MaxAssetSteps)
        {
            Error(horizon, "steps", $"{assets:N0} assets and workloads × {horizon.Steps:N0} steps are {assetSteps:N0} asset-steps, more than the {limits.MaxAssetSteps:N0} this installation runs ({ScenarioLimits.AssetStepsVariable} or the API's Api:MaxAssetSteps raise it)");
            fits = false;
        }
        var minutes = (double)horizon.Steps * horizon.StepMinutes;
        if (fits && (DateTimeOffset.MaxValue - horizon.Start).TotalMinutes < minutes + 1440)
        {
            Error(horizon, "steps", "the horizon would end after the year 9999");
            fits = false;
        }
        return fits;
    }

    public void Check(ScenarioDoc doc)
    {
        // format is bound only when it is 1 (its field's range), so any other is one error, from the binder.
        if (doc.Horizon is { } horizon && horizon.Has("step_minutes") && horizon.StepMinutes > 0 && 1440 % horizon.StepMinutes != 0)
        {
            Error(horizon, "step_minutes", $"must divide 1440 (a day), got {horizon.StepMinutes}");
        }

        var regions = doc.Regions ?? [];
        var regionIds = Unique(regions, r => r.Id, "region");
        if (doc.Has("regions") && regions.Count == 0)
        {
            Error(doc, "regions", "at least one region is needed");
        }
        var profiles = doc.Profiles ?? [];

        Unique(doc.Links ?? [], l => l.Id, "link");
        foreach (var link in doc.Links ?? [])
        {
            Reference(link, "from", link.From, regionIds, "region");
            Reference(link, "to", link.To, regionIds, "region");
            if (link.From.Length > 0 && link.From == link.To)
            {
                Error(link, "to", $"a link must join two different regions (both ends are '{link.To}')");
            }
        }

        var assets = doc.Assets ?? [];
        Unique(assets, a => a.Id, "asset");
        foreach (var asset in assets)
        {
            Reference(asset, "region", asset.Region, regionIds, "region");
            CheckAsset(asset, profiles);
        }

        if (doc.Compute is { } compute)
        {
            CheckCompute(compute, assets, profiles);
        }
        CheckEnterprises(doc.Enterprises ?? [], assets);
        if (doc.CarbonEfficiency is { } grading)
        {
            CheckCarbonEfficiency(grading);
        }
    }

    private void CheckEnterprises(List<EnterpriseDoc> enterprises, List<AssetDoc> assets)
    {
        Unique(enterprises, e => e.Id, "enterprise");
        var owners = assets.Select(a => a.Owner).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var enterprise in enterprises)
        {
            if (enterprise.Id.Length > 0 && !owners.Contains(enterprise.Id))
            {
                Error(enterprise, "id", $"no asset has owner '{ErrorText.Quote(enterprise.Id)}'{ClosestName.Hint(enterprise.Id, owners)}");
            }
            if (enterprise.ValueAddedPerYear is not null && enterprise.ValueAddedPerMwh is not null)
            {
                Error(enterprise, "value_added_per_mwh", "give value_added_per_year or value_added_per_mwh, not both");
            }
        }
    }

    private void CheckCarbonEfficiency(CarbonEfficiencyDoc grading)
    {
        if (grading.Thresholds is { } thresholds)
        {
            if (thresholds.Count != 4)
            {
                Error(grading, "thresholds", $"expected 4 values (the upper ends of grades 1 to 4), got {thresholds.Count}");
            }
            else if (thresholds.Zip(thresholds.Skip(1)).Any(p => p.Second <= p.First))
            {
                Error(grading, "thresholds", $"must increase, got [{string.Join(", ", thresholds.Select(Num))}]");
            }
        }
        if (grading.Levels is { } levels)
        {
            if (levels.Count != 2)
            {
                Error(grading, "levels_t_per_10k", $"expected 2 values (the upper ends of the low and the medium carbon level), got {levels.Count}");
            }
            else if (levels[1] <= levels[0])
            {
                Error(grading, "levels_t_per_10k", $"must increase, got [{string.Join(", ", levels.Select(Num))}]");
            }
        }
        foreach (var (sector, benchmark) in grading.Benchmarks ?? [])
        {
            if (!Sectors.Contains(sector))
            {
                Error(grading, "benchmarks_t_per_10k", $"unknown sector '{ErrorText.Quote(sector)}'{ClosestName.Hint(sector, Sectors)}");
            }
            else if (!(benchmark > 0))
            {
                Error(grading, "benchmarks_t_per_10k", $"the benchmark of {sector} must be above 0, got {Num(benchmark)}");
            }
        }
    }

    /// <summary>The sectors an enterprise can belong to: the loads' sectors and data centers.</summary>
    private static readonly string[] Sectors = DocType.FieldsOf(typeof(EnterpriseDoc)).Single(f => f.Attribute.Name == "sector").Attribute.OneOf!;

    private void CheckAsset(AssetDoc asset, Dictionary<string, ProfileDoc> profiles)
    {
        switch (asset)
        {
            case ThermalDoc thermal:
                OptionalProfile(thermal, "availability", thermal.Availability, profiles);
                if (thermal.MinOutputMw > thermal.CapacityMw)
                {
                    Error(thermal, "min_output_mw", $"must not exceed capacity_mw ({Num(thermal.CapacityMw)}), got {Num(thermal.MinOutputMw)}");
                }
                break;
            case RenewableDoc renewable:
                Reference(renewable, "profile", renewable.Profile, profiles.Keys, "profile");
                break;
            case LoadDoc load:
                Reference(load, "profile", load.Profile, profiles.Keys, "profile");
                if (load.CurtailableFraction + load.ShiftableFraction > 1 + 1e-12)
                {
                    Error(load, "shiftable_fraction", $"curtailable_fraction + shiftable_fraction must be at most 1, got {Num(load.CurtailableFraction + load.ShiftableFraction)}");
                }
                if (load.CurtailableFraction > 0 && load.CurtailmentCostPerMwh is null)
                {
                    Error(load, "curtailment_cost_per_mwh", "required when curtailable_fraction > 0");
                }
                if (load.ShiftableFraction > 0 && load.ShiftWindowH is null)
                {
                    Error(load, "shift_window_h", "required when shiftable_fraction > 0");
                }
                break;
            case DatacenterDoc datacenter:
                OptionalProfile(datacenter, "interactive_profile", datacenter.InteractiveProfile, profiles);
                if (datacenter.InteractiveItMw > datacenter.ItCapacityMw)
                {
                    Error(datacenter, "interactive_it_mw", $"must not exceed it_capacity_mw ({Num(datacenter.ItCapacityMw)}), got {Num(datacenter.InteractiveItMw)}");
                }
                break;
        }
    }

    private void CheckCompute(ComputeDoc compute, List<AssetDoc> assets, Dictionary<string, ProfileDoc> profiles)
    {
        var campuses = assets.OfType<DatacenterDoc>().Select(d => d.Id).ToHashSet(StringComparer.Ordinal);
        var pairs = new HashSet<(string, string)>();
        foreach (var link in compute.Links ?? [])
        {
            Reference(link, "from", link.From, campuses, "datacenter asset");
            Reference(link, "to", link.To, campuses, "datacenter asset");
            var pair = string.CompareOrdinal(link.From, link.To) < 0 ? (link.From, link.To) : (link.To, link.From);
            if (link.From == link.To && link.From.Length > 0)
            {
                Error(link, "to", $"a compute link must join two different campuses (both ends are '{link.To}')");
            }
            else if (!pairs.Add(pair))
            {
                Error(link, "to", $"a compute link between '{link.From}' and '{link.To}' is already defined");
            }
        }
        Unique(compute.Workloads ?? [], w => w.Id, "workload");
        foreach (var workload in compute.Workloads ?? [])
        {
            Reference(workload, "origin", workload.Origin, campuses, "datacenter asset");
            OptionalProfile(workload, "profile", workload.Profile, profiles);
        }
    }

    private HashSet<string> Unique<T>(IEnumerable<T> items, Func<T, string> id, string what) where T : DocNode
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            var value = id(item);
            if (value.Length > 0 && !seen.Add(value))
            {
                Error(item, "id", $"duplicate {what} id '{ErrorText.Quote(value)}'");
            }
        }
        return seen;
    }

    private void OptionalProfile(DocNode node, string field, string? name, Dictionary<string, ProfileDoc> profiles)
    {
        if (name is not null)
        {
            Reference(node, field, name, profiles.Keys, "profile");
        }
    }

    private void Reference(DocNode node, string field, string value, IEnumerable<string> known, string what)
    {
        if (value.Length == 0 || known.Contains(value))
        {
            return;
        }
        Error(node, field, $"unknown {what} '{ErrorText.Quote(value)}'{ClosestName.Hint(value, known)}");
    }

    private void Error(DocNode node, string field, string message) =>
        errors.Add(new ScenarioError(node.LocationOf(field), node.PathOf(field), message));

    private static string Num(double value) => value.ToString(CultureInfo.InvariantCulture);
}
