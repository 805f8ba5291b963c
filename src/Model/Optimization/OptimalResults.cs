using System.Diagnostics;
using GridActors.Model.Accounting;
using GridActors.Model.Options;
using GridActors.Model.Output;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Optimization;

/// <summary>How an optimal run was solved, for run.json: the solver, and its windows when it rolled (else the whole horizon).</summary>
public sealed record OptimalRunFacts(string Solver, int WindowSteps, int? LookaheadSteps = null)
{
    /// <summary>What the LPs cost, by role; known once every window is solved.</summary>
    public List<LinearProgramming.LpWork> Lp { get; } = [];

    /// <summary>The facts of a whole-horizon solve.</summary>
    public static OptimalRunFacts Whole(OptimalDispatch dispatch) => new(dispatch.Solver, dispatch.Report.Steps) { Lp = { dispatch.Lp } };
}

/// <summary>The optimal mode's result folder: the same files as a negotiated run, from the whole-horizon dispatch or the rolling optimum's windows.</summary>
public static class OptimalResults
{
    /// <summary>
    /// Writes the reports as they come (the rolling optimum's windows are solved while they are asked for, so memory
    /// holds one window at a time); <paramref name="watch"/> gives run.json's wall time when the last is written.
    /// </summary>
    public static (SummaryAccumulator Summary, RunInfo Info) Write(ResolvedScenario scenario, IEnumerable<WindowReport> reports, OptimalRunFacts facts, string outputDirectory, Stopwatch watch, string? runId = null, ResultFormat format = ResultFormat.Csv)
    {
        var accounting = new WindowAccounting(scenario);
        var summary = new SummaryAccumulator(scenario);
        using var writer = new ResultWriter(scenario, outputDirectory, format);
        foreach (var report in reports)
        {
            var window = accounting.Account(report);
            summary.Add(window);
            writer.Append(window);
        }
        var version = typeof(OptimalResults).Assembly.GetName().Version?.ToString() ?? "0";
        var mode = OptionNames.Mode.Name(RunMode.Optimal);
        var info = new RunInfo(runId ?? $"{scenario.Name}-{Guid.NewGuid():N}", mode, watch.Elapsed.TotalSeconds, 0, facts.WindowSteps, version, facts.Solver, facts.LookaheadSteps, LinearProgramming.LpWork.ByRole(facts.Lp));
        writer.Complete(summary, mode, info);
        return (summary, info);
    }
}
