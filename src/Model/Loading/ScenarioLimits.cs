using System.Globalization;

namespace GridActors.Model.Loading;

/// <summary>
/// How big a scenario may be, so that everything accepted can be run: checked while it is read and validated, each
/// breach a located error. The defaults fit a national unit-level year (15,000 assets × 8,760 hours) on one machine;
/// the CLI takes others from the environment (<see cref="FromEnvironment"/>), the API from its settings.
/// docs/scenario-format.md "Limits" gives the reasons.
/// </summary>
public sealed record ScenarioLimits
{
    /// <summary>Bytes of one YAML file: scenarios are small text, data belongs in CSV files.</summary>
    public long MaxYamlBytes { get; init; } = 64L << 20;

    /// <summary>Bytes of one CSV profile file: several national years of 15-minute columns.</summary>
    public long MaxCsvBytes { get; init; } = 1L << 30;

    /// <summary>Nesting of lists and mappings: the format needs 6; beyond this the parse would only recurse.</summary>
    public int MaxDepth { get; init; } = 64;

    /// <summary>YAML nodes after aliases are expanded (each alias counts the size of what it repeats): bounds alias bombs.</summary>
    public long MaxNodes { get; init; } = 5_000_000;

    /// <summary>The largest magnitude of any number (MW, MWh, money per MWh, tonnes, hours ...): beyond it products overflow.</summary>
    public double MaxMagnitude { get; init; } = 1e9;

    /// <summary>Steps of the horizon: over eleven years hourly, three at 15 minutes.</summary>
    public int MaxSteps { get; init; } = 100_000;

    /// <summary>Assets × steps: every asset holds a value per step, so this bounds memory (about 8 bytes each, several times).</summary>
    public long MaxAssetSteps { get; init; } = 200_000_000;

    /// <summary>
    /// Characters of an id, name, label or reference: ids are written on every row of the result tables and events,
    /// so a million-character id over 480 steps wrote 574 MB. Free text (a description, a CSV path) has its own bound.
    /// </summary>
    public const int MaxTextLength = 100;

    public static ScenarioLimits Default { get; } = new();

    public const string StepsVariable = "GRIDACTORS_MAX_STEPS";
    public const string AssetStepsVariable = "GRIDACTORS_MAX_ASSET_STEPS";

    /// <summary>The defaults, with <c>GRIDACTORS_MAX_STEPS</c> and <c>GRIDACTORS_MAX_ASSET_STEPS</c> when set to whole numbers.</summary>
    public static ScenarioLimits FromEnvironment()
    {
        var limits = Default;
        if (long.TryParse(Environment.GetEnvironmentVariable(StepsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var steps) && steps > 0)
        {
            limits = limits with { MaxSteps = (int)Math.Min(steps, int.MaxValue) };
        }
        if (long.TryParse(Environment.GetEnvironmentVariable(AssetStepsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var assetSteps) && assetSteps > 0)
        {
            limits = limits with { MaxAssetSteps = assetSteps };
        }
        return limits;
    }
}
