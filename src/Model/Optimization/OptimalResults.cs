using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>The optimal mode's result folder: the same files as a negotiated run, from one horizon-wide dispatch.</summary>
public static class OptimalResults
{
    public static (SummaryAccumulator Summary, RunInfo Info) Write(ResolvedScenario scenario, OptimalDispatch dispatch, string outputDirectory, double wallSeconds, string? runId = null, ResultFormat format = ResultFormat.Csv)
    {
        var summary = new SummaryAccumulator(scenario);
        using var writer = new ResultWriter(scenario, outputDirectory, format);
        writer.Append(dispatch.Report, summary.Add(dispatch.Report));
        var version = typeof(OptimalResults).Assembly.GetName().Version?.ToString() ?? "0";
        var info = new RunInfo(runId ?? $"{scenario.Name}-{Guid.NewGuid():N}", "optimal", wallSeconds, 0, scenario.Steps, version, dispatch.Solver);
        writer.Complete(summary, "optimal", info);
        return (summary, info);
    }
}
