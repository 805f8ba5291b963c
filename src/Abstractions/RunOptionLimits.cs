namespace GridActors.Abstractions;

/// <summary>
/// The ranges a run's options must lie in, for the CLI and the API alike, so that every accepted run can be
/// cleared: a window and its look-ahead are one linear program each, so a year (8,784 steps) is the most either
/// may span; a thousand rounds is far past where the negotiation converges (tens).
/// </summary>
public static class RunOptionLimits
{
    public const int MaxWindowSteps = 8_784;
    public const int MaxLookaheadSteps = 8_784;
    public const int MaxRounds = 1_000;

    /// <summary>
    /// Carbon-greedy placement reads the carbon intensity of the whole system's first clearing, which only the central
    /// market holds; under regional clearing no grain sees every generator.
    /// </summary>
    public const string CarbonGreedyNeedsCentralClearing = "carbon-greedy placement needs the central clearing; use --clearing central (clearing: central) or another placement";

    /// <summary>Slowest and fastest pace of a live run, in simulated steps per wall-clock second.</summary>
    public const double MinPace = 0.01;
    public const double MaxPace = 1_000_000;

    /// <summary>
    /// The largest window report a run may send as one message: well under Orleans' 100 MB limit, which is left as it
    /// is. A national scenario's window of 24 hours is a few tens of MB; a longer window must be made shorter.
    /// </summary>
    public const long MaxWindowReportBytes = 64L << 20;

    /// <summary>Why windows of <paramref name="windowSteps"/> are too big to report for this scenario, or null; names the longest that fits.</summary>
    public static string? ReportTooLarge(GridActors.Model.Scenario.ResolvedScenario scenario, int windowSteps)
    {
        var bytes = GridActors.Model.Windows.WindowReportSize.Estimate(scenario, windowSteps);
        if (bytes <= MaxWindowReportBytes)
        {
            return null;
        }
        var perStep = GridActors.Model.Windows.WindowReportSize.Estimate(scenario, 1);
        return $"windows of {windowSteps:N0} steps would make each window's report about {bytes / (1 << 20):N0} MB for {scenario.Assets.Length:N0} assets, "
            + $"more than the {MaxWindowReportBytes / (1 << 20)} MB one message between grains may carry; use at most {Math.Max(1, MaxWindowReportBytes / perStep):N0} steps";
    }

    /// <summary>What is out of range among the options given, by their names in the API (window_steps ...).</summary>
    public static IReadOnlyList<(string Option, string Problem)> Check(int? windowSteps, int? lookaheadSteps, int? maxRounds)
    {
        var problems = new List<(string, string)>();
        Range(windowSteps, 1, MaxWindowSteps, "window_steps");
        Range(lookaheadSteps, 0, MaxLookaheadSteps, "lookahead_steps");
        Range(maxRounds, 1, MaxRounds, "max_rounds");
        return problems;

        void Range(int? value, int low, int high, string option)
        {
            if (value is { } v && (v < low || v > high))
            {
                problems.Add((option, $"must be from {low} to {high:N0}, not {v}"));
            }
        }
    }
}
