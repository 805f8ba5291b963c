namespace GridActors.Grains.Abstractions;

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

    /// <summary>Slowest and fastest pace of a live run, in simulated steps per wall-clock second.</summary>
    public const double MinPace = 0.01;
    public const double MaxPace = 1_000_000;

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
