namespace GridActors.Model.LinearProgramming;

/// <summary>
/// What changed in an <see cref="LpModel"/> since the solver last took it: how many columns, rows and entries it
/// had then, and which of those have since changed cost, bounds or value. Anything beyond those counts is new.
/// </summary>
internal sealed class LpChanges
{
    public int Columns { get; private set; }

    public int Rows { get; private set; }

    public int Entries { get; private set; }

    /// <summary>Whether the solver holds the model at all (false before the first solve and after a reset).</summary>
    public bool Held { get; private set; }

    public HashSet<int> Costs { get; } = [];

    public HashSet<int> ColumnBounds { get; } = [];

    public HashSet<int> RowBounds { get; } = [];

    /// <summary>Entries the solver holds whose value changed since.</summary>
    public HashSet<int> ChangedEntries { get; } = [];

    public void CostChanged(int column)
    {
        if (column < Columns)
        {
            Costs.Add(column);
        }
    }

    public void ColumnBoundsChanged(int column)
    {
        if (column < Columns)
        {
            ColumnBounds.Add(column);
        }
    }

    public void RowBoundsChanged(int row)
    {
        if (row < Rows)
        {
            RowBounds.Add(row);
        }
    }

    public void EntryChanged(int entry)
    {
        if (entry < Entries)
        {
            ChangedEntries.Add(entry);
        }
    }

    /// <summary>The solver now holds the model as it is.</summary>
    public void Synced(int columns, int rows, int entries)
    {
        Columns = columns;
        Rows = rows;
        Entries = entries;
        Held = true;
        Costs.Clear();
        ColumnBounds.Clear();
        RowBounds.Clear();
        ChangedEntries.Clear();
    }

    /// <summary>The solver holds nothing: the next solve passes the whole model.</summary>
    public void Clear()
    {
        Synced(0, 0, 0);
        Held = false;
    }
}

/// <summary>One solve's outcome, in the model's column and row order.</summary>
internal sealed record LpResult(LpStatus Status, double Objective, double[] ColumnValue, double[] ColumnDual, double[] RowDual, long Iterations, string? Failure = null);

/// <summary>A solver behind an <see cref="LpModel"/>.</summary>
internal interface ILpSolver : IDisposable
{
    LpResult Solve(LpModel model, CancellationToken cancellation);

    /// <summary>The basis of the last optimal solve, when the solver keeps one (HiGHS); null otherwise.</summary>
    LpBasis? Basis();
}

/// <summary>
/// A simplex basis in HiGHS's terms (per column and per row: 0 at lower bound, 1 basic, 2 at upper bound, 3 zero,
/// 4 nonbasic), to start another model of the same shape from: the next window of a rolling optimum.
/// </summary>
public sealed record LpBasis(int[] Columns, int[] Rows)
{
    /// <summary>Whether the basis has <paramref name="model"/>'s shape, so that it can start it.</summary>
    public bool Fits(LpModel model) => Columns.Length == model.NumVariables() && Rows.Length == model.NumConstraints();
}
