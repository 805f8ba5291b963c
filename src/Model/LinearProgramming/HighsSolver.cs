using System.Runtime.InteropServices;

namespace GridActors.Model.LinearProgramming;

/// <summary>
/// An <see cref="LpModel"/> kept in a HiGHS instance between solves. The first solve passes the whole model; later
/// ones pass only what changed (new rows, then new columns, changed coefficients, costs and bounds), and HiGHS
/// starts from the basis it kept, so a solve after small changes costs a fraction of a cold one.
/// <para>Options set, and why:</para>
/// <list type="bullet">
/// <item><c>output_flag false</c>: HiGHS logs to standard output otherwise.</item>
/// <item><c>solver simplex</c>: its interior point was 10× slower on these models, and only simplex re-solves from a basis
/// (the interior point only for a model the simplex failed on, <see cref="LpModel.Solve"/>).</item>
/// <item><c>simplex_strategy 1</c> (serial dual simplex) and <c>parallel off</c>: the parallel dual simplex ignores a given basis.</item>
/// <item><c>threads 1</c>: many markets solve at once on a silo's cores; each solve is serial anyway.</item>
/// </list>
/// Everything else is HiGHS's default (presolve runs on a cold solve; with a valid basis HiGHS skips it).
/// </summary>
internal sealed unsafe class HighsSolver : ILpSolver
{
    /// <summary>
    /// HiGHS instances no model holds, cleared, for the next model to take. HiGHS 1.12's Highs_destroy resets HiGHS's
    /// task scheduler, which is not safe while another thread solves (fixed in HiGHS after 1.12), so GridActors never
    /// destroys an instance: a model done with its instance clears it and leaves it here. There are never more than
    /// the most models alive at once, and creating an instance and setting its options is saved as well.
    /// <para>A cleared instance keeps the memory of the largest model it held (HiGHS clears its arrays but keeps their
    /// capacity), so each instance remembers that size, and a model takes the smallest instance that already fits it,
    /// else the largest: a run's coordinator then goes on reusing the one large instance, instead of growing every
    /// instance the regions' small markets leave in turn (about 2 GB of the national year's growth).</para>
    /// </summary>
    private static readonly List<Idle> IdleInstances = [];

    private readonly record struct Idle(IntPtr Highs, IntPtr State, long Size);

    private IntPtr highs;
    private HighsNative.CallbackState* state;

    /// <summary>The largest model this instance has held, in columns, rows and entries: what its memory was grown to.</summary>
    private long size;

    /// <summary>
    /// Whether a solve on this instance failed in HiGHS itself (a solve error after many re-solves, HiGHS issue 1785). A
    /// cleared instance that failed so has failed again on the next model given to it, cold, where a new instance
    /// solved that model: it is never handed on.
    /// </summary>
    private bool failed;

    public LpResult Solve(LpModel model, CancellationToken cancellation)
    {
        var modelSize = (long)model.NumVariables() + model.NumConstraints() + model.EntryRow.Count;
        if (highs == IntPtr.Zero)
        {
            Take(modelSize);
        }
        size = Math.Max(size, modelSize);
        // New columns alone leave the kept basis primal feasible: the primal simplex goes on from it. New rows (a
        // coordinator's ramp rows, with or without its groups' columns) break that, and the primal simplex would start
        // with a phase one: the dual simplex takes them.
        var primal = model.NumConstraints() < model.PrimalWhenHotBelowRows && model.Changes.Held
            && model.NumVariables() > model.Changes.Columns && model.NumConstraints() == model.Changes.Rows;
        Check(HighsNative.Highs_setIntOptionValue(highs, "simplex_strategy", primal ? 4 : 1), "take its option simplex_strategy");
        var interiorPoint = model.Attempt == LpAttempt.InteriorPoint;
        Check(HighsNative.Highs_setStringOptionValue(highs, "solver", interiorPoint ? "ipm" : "simplex"), "take its option solver");
        // A stalled re-solve ends as a failure at the model's limit, and the model is solved again from scratch, within
        // the same limit; the interior point's crossover has none.
        var limited = !interiorPoint && (model.Changes.Held || model.Attempt == LpAttempt.FromScratch);
        Check(HighsNative.Highs_setIntOptionValue(highs, "simplex_iteration_limit", limited ? model.HotIterationLimit : int.MaxValue),
            "take its option simplex_iteration_limit");
        if (model.Changes.Held)
        {
            PassChanges(model);
        }
        else
        {
            PassAll(model);
            StartFrom(model.StartBasis, model);
        }
        model.Changes.Synced(model.NumVariables(), model.NumConstraints(), model.EntryRow.Count);
        *state = default;
        int status;
        var shared = state;
        // Told from the solving thread, in HiGHS's callback: no timer that a busy thread pool could hold back.
        var sink = model.Progress is { } progress ? GCHandle.Alloc(new HighsNative.ProgressSink(progress, model.ProgressInterval)) : default;
        state->Progress = sink.IsAllocated ? GCHandle.ToIntPtr(sink) : IntPtr.Zero;
        using (cancellation.Register(() => shared->Stop = 1))
        {
            // A run that fails says so in its model status, read next.
            _ = HighsNative.Highs_run(highs);
            status = HighsNative.Highs_getModelStatus(highs);
            if (status == HighsNative.ModelUnboundedOrInfeasible && !cancellation.IsCancellationRequested)
            {
                // Presolve can tell only that one of the two holds; the simplex on the whole model says which.
                Check(HighsNative.Highs_setStringOptionValue(highs, "presolve", "off"), "take its option presolve");
                _ = HighsNative.Highs_run(highs);
                status = HighsNative.Highs_getModelStatus(highs);
                Check(HighsNative.Highs_setStringOptionValue(highs, "presolve", "choose"), "take its option presolve");
            }
        }
        state->Progress = IntPtr.Zero;
        if (sink.IsAllocated)
        {
            sink.Free();
        }
        HighsNative.Highs_getIntInfoValue(highs, "simplex_iteration_count", out var iterations);
        if (interiorPoint)
        {
            // The interior point's own iterations and its crossover's count as the solve's work too.
            HighsNative.Highs_getIntInfoValue(highs, "ipm_iteration_count", out var ipm);
            HighsNative.Highs_getIntInfoValue(highs, "crossover_iteration_count", out var crossover);
            iterations += ipm + crossover;
        }
        var columns = new double[model.NumVariables()];
        var columnDual = new double[columns.Length];
        var rows = new double[model.NumConstraints()];
        var rowDual = new double[rows.Length];
        var outcome = status switch
        {
            HighsNative.ModelOptimal or HighsNative.ModelEmpty => LpStatus.Optimal,
            HighsNative.ModelInfeasible => LpStatus.Infeasible,
            HighsNative.ModelUnbounded or HighsNative.ModelUnboundedOrInfeasible => LpStatus.Unbounded,
            HighsNative.ModelInterrupt => LpStatus.Interrupted,
            _ => LpStatus.Abnormal,
        };
        if (cancellation.IsCancellationRequested && outcome != LpStatus.Optimal)
        {
            outcome = LpStatus.Interrupted;
        }
        failed |= outcome == LpStatus.Abnormal;
        if (outcome == LpStatus.Optimal)
        {
            fixed (double* c = columns, cd = columnDual, r = rows, rd = rowDual)
            {
                Check(HighsNative.Highs_getSolution(highs, c, cd, r, rd), "give its solution");
            }
        }
        return new LpResult(outcome, outcome == LpStatus.Optimal ? HighsNative.Highs_getObjectiveValue(highs) : 0, columns, columnDual, rowDual, iterations,
            outcome == LpStatus.Abnormal ? $"{HighsNative.DescribeFailure(status)} after {iterations:N0} iterations" : null);
    }

    public LpBasis? Basis()
    {
        if (highs == IntPtr.Zero)
        {
            return null;
        }
        HighsNative.Highs_getIntInfoValue(highs, "basis_validity", out var validity);
        if (validity != 1)
        {
            return null;
        }
        var columns = new int[HighsNative.Highs_getNumCol(highs)];
        var rows = new int[HighsNative.Highs_getNumRow(highs)];
        fixed (int* c = columns, r = rows)
        {
            Check(HighsNative.Highs_getBasis(highs, c, r), "give its basis");
        }
        return new LpBasis(columns, rows);
    }

    /// <summary>
    /// Starts the simplex from another model's basis when it has this model's shape: HiGHS then skips presolve and
    /// works from there. A basis HiGHS finds inconsistent is refused by it, and the solve starts cold as usual.
    /// </summary>
    private void StartFrom(LpBasis? basis, LpModel model)
    {
        if (basis is null || !basis.Fits(model))
        {
            return;
        }
        fixed (int* c = basis.Columns, r = basis.Rows)
        {
            // Refused (an error status) when its count of basic variables is wrong: then nothing changed, and the solve is cold.
            _ = HighsNative.Highs_setBasis(highs, c, r);
        }
    }

    private void Take(long modelSize)
    {
        lock (IdleInstances)
        {
            if (IdleInstances.Count > 0)
            {
                // The smallest that fits, else the largest.
                var fitting = IdleInstances.Where(i => i.Size >= modelSize).ToList();
                var idle = fitting.Count > 0 ? fitting.MinBy(i => i.Size) : IdleInstances.MaxBy(i => i.Size);
                IdleInstances.Remove(idle);
                (highs, var taken, size) = idle;
                state = (HighsNative.CallbackState*)taken;
                return;
            }
        }
        highs = HighsNative.Highs_create();
        if (HighsNative.Highs_getSizeofHighsInt(highs) != sizeof(int))
        {
            throw new InvalidOperationException("this HiGHS build counts with 64-bit integers; GridActors calls it with 32-bit ones");
        }
        Check(HighsNative.Highs_setBoolOptionValue(highs, "output_flag", 0), "take its option output_flag");
        Check(HighsNative.Highs_setStringOptionValue(highs, "solver", "simplex"), "take its option solver");
        Check(HighsNative.Highs_setIntOptionValue(highs, "simplex_strategy", 1), "take its option simplex_strategy");
        Check(HighsNative.Highs_setStringOptionValue(highs, "parallel", "off"), "take its option parallel");
        Check(HighsNative.Highs_setIntOptionValue(highs, "threads", 1), "take its option threads");
        state = (HighsNative.CallbackState*)NativeMemory.AllocZeroed((nuint)sizeof(HighsNative.CallbackState));
        Check(HighsNative.Highs_setCallback(highs, &HighsNative.Interrupt, state), "take the interrupt callback");
        Check(HighsNative.Highs_startCallback(highs, HighsNative.CallbackSimplexInterrupt), "start the interrupt callback");
    }

    /// <summary>The whole model, column-wise.</summary>
    private void PassAll(LpModel model)
    {
        var (start, index, value) = ColumnWise(model, 0, model.NumVariables());
        fixed (double* cost = CollectionsMarshal.AsSpan(model.ColumnCost), lower = CollectionsMarshal.AsSpan(model.ColumnLower), upper = CollectionsMarshal.AsSpan(model.ColumnUpper),
               rowLower = CollectionsMarshal.AsSpan(model.RowLower), rowUpper = CollectionsMarshal.AsSpan(model.RowUpper), v = value)
        fixed (int* s = start, i = index)
        {
            Check(HighsNative.Highs_passLp(highs, model.NumVariables(), model.NumConstraints(), index.Length, HighsNative.MatrixColumnwise, HighsNative.SenseMinimize, 0,
                cost, lower, upper, rowLower, rowUpper, s, i, v), "pass the model");
        }
    }

    /// <summary>What changed since HiGHS last took the model: new rows first (with their entries in the columns it has), then new columns, then changes.</summary>
    private void PassChanges(LpModel model)
    {
        var changes = model.Changes;
        var oldColumns = changes.Columns;
        var oldRows = changes.Rows;
        if (model.NumConstraints() > oldRows)
        {
            AddRows(model, oldColumns, oldRows, changes.Entries);
        }
        if (model.NumVariables() > oldColumns)
        {
            var (start, index, value) = ColumnWise(model, oldColumns, model.NumVariables());
            var count = model.NumVariables() - oldColumns;
            fixed (double* cost = CollectionsMarshal.AsSpan(model.ColumnCost)[oldColumns..], lower = CollectionsMarshal.AsSpan(model.ColumnLower)[oldColumns..],
                   upper = CollectionsMarshal.AsSpan(model.ColumnUpper)[oldColumns..], v = value)
            fixed (int* s = start, i = index)
            {
                Check(HighsNative.Highs_addCols(highs, count, cost, lower, upper, index.Length, s, i, v), "add columns");
            }
        }
        // Entries between columns and rows HiGHS had: new ones since, and changed ones.
        for (var e = changes.Entries; e < model.EntryRow.Count; e++)
        {
            if (model.EntryColumn[e] < oldColumns && model.EntryRow[e] < oldRows)
            {
                Check(HighsNative.Highs_changeCoeff(highs, model.EntryRow[e], model.EntryColumn[e], model.EntryValue[e]), "change a coefficient");
            }
        }
        foreach (var e in changes.ChangedEntries)
        {
            Check(HighsNative.Highs_changeCoeff(highs, model.EntryRow[e], model.EntryColumn[e], model.EntryValue[e]), "change a coefficient");
        }
        if (changes.Costs.Count > 0)
        {
            var set = changes.Costs.Order().ToArray();
            var cost = set.Select(c => model.ColumnCost[c]).ToArray();
            fixed (int* s = set)
            fixed (double* c = cost)
            {
                Check(HighsNative.Highs_changeColsCostBySet(highs, set.Length, s, c), "change costs");
            }
        }
        ChangeBounds(changes.ColumnBounds, model.ColumnLower, model.ColumnUpper, &HighsNative.Highs_changeColsBoundsBySet, "change column bounds");
        ChangeBounds(changes.RowBounds, model.RowLower, model.RowUpper, &HighsNative.Highs_changeRowsBoundsBySet, "change row bounds");
    }

    /// <summary>New bounds for the columns or rows in <paramref name="changed"/>, in one call.</summary>
    private void ChangeBounds(HashSet<int> changed, List<double> lower, List<double> upper, delegate*<IntPtr, int, int*, double*, double*, int> change, string what)
    {
        if (changed.Count == 0)
        {
            return;
        }
        var set = changed.Order().ToArray();
        var low = set.Select(i => lower[i]).ToArray();
        var high = set.Select(i => upper[i]).ToArray();
        fixed (int* s = set)
        fixed (double* l = low, u = high)
        {
            Check(change(highs, set.Length, s, l, u), what);
        }
    }

    /// <summary>Rows made since the last solve, row-wise, with their entries in the columns HiGHS already has.</summary>
    private void AddRows(LpModel model, int oldColumns, int oldRows, int oldEntries)
    {
        var count = model.NumConstraints() - oldRows;
        var perRow = new List<int>[count];
        for (var e = oldEntries; e < model.EntryRow.Count; e++)
        {
            var row = model.EntryRow[e];
            if (row >= oldRows && model.EntryColumn[e] < oldColumns && model.EntryValue[e] != 0)
            {
                (perRow[row - oldRows] ??= []).Add(e);
            }
        }
        var start = new int[count];
        var index = new List<int>();
        var value = new List<double>();
        for (var r = 0; r < count; r++)
        {
            start[r] = index.Count;
            foreach (var e in perRow[r] ?? [])
            {
                index.Add(model.EntryColumn[e]);
                value.Add(model.EntryValue[e]);
            }
        }
        fixed (double* lower = CollectionsMarshal.AsSpan(model.RowLower)[oldRows..], upper = CollectionsMarshal.AsSpan(model.RowUpper)[oldRows..], v = CollectionsMarshal.AsSpan(value))
        fixed (int* s = start, i = CollectionsMarshal.AsSpan(index))
        {
            Check(HighsNative.Highs_addRows(highs, count, lower, upper, index.Count, s, i, v), "add rows");
        }
    }

    /// <summary>Columns [first, end) in compressed sparse column form, zeros left out.</summary>
    private static (int[] Start, int[] Index, double[] Value) ColumnWise(LpModel model, int first, int end)
    {
        var start = new int[end - first];
        var index = new List<int>();
        var value = new List<double>();
        for (var c = first; c < end; c++)
        {
            start[c - first] = index.Count;
            foreach (var e in model.ColumnEntries(c))
            {
                if (model.EntryValue[e] != 0)
                {
                    index.Add(model.EntryRow[e]);
                    value.Add(model.EntryValue[e]);
                }
            }
        }
        return (start, [.. index], [.. value]);
    }

    private static void Check(int status, string what)
    {
        if (status == HighsNative.StatusError)
        {
            throw new InvalidOperationException($"HiGHS could not {what}");
        }
    }

    public void Dispose()
    {
        if (highs == IntPtr.Zero)
        {
            return;
        }
        // The model and the solver's state go; the options and the interrupt callback stay for the next model.
        Check(HighsNative.Highs_clearModel(highs), "clear its model");
        if (!failed)
        {
            lock (IdleInstances)
            {
                IdleInstances.Add(new Idle(highs, (IntPtr)state, size));
            }
        }
        highs = IntPtr.Zero;
        state = null;
        size = 0;
        failed = false;
    }
}
