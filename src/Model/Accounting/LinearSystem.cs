namespace GridActors.Model.Accounting;

/// <summary>Dense linear systems of the size of a scenario's regions, solved by Gaussian elimination with partial pivoting.</summary>
internal static class LinearSystem
{
    /// <summary>Solves A·x = b; A and b are overwritten. A must be non-singular (the flow-tracing matrix is, by column dominance).</summary>
    public static double[] Solve(double[,] a, double[] b)
    {
        var n = b.Length;
        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var row = col + 1; row < n; row++)
            {
                if (Math.Abs(a[row, col]) > Math.Abs(a[pivot, col]))
                {
                    pivot = row;
                }
            }
            if (Math.Abs(a[pivot, col]) < 1e-12)
            {
                throw new InvalidOperationException($"singular system at column {col}");
            }
            if (pivot != col)
            {
                for (var j = 0; j < n; j++)
                {
                    (a[col, j], a[pivot, j]) = (a[pivot, j], a[col, j]);
                }
                (b[col], b[pivot]) = (b[pivot], b[col]);
            }
            for (var row = col + 1; row < n; row++)
            {
                var f = a[row, col] / a[col, col];
                if (f == 0)
                {
                    continue;
                }
                for (var j = col; j < n; j++)
                {
                    a[row, j] -= f * a[col, j];
                }
                b[row] -= f * b[col];
            }
        }
        var x = new double[n];
        for (var row = n - 1; row >= 0; row--)
        {
            var sum = b[row];
            for (var j = row + 1; j < n; j++)
            {
                sum -= a[row, j] * x[j];
            }
            x[row] = sum / a[row, row];
        }
        return x;
    }
}
