using GridActors.Abstractions;
using GridActors.Model.Options;

namespace GridActors.Api.Runs;

/// <summary>
/// The body of <c>POST /api/runs</c> as JSON: a scenario by name (a file in the server's scenarios folder) or as
/// YAML text, and the run's options. A YAML body takes the same options from the query string.
/// </summary>
/// <param name="Scenario">Name of a scenario in the server's folder, without ".yaml".</param>
/// <param name="Yaml">The scenario itself, as YAML text; its files are looked up in the server's scenarios folder.</param>
/// <param name="Mode">
/// "negotiated" (grains on the cluster, the default) or "optimal" (the central optimum: the whole-horizon LP, or the
/// rolling optimum window by window when window_steps or lookahead_steps is given).
/// </param>
/// <param name="WindowSteps">Steps cleared and committed per window (default 24).</param>
/// <param name="LookaheadSteps">Steps planned beyond each window (default 24).</param>
/// <param name="MaxRounds">Negotiation rounds per window at most (default 30).</param>
/// <param name="Pace">Simulated steps per wall-clock second; absent or 0 runs as fast as possible.</param>
/// <param name="Placement">Compute placement: "negotiated" (default), "local" or "carbon-greedy".</param>
/// <param name="Clearing">Where the window market is cleared: "auto" (the default: regional from a thousand assets in several regions, <see cref="ClearingChoice"/>), "central" (the run grain) or "regional" (each region grain clears its own assets).</param>
/// <param name="Format">Result tables as "csv" (the default), "parquet" or "both"; report.html is written from CSV, so not with "parquet".</param>
public sealed record RunStartRequest(
    string? Scenario = null,
    string? Yaml = null,
    string? Mode = null,
    int? WindowSteps = null,
    int? LookaheadSteps = null,
    int? MaxRounds = null,
    double? Pace = null,
    string? Placement = null,
    string? Clearing = null,
    string? Format = null)
{
    /// <summary>The settings, or the fields that are wrong and why.</summary>
    public (RunSettings? Settings, IReadOnlyList<(string Field, string Message)> Problems) ToSettings()
    {
        var problems = new List<(string, string)>();
        var mode = Read("mode", Mode, OptionNames.Mode, RunMode.Negotiated);
        var placement = Read("placement", Placement, OptionNames.Placement, Model.PlacementPolicies.Placement.Negotiated);
        var clearing = Read("clearing", Clearing, OptionNames.Clearing, Model.Options.Clearing.Auto);
        var format = Read("format", Format, OptionNames.Format, ResultFormat.Csv);
        if (clearing == Model.Options.Clearing.Regional && placement == Model.PlacementPolicies.Placement.CarbonGreedy)
        {
            problems.Add(("placement", RunOptionLimits.CarbonGreedyNeedsCentralClearing));
        }
        var defaults = RunOptions.Default;
        problems.AddRange(RunOptionLimits.Check(WindowSteps, LookaheadSteps, MaxRounds));
        if (Pace is { } pace && pace != 0 && !(pace >= RunOptionLimits.MinPace && pace <= RunOptionLimits.MaxPace))
        {
            problems.Add(("pace", $"must be 0 (as fast as possible) or from {RunOptionLimits.MinPace} to {RunOptionLimits.MaxPace:N0} steps per second, not {pace}"));
        }
        if (problems.Count > 0)
        {
            return (null, problems);
        }
        var options = defaults with
        {
            WindowSteps = WindowSteps ?? defaults.WindowSteps,
            LookaheadSteps = LookaheadSteps ?? defaults.LookaheadSteps,
            Negotiation = defaults.Negotiation with { MaxRounds = MaxRounds ?? defaults.Negotiation.MaxRounds },
            Placement = placement,
            Clearing = clearing,
        };
        var rolling = mode == RunMode.Optimal && (WindowSteps is not null || LookaheadSteps is not null);
        return (new RunSettings(mode, options, Pace is > 0 ? Pace : null, format, rolling), problems);

        T Problem<T>(string field, string message)
        {
            problems.Add((field, message));
            return default!;
        }

        // A field left out or blank takes its default; names are read in any case and around spaces.
        T Read<T>(string field, string? given, NamedValues<T> names, T fallback) where T : struct, Enum =>
            string.IsNullOrWhiteSpace(given) ? fallback : names.Parse(given.Trim().ToLowerInvariant()) ?? Problem<T>(field, names.NotOne(given));
    }
}
