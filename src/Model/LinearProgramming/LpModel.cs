using System.Diagnostics;

namespace GridActors.Model.LinearProgramming;

/// <summary>How a solve ended.</summary>
public enum LpStatus
{
    Optimal,
    Infeasible,
    Unbounded,
    /// <summary>Stopped by its cancellation token before it finished.</summary>
    Interrupted,
    /// <summary>The solver gave up (numerical trouble, a limit): no usable answer.</summary>
    Abnormal,
}

/// <summary>How a solve is made: as usual, or another way after the usual way failed (<see cref="LpModel.Solve"/>).</summary>
internal enum LpAttempt
{
    /// <summary>From the kept basis when there is one, else from scratch with presolve; the dual or primal simplex.</summary>
    AsUsual,
    /// <summary>From scratch on a fresh instance, within <see cref="LpModel.HotIterationLimit"/>.</summary>
    FromScratch,
    /// <summary>From scratch by the interior point, then crossover to a basis that later re-solves start from.</summary>
    InteriorPoint,
}

/// <summary>
/// A linear program (minimize cost · x subject to row bounds on A x and column bounds on x) that GridActors builds
/// once and keeps: its columns, rows and coefficients live here, column-wise, and a change (a cost, a bound, a new
/// column or row, a coefficient) is recorded so that HiGHS, which keeps the model and its basis between solves,
/// re-solves hot from the last basis after small changes (<see cref="HighsSolver"/>). GLOP, CLP and PDLP are
/// reached through OR-Tools for comparison (<see cref="OrToolsSolver"/>), which rebuilds its model at each solve.
/// The methods are named as OR-Tools' so that the dispatch terms read the same on either.
/// </summary>
public sealed class LpModel : IDisposable
{
    private readonly List<LpVariable> variables = [];
    private readonly List<LpConstraint> constraints = [];
    private readonly LpObjective objective;
    private ILpSolver solver;

    internal readonly List<double> ColumnLower = [];
    internal readonly List<double> ColumnUpper = [];
    internal readonly List<double> ColumnCost = [];
    internal readonly List<double> RowLower = [];
    internal readonly List<double> RowUpper = [];

    /// <summary>The coefficients: entry e is (EntryRow[e], EntryColumn[e]) = EntryValue[e]; each column's entries chained by NextEntry from FirstEntry.</summary>
    internal readonly List<int> EntryRow = [];
    internal readonly List<int> EntryColumn = [];
    internal readonly List<double> EntryValue = [];
    private readonly List<int> nextEntry = [];
    private readonly List<int> firstEntry = [];
    private readonly List<int> lastEntry = [];

    internal readonly LpChanges Changes = new();

    private double[] columnValue = [];
    private double[] columnDual = [];
    private double[] rowDual = [];
    private double objectiveValue;

    /// <param name="kind">The solver.</param>
    /// <param name="role">What the LP is for (a region's market, the coordinator ...): its solves are counted under it in <see cref="Work"/>.</param>
    public LpModel(LpSolverKind kind, string role = "other")
    {
        Kind = kind;
        objective = new LpObjective(this);
        solver = Create(kind);
        Work = LpWork.None(role);
    }

    public LpSolverKind Kind { get; }

    /// <summary>
    /// Re-solves of the kept model that gained columns and no rows use the primal simplex (HiGHS) while the model holds
    /// fewer rows than this: new columns leave the last basis primal feasible. Any other solve, and every solve with the
    /// default 0, uses the dual simplex: new rows leave the basis dual feasible (and columns added with them must be
    /// priced to keep it so), and on large models HiGHS's dual iterations are the cheaper (<c>CouplingMaster</c>).
    /// </summary>
    public int PrimalWhenHotBelowRows { get; set; }

    /// <summary>
    /// The most simplex iterations a re-solve of the kept model may take (HiGHS) before it counts as stalled and the
    /// model is solved again from scratch on a fresh instance (<see cref="Solve"/>), and the most that solve from scratch
    /// may take before the interior point takes over. Unless set, as many as the model has
    /// rows and columns, at least 10,000: several times what a solve from scratch of these models takes, where a
    /// coordinator of the national year once ran the dual simplex for more than ten minutes in one re-solve that its cold
    /// solve finishes in a second. A count of iterations, not a clock: the same path on every machine.
    /// </summary>
    public int HotIterationLimit
    {
        get => hotIterationLimit ?? Math.Max(10_000, NumConstraints() + NumVariables());
        set => hotIterationLimit = value;
    }

    private int? hotIterationLimit;

    /// <summary>Solves so far; what they cost is in <see cref="Work"/>.</summary>
    public int Solves => Work.Solves;

    /// <summary>Simplex iterations of all solves so far.</summary>
    public long Iterations => Work.Iterations;

    /// <summary>What this model's solves cost so far, first solves apart from re-solves.</summary>
    public LpWork Work { get; private set; }

    public int NumVariables() => variables.Count;

    public int NumConstraints() => constraints.Count;

    public LpObjective Objective() => objective;

    public IReadOnlyList<LpVariable> Variables => variables;

    public IReadOnlyList<LpConstraint> Constraints => constraints;

    /// <summary>A continuous column with bounds (infinite ones allowed) and a name for MPS files and reports.</summary>
    public LpVariable MakeNumVar(double lower, double upper, string name = "")
    {
        var variable = new LpVariable(this, variables.Count, name);
        variables.Add(variable);
        ColumnLower.Add(lower);
        ColumnUpper.Add(upper);
        ColumnCost.Add(0);
        firstEntry.Add(-1);
        lastEntry.Add(-1);
        return variable;
    }

    /// <summary>A row: <paramref name="lower"/> ≤ Σ coefficient · column ≤ <paramref name="upper"/>.</summary>
    public LpConstraint MakeConstraint(double lower, double upper, string name = "")
    {
        var constraint = new LpConstraint(this, constraints.Count, name);
        constraints.Add(constraint);
        RowLower.Add(lower);
        RowUpper.Add(upper);
        return constraint;
    }

    internal double Coefficient(int row, int column)
    {
        for (var e = firstEntry[column]; e >= 0; e = nextEntry[e])
        {
            if (EntryRow[e] == row)
            {
                return EntryValue[e];
            }
        }
        return 0;
    }

    internal void SetCoefficient(int row, int column, double value)
    {
        for (var e = firstEntry[column]; e >= 0; e = nextEntry[e])
        {
            if (EntryRow[e] == row)
            {
                if (EntryValue[e] != value)
                {
                    EntryValue[e] = value;
                    Changes.EntryChanged(e);
                }
                return;
            }
        }
        if (value == 0)
        {
            return;
        }
        var entry = EntryRow.Count;
        EntryRow.Add(row);
        EntryColumn.Add(column);
        EntryValue.Add(value);
        nextEntry.Add(-1);
        if (lastEntry[column] < 0)
        {
            firstEntry[column] = entry;
        }
        else
        {
            nextEntry[lastEntry[column]] = entry;
        }
        lastEntry[column] = entry;
    }

    /// <summary>Column <paramref name="column"/>'s entries, in the order they were made.</summary>
    internal IEnumerable<int> ColumnEntries(int column)
    {
        for (var e = firstEntry[column]; e >= 0; e = nextEntry[e])
        {
            yield return e;
        }
    }

    internal void SetCost(int column, double cost)
    {
        if (ColumnCost[column] != cost)
        {
            ColumnCost[column] = cost;
            Changes.CostChanged(column);
        }
    }

    internal void SetColumnBounds(int column, double lower, double upper)
    {
        if (ColumnLower[column] != lower || ColumnUpper[column] != upper)
        {
            ColumnLower[column] = lower;
            ColumnUpper[column] = upper;
            Changes.ColumnBoundsChanged(column);
        }
    }

    internal void SetRowBounds(int row, double lower, double upper)
    {
        if (RowLower[row] != lower || RowUpper[row] != upper)
        {
            RowLower[row] = lower;
            RowUpper[row] = upper;
            Changes.RowBoundsChanged(row);
        }
    }

    /// <summary>
    /// Solves, from the last basis when the solver keeps one. A solve that fails numerically or stalls (HiGHS) is tried
    /// again from scratch on another instance (the one that failed is not used again), within the same iteration limit
    /// as a re-solve, and if that fails too, by HiGHS's interior point with crossover: slower than the simplex on these
    /// models as a rule (10 times), but not held up by what stalls it. A generated 10,000-asset coordinator that the
    /// dual simplex took 580,000 iterations (8 minutes) to solve from scratch, the interior point solved in 34 s.
    /// <paramref name="cancellation"/> interrupts a solve in progress (<see cref="LpStatus.Interrupted"/>). Values,
    /// duals and the objective are those of the last solve.
    /// </summary>
    public LpStatus Solve(CancellationToken cancellation = default)
    {
        var watch = Stopwatch.StartNew();
        // Cold when the solver holds nothing of this model yet: nothing to start from.
        var cold = !Changes.Held;
        var result = solver.Solve(this, cancellation);
        var iterations = result.Iterations;
        foreach (var next in (ReadOnlySpan<LpAttempt>)[LpAttempt.FromScratch, LpAttempt.InteriorPoint])
        {
            if (result.Status != LpStatus.Abnormal || cancellation.IsCancellationRequested)
            {
                break;
            }
            Reset();
            Attempt = next;
            result = solver.Solve(this, cancellation);
            iterations += result.Iterations;
        }
        SolvedBy = Attempt;
        Attempt = LpAttempt.AsUsual;
        Work = Work.Plus(cold, iterations, watch.Elapsed.TotalSeconds, retried: SolvedBy != LpAttempt.AsUsual);
        columnValue = result.ColumnValue;
        columnDual = result.ColumnDual;
        rowDual = result.RowDual;
        objectiveValue = result.Objective;
        LastFailure = result.Failure;
        return result.Status;
    }

    /// <summary>Which try of a solve this is: after a failure, the next is made another way (<see cref="Solve"/>).</summary>
    internal LpAttempt Attempt { get; private set; }

    /// <summary>The try that made the last solve's result.</summary>
    internal LpAttempt SolvedBy { get; private set; }

    /// <summary>How the last solve failed in the solver's own words, when it ended <see cref="LpStatus.Abnormal"/> and the solver says; null otherwise.</summary>
    public string? LastFailure { get; private set; }

    /// <summary>Told every few seconds where a HiGHS solve is, for progress lines on a large model; null: not told.</summary>
    public Action<LpProgress>? Progress { get; set; }

    /// <summary>How often <see cref="Progress"/> is told.</summary>
    public TimeSpan ProgressInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>A basis to start the first solve from, taken when it has this model's shape (<see cref="HighsSolver"/>).</summary>
    internal LpBasis? StartBasis { get; private set; }

    /// <summary>
    /// Starts the next cold solve from <paramref name="basis"/>, the final basis of a model of the same shape (the
    /// previous window of a rolling optimum): HiGHS then works from there instead of from scratch.
    /// </summary>
    public void StartFrom(LpBasis? basis) => StartBasis = basis;

    /// <summary>The basis of the last optimal solve, when the solver keeps one (HiGHS); null otherwise.</summary>
    public LpBasis? FinalBasis() => solver.Basis();

    /// <summary>Forgets what the solver kept (its model and basis): the next solve starts cold.</summary>
    public void Reset()
    {
        solver.Dispose();
        solver = Create(Kind);
        Changes.Clear();
    }

    internal double ObjectiveValue => objectiveValue;

    internal double ColumnValue(int column) => column < columnValue.Length ? columnValue[column] : 0;

    internal double ReducedCost(int column) => column < columnDual.Length ? columnDual[column] : 0;

    internal double RowDual(int row) => row < rowDual.Length ? rowDual[row] : 0;

    /// <summary>The model in MPS format (through OR-Tools' writer), to solve it with any other solver.</summary>
    public string ExportModelAsMpsFormat()
    {
        using var ortools = OrToolsSolver.Build(this, LpSolverKind.Glop);
        return ortools.ExportModelAsMpsFormat(false, false);
    }

    private static ILpSolver Create(LpSolverKind kind) => kind == LpSolverKind.Highs ? new HighsSolver() : new OrToolsSolver(kind);

    public void Dispose() => solver.Dispose();
}

/// <summary>A column of an <see cref="LpModel"/>.</summary>
public sealed class LpVariable(LpModel model, int index, string name)
{
    public int Index { get; } = index;

    public string Name() => name;

    public double Lb() => model.ColumnLower[Index];

    public double Ub() => model.ColumnUpper[Index];

    public void SetBounds(double lower, double upper) => model.SetColumnBounds(Index, lower, upper);

    public double SolutionValue() => model.ColumnValue(Index);

    public double ReducedCost() => model.ReducedCost(Index);
}

/// <summary>A row of an <see cref="LpModel"/>.</summary>
public sealed class LpConstraint(LpModel model, int index, string name)
{
    public int Index { get; } = index;

    public string Name() => name;

    public double Lb() => model.RowLower[Index];

    public double Ub() => model.RowUpper[Index];

    public void SetBounds(double lower, double upper) => model.SetRowBounds(Index, lower, upper);

    public double GetCoefficient(LpVariable variable) => model.Coefficient(Index, variable.Index);

    public void SetCoefficient(LpVariable variable, double value) => model.SetCoefficient(Index, variable.Index, value);

    /// <summary>What one more unit of the row's bound is worth to the objective (the row dual, minimization).</summary>
    public double DualValue() => model.RowDual(Index);
}

/// <summary>The objective of an <see cref="LpModel"/>: always minimized.</summary>
public sealed class LpObjective(LpModel model)
{
    public double GetCoefficient(LpVariable variable) => model.ColumnCost[variable.Index];

    public void SetCoefficient(LpVariable variable, double cost) => model.SetCost(variable.Index, cost);

    public double Value() => model.ObjectiveValue;
}
