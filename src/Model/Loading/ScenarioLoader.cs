using GridActors.Model.Documents;
using GridActors.Model.Scenario;

namespace GridActors.Model.Loading;

/// <summary>
/// The one entry point from a file to a runnable scenario: read YAML with includes, bind,
/// validate, expand profiles. Every error is collected; nothing is returned unless all is well.
/// </summary>
public static class ScenarioLoader
{
    /// <summary>Loads and validates; throws <see cref="ScenarioException"/> with every error found.</summary>
    public static ResolvedScenario Load(string path)
    {
        var (scenario, errors) = TryLoad(path);
        return scenario ?? throw new ScenarioException(errors);
    }

    public static (ResolvedScenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryLoad(string path, ScenarioLimits? limits = null) =>
        TryLoad(YamlSourceTree.Load(path, limits));

    /// <summary>
    /// Loads a scenario sent as text (an upload), named <paramref name="displayName"/> in errors; the files it names
    /// resolve against <paramref name="directory"/> and must lie inside it.
    /// </summary>
    public static (ResolvedScenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryLoadText(string text, string displayName, string directory, ScenarioLimits? limits = null) =>
        TryLoad(YamlSourceTree.LoadText(text, displayName, directory, limits));

    private static (ResolvedScenario? Scenario, IReadOnlyList<ScenarioError> Errors) TryLoad(YamlSourceTree tree)
    {
        var errors = new List<ScenarioError>(tree.Errors);
        ResolvedScenario? resolved = null;
        if (tree.Root is not null)
        {
            var doc = new DocumentBinder(tree, errors).Bind<ScenarioDoc>(tree.Root, "");
            if (doc is not null)
            {
                var validator = new ScenarioValidator(errors, tree.Limits);
                validator.Check(doc);
                if (validator.CheckSize(doc) && doc.Horizon is { } horizon && 1440 % horizon.StepMinutes == 0)
                {
                    var profiles = ResolveProfiles(doc, horizon, errors, tree);
                    if (errors.Count == 0)
                    {
                        resolved = Resolve(doc, horizon, profiles);
                    }
                }
            }
        }
        var ordered = errors
            .Distinct()
            .OrderBy(e => e.Location.File, StringComparer.Ordinal)
            .ThenBy(e => e.Location.Line)
            .ThenBy(e => e.Location.Column)
            .ThenBy(e => e.FieldPath, StringComparer.Ordinal)
            .ToList();
        return (ordered.Count == 0 ? resolved : null, ordered);
    }

    private static Dictionary<string, double[]> ResolveProfiles(ScenarioDoc doc, HorizonDoc horizon, List<ScenarioError> errors, YamlSourceTree tree)
    {
        var resolver = new ProfileResolver(doc.Seed, horizon.Start, horizon.Steps, horizon.StepMinutes, errors, tree);
        var result = new Dictionary<string, double[]>(StringComparer.Ordinal);
        foreach (var (name, profile) in doc.Profiles ?? [])
        {
            if (resolver.Resolve(name, profile) is { } values)
            {
                result[name] = values;
            }
        }
        return result;
    }

    private static ResolvedScenario Resolve(ScenarioDoc doc, HorizonDoc horizon, Dictionary<string, double[]> profiles)
    {
        var economicsDoc = doc.Economics ?? new EconomicsDoc();
        var economics = new EconomicsSpec(economicsDoc.Currency, economicsDoc.CarbonPricePerT, economicsDoc.ValueOfLostLoadPerMwh, economicsDoc.CyclicStorage);
        var regions = (doc.Regions ?? []).Select((r, i) => new RegionSpec(i, r.Id, r.Name ?? r.Id, r.Latitude, r.Longitude)).ToArray();
        var regionIndex = regions.ToDictionary(r => r.Id, r => r.Index, StringComparer.Ordinal);
        var links = (doc.Links ?? []).Select((l, i) => new LinkSpec(i, l.Id, regionIndex[l.From], regionIndex[l.To], l.CapacityMw, l.CapacityReverseMw ?? l.CapacityMw, l.LossFraction, l.CostPerMwh)).ToArray();
        var steps = horizon.Steps;
        var stepHours = horizon.StepMinutes / 60.0;

        // Every asset naming a profile shares its values (Series): one copy per profile, not per asset.
        Series Profile(string? name, double factor) =>
            name is null ? Series.Constant(factor, steps) : Series.Scaled(profiles[name], factor);

        var assets = new List<AssetSpec>();
        foreach (var (asset, i) in (doc.Assets ?? []).Select((a, i) => (a, i)))
        {
            var region = regionIndex[asset.Region];
            assets.Add(asset switch
            {
                ThermalDoc t => new ThermalSpec(i, t.Id, region, t.Owner, t.Fuel, t.CapacityMw, t.MinOutputMw, t.RampMwPerH ?? double.PositiveInfinity,
                    t.MarginalCostPerMwh, t.EmissionsTPerMwh, Profile(t.Availability, 1)),
                RenewableDoc r => new RenewableSpec(i, r.Id, r.Type, region, r.Owner, r.CapacityMw, r.MarginalCostPerMwh, Profile(r.Profile, 1)),
                StorageDoc s => new StorageSpec(i, s.Id, region, s.Owner, s.PowerMw, s.EnergyMwh, s.ChargeEfficiency, s.DischargeEfficiency, s.InitialSoc, s.CostPerMwh, s.Technology),
                LoadDoc l => new LoadSpec(i, l.Id, region, l.Owner, l.Sector, Profile(l.Profile, l.PeakMw), l.CurtailableFraction, l.CurtailmentCostPerMwh ?? 0,
                    l.ShiftableFraction, l.ShiftableFraction > 0 ? Math.Max(0, (int)Math.Floor(l.ShiftWindowH!.Value / stepHours + 1e-9)) : 0),
                DatacenterDoc d => new DatacenterSpec(i, d.Id, region, d.Owner, d.Hub, d.ItCapacityMw, d.Pue, Profile(d.InteractiveProfile, d.InteractiveItMw)),
                _ => throw new InvalidOperationException($"unhandled asset document {asset.GetType().Name}"),
            });
        }

        var assetIndex = assets.ToDictionary(a => a.Id, a => a.Index, StringComparer.Ordinal);
        var compute = doc.Compute is null
            ? ComputeSpec.Empty
            : new ComputeSpec(
                [.. (doc.Compute.Links ?? []).Select(l => new ComputeLinkSpec(assetIndex[l.From], assetIndex[l.To], l.LatencyMs, l.BandwidthGbps, l.CostPerTb))],
                [.. (doc.Compute.Workloads ?? []).Select(w => new WorkloadSpec(w.Id, assetIndex[w.Origin], Profile(w.Profile, w.EnergyMwhPerH), w.DeadlineH,
                    w.MaxLatencyMs ?? double.PositiveInfinity, w.DataTbPerMwh, w.SlaPenaltyPerMwh))]);

        var grading = new CarbonGradingSpec(
            [.. (doc.Enterprises ?? []).Select(e => new EnterpriseSpec(e.Id, e.Name ?? e.Id, e.Sector, e.ValueAddedPerYear, e.ValueAddedPerMwh))],
            [.. doc.CarbonEfficiency?.Thresholds ?? [.. CarbonEfficiencyDoc.DefaultThresholds]],
            new Dictionary<string, double>(doc.CarbonEfficiency?.Benchmarks ?? [], StringComparer.Ordinal),
            [.. doc.CarbonEfficiency?.Levels ?? [.. CarbonEfficiencyDoc.DefaultLevels]]);
        return new ResolvedScenario(doc.Name, doc.Seed, horizon.Start, steps, horizon.StepMinutes, economics, regions, links, [.. assets], compute, grading);
    }
}
