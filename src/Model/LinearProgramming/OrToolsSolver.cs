using Google.OrTools.LinearSolver;

namespace GridActors.Model.LinearProgramming;

/// <summary>
/// GLOP, CLP or PDLP through OR-Tools' MPSolver. The MPSolver is kept between solves and given only what changed
/// (as <see cref="HighsSolver"/> does), so GLOP and CLP, whose OR-Tools interfaces are incremental, re-solve from
/// their last basis too. A solve that still fails is tried again from scratch by <see cref="LpModel.Solve"/>.
/// </summary>
internal sealed class OrToolsSolver(LpSolverKind kind) : ILpSolver
{
    private Solver? solver;
    private readonly List<Variable> columns = [];
    private readonly List<Constraint> rows = [];

    /// <summary>A new MPSolver holding the whole model (for the MPS writer).</summary>
    public static Solver Build(LpModel model, LpSolverKind kind)
    {
        using var builder = new OrToolsSolver(kind);
        // Its own record of what it holds: the model's belongs to the solver that solves it.
        builder.Pass(model, new LpChanges());
        var built = builder.solver!;
        builder.solver = null;
        return built;
    }

    private void Pass(LpModel model, LpChanges changes)
    {
        solver ??= LpSolvers.Create(kind);
        var objective = solver.Objective();
        objective.SetMinimization();
        var oldColumns = changes.Held ? changes.Columns : 0;
        var oldRows = changes.Held ? changes.Rows : 0;
        var oldEntries = changes.Held ? changes.Entries : 0;
        for (var c = oldColumns; c < model.NumVariables(); c++)
        {
            columns.Add(solver.MakeNumVar(model.ColumnLower[c], model.ColumnUpper[c], model.Variables[c].Name()));
            if (model.ColumnCost[c] != 0)
            {
                objective.SetCoefficient(columns[c], model.ColumnCost[c]);
            }
        }
        for (var r = oldRows; r < model.NumConstraints(); r++)
        {
            rows.Add(solver.MakeConstraint(model.RowLower[r], model.RowUpper[r], model.Constraints[r].Name()));
        }
        for (var e = oldEntries; e < model.EntryRow.Count; e++)
        {
            rows[model.EntryRow[e]].SetCoefficient(columns[model.EntryColumn[e]], model.EntryValue[e]);
        }
        if (changes.Held)
        {
            foreach (var e in changes.ChangedEntries)
            {
                rows[model.EntryRow[e]].SetCoefficient(columns[model.EntryColumn[e]], model.EntryValue[e]);
            }
            foreach (var c in changes.Costs)
            {
                objective.SetCoefficient(columns[c], model.ColumnCost[c]);
            }
            foreach (var c in changes.ColumnBounds)
            {
                columns[c].SetBounds(model.ColumnLower[c], model.ColumnUpper[c]);
            }
            foreach (var r in changes.RowBounds)
            {
                rows[r].SetBounds(model.RowLower[r], model.RowUpper[r]);
            }
        }
        changes.Synced(model.NumVariables(), model.NumConstraints(), model.EntryRow.Count);
    }

    public LpResult Solve(LpModel model, CancellationToken cancellation)
    {
        Pass(model, model.Changes);
        var mp = solver!;
        Solver.ResultStatus status;
        using (cancellation.Register(() => mp.InterruptSolve()))
        {
            status = mp.Solve();
            // CLP's dual simplex can stop short of the optimum on a degenerate model (OR-Tools reports FEASIBLE); its
            // primal simplex then finishes the job.
            if (status is Solver.ResultStatus.FEASIBLE or Solver.ResultStatus.ABNORMAL or Solver.ResultStatus.NOT_SOLVED && !cancellation.IsCancellationRequested)
            {
                mp.Reset();
                using var primal = new MPSolverParameters();
                primal.SetIntegerParam(MPSolverParameters.IntegerParam.LP_ALGORITHM, (int)MPSolverParameters.LpAlgorithmValues.PRIMAL);
                status = mp.Solve(primal);
            }
        }
        var outcome = cancellation.IsCancellationRequested && status != Solver.ResultStatus.OPTIMAL ? LpStatus.Interrupted : status switch
        {
            Solver.ResultStatus.OPTIMAL => LpStatus.Optimal,
            Solver.ResultStatus.INFEASIBLE => LpStatus.Infeasible,
            Solver.ResultStatus.UNBOUNDED => LpStatus.Unbounded,
            _ => LpStatus.Abnormal,
        };
        var values = new double[columns.Count];
        var reduced = new double[columns.Count];
        var duals = new double[rows.Count];
        if (outcome == LpStatus.Optimal)
        {
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = columns[c].SolutionValue();
                reduced[c] = columns[c].ReducedCost();
            }
            for (var r = 0; r < duals.Length; r++)
            {
                duals[r] = rows[r].DualValue();
            }
        }
        return new LpResult(outcome, outcome == LpStatus.Optimal ? mp.Objective().Value() : 0, values, reduced, duals, mp.Iterations());
    }

    /// <summary>OR-Tools' MPSolver keeps no basis to hand on.</summary>
    public LpBasis? Basis() => null;

    public void Dispose()
    {
        solver?.Dispose();
        solver = null;
    }
}
