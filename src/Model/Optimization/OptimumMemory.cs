using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// Whether one central LP over a number of steps fits in this process's memory, judged before it is built: a model
/// that does not fit would otherwise run for minutes and end with the process killed.
/// </summary>
public static class OptimumMemory
{
    /// <summary>
    /// Peak bytes per asset-step of building and solving one central LP with HiGHS: 1.79 GB measured on
    /// china-national-week (13,810 assets × 168 steps, 770 B), rounded up for scenarios with more stores, shiftable
    /// loads and workloads per asset (docs/performance.md).
    /// </summary>
    public const long BytesPerAssetStep = 1_000;

    /// <summary>The memory this process may use: the machine's, or its container's limit.</summary>
    public static long AvailableBytes => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;

    /// <summary>About how many bytes one LP over <paramref name="steps"/> steps of the scenario takes at its peak.</summary>
    public static long Estimate(ResolvedScenario scenario, int steps) => (long)Math.Max(1, scenario.Assets.Length) * steps * BytesPerAssetStep;

    /// <summary>Why the whole horizon as one LP would not fit here, with what to do instead; null when it fits.</summary>
    public static string? WholeHorizonProblem(ResolvedScenario scenario)
    {
        var needed = Estimate(scenario, scenario.Steps);
        var available = AvailableBytes;
        return needed <= available ? null
            : $"the whole horizon as one linear program ({scenario.Assets.Length:N0} assets × {scenario.Steps:N0} steps) needs about {needed / 1e9:N1} GB, "
                + $"more than the {available / 1e9:N1} GB this machine gives it; solve it window by window instead: --window-steps 24 --lookahead-steps 24 (the rolling optimum)";
    }
}
