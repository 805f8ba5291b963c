using Google.OrTools.LinearSolver;
using GridActors.Model.Optimization;

namespace GridActors.Model.LinearProgramming;

/// <summary>
/// GLOP, CLP or PDLP through OR-Tools' MPSolver, for comparison with HiGHS: the model is built into a new MPSolver
/// at every solve (OR-Tools keeps no basis for a model it did not build itself).
/// </summary>
internal sealed class OrToolsSolver(LpSolverKind kind) : ILpSolver
{
    public static Solver Build(LpModel model, LpSolverKind kind)
    {
        var solver = LpSolvers.Create(kind);
        var columns = new Variable[model.NumVariables()];
        var objective = solver.Objective();
        objective.SetMinimization();
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = solver.MakeNumVar(model.ColumnLower[c], model.ColumnUpper[c], model.Variables[c].Name());
            if (model.ColumnCost[c] != 0)
            {
                objective.SetCoefficient(columns[c], model.ColumnCost[c]);
            }
        }
        var rows = new Constraint[model.NumConstraints()];
        for (var r = 0; r < rows.Length; r++)
        {
            rows[r] = solver.MakeConstraint(model.RowLower[r], model.RowUpper[r], model.Constraints[r].Name());
        }
        for (var e = 0; e < model.EntryRow.Count; e++)
        {
            if (model.EntryValue[e] != 0)
            {
                rows[model.EntryRow[e]].SetCoefficient(columns[model.EntryColumn[e]], model.EntryValue[e]);
            }
        }
        return solver;
    }

    public LpResult Solve(LpModel model, CancellationToken cancellation)
    {
        using var solver = Build(model, kind);
        Solver.ResultStatus status;
        using (cancellation.Register(() => solver.InterruptSolve()))
        {
            status = solver.Solve();
            // CLP's dual simplex can stop short of the optimum on a degenerate model (OR-Tools reports FEASIBLE); its
            // primal simplex then finishes the job.
            if (status is Solver.ResultStatus.FEASIBLE or Solver.ResultStatus.ABNORMAL or Solver.ResultStatus.NOT_SOLVED && !cancellation.IsCancellationRequested)
            {
                solver.Reset();
                using var primal = new MPSolverParameters();
                primal.SetIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM, (int)MPSolverParameters.LpAlgorithmValues.PRIMAL);
                status = solver.Solve(primal);
            }
        }
        var outcome = cancellation.IsCancellationRequested && status != Solver.ResultStatus.OPTIMAL ? LpStatus.Interrupted : status switch
        {
            Solver.ResultStatus.OPTIMAL => LpStatus.Optimal,
            Solver.ResultStatus.INFEASIBLE => LpStatus.Infeasible,
            Solver.ResultStatus.UNBOUNDED => LpStatus.Unbounded,
            _ => LpStatus.Abnormal,
        };
        var columns = new double[model.NumVariables()];
        var columnDual = new double[columns.Length];
        var rowDual = new double[model.NumConstraints()];
        if (outcome == LpStatus.Optimal)
        {
            var variables = solver.variables();
            for (var c = 0; c < columns.Length; c++)
            {
                columns[c] = variables[c].SolutionValue();
                columnDual[c] = variables[c].ReducedCost();
            }
            var constraints = solver.constraints();
            for (var r = 0; r < rowDual.Length; r++)
            {
                rowDual[r] = constraints[r].DualValue();
            }
        }
        return new LpResult(outcome, outcome == LpStatus.Optimal ? solver.Objective().Value() : 0, columns, columnDual, rowDual, solver.Iterations());
    }

    public void Dispose()
    {
    }
}
