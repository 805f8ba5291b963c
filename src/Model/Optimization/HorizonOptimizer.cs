using System.Diagnostics;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Output;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Model.Optimization;

/// <summary>The horizon optimum: the dispatch as one report, the LP's own objective and how the solve went.</summary>
public sealed record OptimalDispatch(WindowReport Report, double Objective, string Solver, int Variables, int Constraints, double BuildSeconds, double SolveSeconds, LpWork Lp);

/// <summary>
/// The optimal mode: the whole horizon as one linear program with perfect foresight, with exactly
/// the cost and constraints of the scenario format, built from the same terms the negotiation uses.
/// Prices are the duals of the balance rows.
/// </summary>
public static class HorizonOptimizer
{
    /// <summary>
    /// Solves the horizon. <paramref name="cancellation"/> stops it after the build or interrupts the solve, with an
    /// <see cref="OperationCanceledException"/>; <paramref name="progress"/> is told every few seconds where HiGHS is.
    /// </summary>
    public static OptimalDispatch Solve(ResolvedScenario scenario, LpSolverKind solverKind, string? mpsPath = null, Action<LpProgress>? progress = null, CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        var steps = scenario.Steps;
        using var model = CentralModel.Build(scenario, solverKind, 0, steps, WindowStart.Initial(scenario), "horizon");
        cancellation.ThrowIfCancellationRequested();
        if (mpsPath is not null)
        {
            AtomicFile.WriteAllText(mpsPath, model.Lp.Solver.ExportModelAsMpsFormat());
        }
        var buildSeconds = watch.Elapsed.TotalSeconds;
        model.Lp.Solver.Progress = progress;

        watch.Restart();
        model.SolveOrThrow(cancellation);
        var objective = model.Lp.Solver.Objective().Value();
        // HiGHS's own row duals (OR-Tools handed back row activities in their place, so this once took a second solve with GLOP).
        var prices = model.Lp.Prices();
        var solveSeconds = watch.Elapsed.TotalSeconds;

        var report = model.Report(steps, prices);
        var solverName = LpSolvers.Name(solverKind);
        return new OptimalDispatch(report, objective, solverName, model.Lp.Solver.NumVariables(), model.Lp.Solver.NumConstraints(), buildSeconds, solveSeconds, model.Lp.Solver.Work);
    }
}
