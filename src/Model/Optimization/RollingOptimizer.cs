using System.Diagnostics;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Optimization;

/// <summary>
/// One window of a rolling optimum as solved: its committed steps (<c>Report</c>), its number from 0 among
/// <c>Windows</c>, its LP's size, the seconds to build and to solve it (both solves, with the stored energy's value),
/// their simplex iterations, whether it started from the previous window's basis (<c>Warm</c>), and what its LP cost.
/// </summary>
public sealed record RollingWindow(WindowReport Report, int Index, int Windows, int Variables, int Constraints, double BuildSeconds, double SolveSeconds, bool Warm, LpWork Lp)
{
    public long Iterations => Lp.Iterations;
}

/// <summary>
/// The rolling optimum (a rolling horizon, as PyPSA calls it): the central LP solved window by window, each with
/// perfect foresight over its window and look-ahead, committing the window's steps and carrying their end state into
/// the next window as the grains of a negotiated run carry theirs (<see cref="WindowStart"/>). With the windows of a
/// negotiated run it is what a central planner with the same foresight would do: the negotiated cost above it is what
/// negotiating costs, and its own cost above the whole-horizon optimum is what the windows cannot see.
/// <para>
/// Energy a store still holds at the end of a window's plan is valued as the negotiation values it: at the mean of
/// its region's prices over the plan, here the prices of the window solved without that value, with the previous
/// window's look-ahead prices for the steps it already planned; the window is then solved again with the value (a
/// change of a few costs, re-solved from the kept basis). A window that reaches the horizon's end values nothing.
/// </para>
/// <para>
/// Windows of one length share one shape, so each starts from the previous window's final basis (HiGHS then skips
/// presolve and re-solves from there): with daily windows, yesterday's basis is close to today's optimum. The choice
/// is the caller's, never the clock's, so the same scenario and options give the same bytes.
/// </para>
/// </summary>
public static class RollingOptimizer
{
    /// <summary>
    /// The windows' results in order, each solved when asked for; an infeasible window throws
    /// <see cref="DispatchInfeasibleException"/>, a cancelled one <see cref="OperationCanceledException"/>.
    /// With <paramref name="warmStart"/> (the default) each window starts from the previous window's basis: a third of
    /// the time on the national scenarios. Without, every window is solved from scratch with HiGHS's presolve, which
    /// pays on LPs that presolve shrinks much: a generated 3,000-asset week's windows took 35-48 s so against 75-210 s
    /// warm (docs/performance.md).
    /// </summary>
    public static IEnumerable<RollingWindow> Solve(ResolvedScenario scenario, LpSolverKind solverKind, int windowSteps, int lookaheadSteps, bool warmStart = true, CancellationToken cancellation = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(windowSteps, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(lookaheadSteps);
        var windows = (scenario.Steps + windowSteps - 1) / windowSteps;
        var start = WindowStart.Initial(scenario);
        var network = new ComputeNetwork(scenario);
        double[][]? lookaheadPrices = null;
        LpBasis? basis = null;
        for (var w = 0; w < windows; w++)
        {
            var first = w * windowSteps;
            var commit = Math.Min(windowSteps, scenario.Steps - first);
            var planned = (int)Math.Min((long)windowSteps + lookaheadSteps, scenario.Steps - first);
            var watch = Stopwatch.StartNew();
            using var model = CentralModel.Build(scenario, solverKind, first, planned, start, "rolling window", stableShape: true);
            var buildSeconds = watch.Elapsed.TotalSeconds;
            cancellation.ThrowIfCancellationRequested();

            watch.Restart();
            var warm = warmStart && basis is not null && basis.Fits(model.Lp.Solver);
            model.Lp.Solver.StartFrom(warm ? basis : null);
            model.SolveOrThrow(cancellation);
            var prices = model.Lp.Prices();
            if (!model.EndsWithHorizon && model.HasStorage)
            {
                var signal = lookaheadPrices is null ? prices : PriceSignals.Overlay(prices, lookaheadPrices);
                model.ValueStoredEnergy([.. signal.Select(p => p.Average())]);
                model.SolveOrThrow(cancellation);
                prices = model.Lp.Prices();
            }
            basis = model.Lp.Solver.FinalBasis();
            var solveSeconds = watch.Elapsed.TotalSeconds;

            var report = model.Report(commit, prices);
            start = start.After(scenario, network.IsEmpty ? null : network, first, report.Assets, report.Compute);
            lookaheadPrices = commit < planned ? [.. prices.Select(p => p[commit..])] : null;
            yield return new RollingWindow(report, w, windows, model.Lp.Solver.NumVariables(), model.Lp.Solver.NumConstraints(), buildSeconds, solveSeconds, warm, model.Lp.Solver.Work);
        }
    }
}
