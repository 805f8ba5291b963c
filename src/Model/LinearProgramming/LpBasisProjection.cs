namespace GridActors.Model.LinearProgramming;

/// <summary>The part of a model's last basis that covers its first columns and rows, made a whole basis again.</summary>
public static class LpBasisProjection
{
    /// <summary>
    /// The statuses of <paramref name="model"/>'s first <paramref name="columns"/> columns and <paramref name="rows"/>
    /// rows in its last basis (<see cref="LpModel.FinalBasis"/>), with as many basic as there are rows, so that HiGHS
    /// takes it: rows added after those took basic columns with them (a binding row) or gave basic slacks (a slack one),
    /// so the basic columns nearest a bound leave, or the slacks of the rows with the smallest duals enter. Ties go to
    /// the lower index: the same basis on every machine. A start for a model built alike (the next window's market);
    /// null when the model has no basis (not solved, or not on HiGHS).
    /// </summary>
    public static LpBasis? FirstPart(LpModel model, int columns, int rows)
    {
        if (model.FinalBasis() is not { } basis)
        {
            return null;
        }
        var c = basis.Columns[..columns];
        var r = basis.Rows[..rows];
        var excess = c.Count(IsBasic) + r.Count(IsBasic) - rows;
        if (excess > 0)
        {
            var leaving = Enumerable.Range(0, columns).Where(j => IsBasic(c[j]))
                .Select(j => Nearest(model.Variables[j], j))
                .Where(x => double.IsFinite(x.Distance))
                .OrderBy(x => x.Distance).ThenBy(x => x.Column).Take(excess).ToArray();
            foreach (var (j, status, _) in leaving)
            {
                c[j] = status;
            }
            excess -= leaving.Length;
        }
        if (excess < 0)
        {
            foreach (var i in Enumerable.Range(0, rows).Where(i => !IsBasic(r[i])).OrderBy(i => Math.Abs(model.Constraints[i].DualValue())).ThenBy(i => i).Take(-excess))
            {
                r[i] = Basic;
            }
        }
        return new LpBasis(c, r);
    }

    /// <summary>HiGHS's statuses: at the lower bound, basic, at the upper bound.</summary>
    private const int AtLower = 0, Basic = 1, AtUpper = 2;

    private static bool IsBasic(int status) => status == Basic;

    /// <summary>A column's nearest bound, as the status it leaves the basis with, and how far its value is from it.</summary>
    private static (int Column, int Status, double Distance) Nearest(LpVariable variable, int column)
    {
        var value = variable.SolutionValue();
        var below = value - variable.Lb();
        var above = variable.Ub() - value;
        return below <= above ? (column, AtLower, below) : (column, AtUpper, above);
    }
}
