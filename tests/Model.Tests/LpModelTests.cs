using GridActors.Model.LinearProgramming;

namespace GridActors.Model.Tests;

/// <summary>
/// The LP layer on HiGHS's C API against GLOP (through OR-Tools) on random LPs: the same optimum, a feasible primal,
/// duals that satisfy complementary slackness and price the merit order; a hot re-solve after changes equals a cold
/// solve of the changed model; a cancelled solve stops.
/// </summary>
public sealed class LpModelTests
{
    private const double Tolerance = 1e-6;

    [Fact]
    public void AThreePlantMeritOrderIsPricedByItsMarginalPlant()
    {
        foreach (var kind in new[] { LpSolverKind.Highs, LpSolverKind.Glop })
        {
            using var lp = new LpModel(kind);
            var balance = lp.MakeConstraint(150, 150, "balance");
            foreach (var (capacity, cost) in new[] { (100.0, 10.0), (100.0, 30.0), (100.0, 50.0) })
            {
                var plant = lp.MakeNumVar(0, capacity, $"plant{cost}");
                balance.SetCoefficient(plant, 1);
                lp.Objective().SetCoefficient(plant, cost);
            }
            Assert.Equal(LpStatus.Optimal, lp.Solve());
            Assert.Equal(100 * 10 + 50 * 30, lp.Objective().Value(), 9);
            // One more MW of demand costs 30: the price.
            Assert.Equal(30, balance.DualValue(), 9);
            Assert.Equal(50, lp.Variables[1].SolutionValue(), 9);
        }
    }

    /// <summary>A random feasible, bounded LP: boxed columns, rows of both kinds around a known feasible point.</summary>
    private static (double[] Lower, double[] Upper, double[] Cost, double[] RowLower, double[] RowUpper, List<(int Row, int Column, double Value)> Entries) RandomLp(Random random)
    {
        var columns = 3 + random.Next(30);
        var rows = 1 + random.Next(20);
        var lower = new double[columns];
        var upper = new double[columns];
        var cost = new double[columns];
        var point = new double[columns];
        for (var c = 0; c < columns; c++)
        {
            lower[c] = random.NextDouble() < 0.5 ? 0 : -10 * random.NextDouble();
            upper[c] = lower[c] + 1 + 20 * random.NextDouble();
            cost[c] = Math.Round(20 * random.NextDouble() - 10, 3);
            point[c] = lower[c] + (upper[c] - lower[c]) * random.NextDouble();
        }
        var entries = new List<(int, int, double)>();
        var rowLower = new double[rows];
        var rowUpper = new double[rows];
        for (var r = 0; r < rows; r++)
        {
            var activity = 0.0;
            foreach (var c in Enumerable.Range(0, columns).Where(_ => random.NextDouble() < 0.3).DefaultIfEmpty(random.Next(columns)))
            {
                var value = Math.Round(4 * random.NextDouble() - 2, 3);
                if (value == 0)
                {
                    continue;
                }
                entries.Add((r, c, value));
                activity += value * point[c];
            }
            var kind = random.Next(3);
            rowLower[r] = kind == 0 ? activity : kind == 1 ? double.NegativeInfinity : activity - 5 * random.NextDouble();
            rowUpper[r] = kind == 0 ? activity : kind == 2 ? double.PositiveInfinity : activity + 5 * random.NextDouble();
        }
        return (lower, upper, cost, rowLower, rowUpper, entries);
    }

    private static LpModel Build(LpSolverKind kind, (double[] Lower, double[] Upper, double[] Cost, double[] RowLower, double[] RowUpper, List<(int Row, int Column, double Value)> Entries) lp)
    {
        var model = new LpModel(kind);
        for (var c = 0; c < lp.Lower.Length; c++)
        {
            model.Objective().SetCoefficient(model.MakeNumVar(lp.Lower[c], lp.Upper[c], $"x{c}"), lp.Cost[c]);
        }
        for (var r = 0; r < lp.RowLower.Length; r++)
        {
            model.MakeConstraint(lp.RowLower[r], lp.RowUpper[r], $"r{r}");
        }
        foreach (var (row, column, value) in lp.Entries)
        {
            model.Constraints[row].SetCoefficient(model.Variables[column], value);
        }
        return model;
    }

    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 40)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void HighsAndGlopAgreeOnRandomLpsAndHighsDualsAreComplementary(int seed)
    {
        var lp = RandomLp(new Random(seed));
        using var highs = Build(LpSolverKind.Highs, lp);
        using var glop = Build(LpSolverKind.Glop, lp);
        Assert.Equal(LpStatus.Optimal, highs.Solve());
        Assert.Equal(LpStatus.Optimal, glop.Solve());
        Assert.Equal(glop.Objective().Value(), highs.Objective().Value(), 1e-6 * Math.Max(1, Math.Abs(glop.Objective().Value())));
        AssertOptimal(highs, lp);
    }

    /// <summary>Primal feasibility, and the duals' optimality conditions: reduced costs c − Aᵀy signed by the bound each column is at, and y zero on rows that do not bind.</summary>
    private static void AssertOptimal(LpModel model, (double[] Lower, double[] Upper, double[] Cost, double[] RowLower, double[] RowUpper, List<(int Row, int Column, double Value)> Entries) lp)
    {
        var x = model.Variables.Select(v => v.SolutionValue()).ToArray();
        var y = model.Constraints.Select(r => r.DualValue()).ToArray();
        var activity = new double[lp.RowLower.Length];
        var reduced = (double[])lp.Cost.Clone();
        foreach (var (row, column, value) in lp.Entries)
        {
            activity[row] += value * x[column];
            reduced[column] -= value * y[row];
        }
        for (var c = 0; c < x.Length; c++)
        {
            Assert.InRange(x[c], lp.Lower[c] - Tolerance, lp.Upper[c] + Tolerance);
            Assert.Equal(reduced[c], model.Variables[c].ReducedCost(), 1e-5);
            if (reduced[c] > 1e-6)
            {
                Assert.Equal(lp.Lower[c], x[c], 1e-5);
            }
            else if (reduced[c] < -1e-6)
            {
                Assert.Equal(lp.Upper[c], x[c], 1e-5);
            }
        }
        for (var r = 0; r < activity.Length; r++)
        {
            Assert.InRange(activity[r], lp.RowLower[r] - 1e-5, lp.RowUpper[r] + 1e-5);
            if (y[r] > 1e-6)
            {
                Assert.Equal(lp.RowLower[r], activity[r], 1e-5);
            }
            else if (y[r] < -1e-6)
            {
                Assert.Equal(lp.RowUpper[r], activity[r], 1e-5);
            }
        }
    }

    /// <summary>Forty seeds on HiGHS, ten on GLOP and CLP (kept incrementally by OR-Tools).</summary>
    public static TheoryData<int, LpSolverKind> SeedsAndSolvers()
    {
        var data = new TheoryData<int, LpSolverKind>();
        foreach (var seed in Enumerable.Range(1, 40))
        {
            data.Add(seed, LpSolverKind.Highs);
            if (seed <= 10)
            {
                data.Add(seed, LpSolverKind.Glop);
                data.Add(seed, LpSolverKind.Clp);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SeedsAndSolvers))]
    public void AHotReSolveAfterChangesEqualsAColdSolveOfTheChangedModel(int seed, LpSolverKind kind)
    {
        var random = new Random(seed);
        var lp = RandomLp(random);
        using var hot = Build(kind, lp);
        Assert.Equal(LpStatus.Optimal, hot.Solve());
        for (var round = 0; round < 3; round++)
        {
            // What a negotiation round does: new prices (costs), a new injection (row bounds), a new column with entries.
            foreach (var c in Enumerable.Range(0, lp.Cost.Length).Where(_ => random.NextDouble() < 0.3))
            {
                lp.Cost[c] = Math.Round(lp.Cost[c] * (0.9 + 0.2 * random.NextDouble()), 3);
                hot.Objective().SetCoefficient(hot.Variables[c], lp.Cost[c]);
            }
            foreach (var r in Enumerable.Range(0, lp.RowLower.Length).Where(_ => random.NextDouble() < 0.2))
            {
                var widen = random.NextDouble();
                lp.RowLower[r] -= widen;
                lp.RowUpper[r] += widen;
                hot.Constraints[r].SetBounds(lp.RowLower[r], lp.RowUpper[r]);
            }
            var column = lp.Cost.Length;
            lp = (Append(lp.Lower, 0), Append(lp.Upper, 5), Append(lp.Cost, Math.Round(10 * random.NextDouble() - 5, 3)), lp.RowLower, lp.RowUpper, lp.Entries);
            var added = hot.MakeNumVar(0, 5, $"x{column}");
            hot.Objective().SetCoefficient(added, lp.Cost[column]);
            var row = random.Next(lp.RowLower.Length);
            lp.Entries.Add((row, column, 1));
            hot.Constraints[row].SetCoefficient(added, 1);
            // A new row over old and new columns.
            var newRow = lp.RowLower.Length;
            lp = (lp.Lower, lp.Upper, lp.Cost, Append(lp.RowLower, double.NegativeInfinity), Append(lp.RowUpper, 1000), lp.Entries);
            var limit = hot.MakeConstraint(double.NegativeInfinity, 1000, $"r{newRow}");
            foreach (var c in new[] { 0, column })
            {
                lp.Entries.Add((newRow, c, 1));
                limit.SetCoefficient(hot.Variables[c], 1);
            }

            using var cold = Build(LpSolverKind.Highs, lp);
            Assert.Equal(LpStatus.Optimal, cold.Solve());
            Assert.Equal(LpStatus.Optimal, hot.Solve());
            Assert.Equal(cold.Objective().Value(), hot.Objective().Value(), 1e-6 * Math.Max(1, Math.Abs(cold.Objective().Value())));
            if (kind == LpSolverKind.Highs)
            {
                AssertOptimal(hot, lp);
            }
        }
        Assert.Equal(4, hot.Solves);
    }

    /// <summary>New random costs for every column of <paramref name="lp"/> and of the models built from it.</summary>
    private static void Reprice(Random random, (double[] Lower, double[] Upper, double[] Cost, double[] RowLower, double[] RowUpper, List<(int Row, int Column, double Value)> Entries) lp, params LpModel[] models)
    {
        for (var c = 0; c < lp.Cost.Length; c++)
        {
            lp.Cost[c] = Math.Round(20 * random.NextDouble() - 10, 3);
            foreach (var model in models)
            {
                model.Objective().SetCoefficient(model.Variables[c], lp.Cost[c]);
            }
        }
    }

    private static double[] Append(double[] values, double value) => [.. values, value];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AReSolvePastItsIterationLimitIsSolvedAgainFromScratch(int seed)
    {
        var random = new Random(seed);
        var lp = RandomLp(random);
        using var free = Build(LpSolverKind.Highs, lp);
        using var limited = Build(LpSolverKind.Highs, lp);
        limited.HotIterationLimit = 1;
        Assert.Equal(LpStatus.Optimal, free.Solve());
        Assert.Equal(LpStatus.Optimal, limited.Solve());
        // Other prices everywhere: the re-solve has work to do.
        Reprice(random, lp, free, limited);
        Assert.Equal(LpStatus.Optimal, free.Solve());
        Assert.Equal(LpStatus.Optimal, limited.Solve());
        Assert.Equal(free.Objective().Value(), limited.Objective().Value(), 1e-7 * Math.Max(1, Math.Abs(free.Objective().Value())));
        AssertOptimal(limited, lp);
    }

    [Fact]
    public void AModelTheSimplexFailsOnFromItsBasisAndFromScratchIsSolvedByTheInteriorPoint()
    {
        var byInteriorPoint = 0;
        for (var seed = 1; seed <= 40; seed++)
        {
            var random = new Random(seed);
            var lp = RandomLp(random);
            using var free = Build(LpSolverKind.Highs, lp);
            using var limited = Build(LpSolverKind.Highs, lp);
            Assert.Equal(LpStatus.Optimal, free.Solve());
            Assert.Equal(LpStatus.Optimal, limited.Solve());
            Assert.Equal(LpAttempt.AsUsual, limited.SolvedBy);
            // One simplex iteration is too few for most re-solves, from the kept basis and from scratch alike.
            limited.HotIterationLimit = 1;
            Reprice(random, lp, free, limited);
            Assert.Equal(LpStatus.Optimal, free.Solve());
            Assert.Equal(LpStatus.Optimal, limited.Solve());
            Assert.Equal(limited.SolvedBy == LpAttempt.AsUsual ? 0 : 1, limited.Work.Retried);
            Assert.Null(limited.LastFailure);
            Assert.Equal(free.Objective().Value(), limited.Objective().Value(), 1e-7 * Math.Max(1, Math.Abs(free.Objective().Value())));
            AssertOptimal(limited, lp);
            if (limited.SolvedBy != LpAttempt.InteriorPoint)
            {
                continue;
            }
            byInteriorPoint++;
            // Its crossover left a basis: the next re-solve goes on from it with the simplex as usual.
            limited.HotIterationLimit = 100_000;
            lp.Cost[0] += 1;
            free.Objective().SetCoefficient(free.Variables[0], lp.Cost[0]);
            limited.Objective().SetCoefficient(limited.Variables[0], lp.Cost[0]);
            Assert.Equal(LpStatus.Optimal, free.Solve());
            Assert.Equal(LpStatus.Optimal, limited.Solve());
            Assert.Equal(LpAttempt.AsUsual, limited.SolvedBy);
            Assert.Equal(free.Objective().Value(), limited.Objective().Value(), 1e-7 * Math.Max(1, Math.Abs(free.Objective().Value())));
        }
        Assert.True(byInteriorPoint >= 10, $"{byInteriorPoint} of 40 random models went as far as the interior point");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AModelStartedFromAnotherModelsBasisReachesTheColdOptimum(int seed)
    {
        // The next window of a rolling optimum: the same shape, other costs and right-hand sides.
        var random = new Random(seed);
        var lp = RandomLp(random);
        using var previous = Build(LpSolverKind.Highs, lp);
        Assert.Equal(LpStatus.Optimal, previous.Solve());
        var basis = previous.FinalBasis();
        Assert.NotNull(basis);
        AssertTheNextWindowFromTheBasisReachesItsColdOptimum(random, lp, basis);
    }

    /// <summary>The LP with other costs and bounds (the next window), started from <paramref name="basis"/>, reaches the optimum of a solve from nothing.</summary>
    private static void AssertTheNextWindowFromTheBasisReachesItsColdOptimum(Random random, (double[] Lower, double[] Upper, double[] Cost, double[] RowLower, double[] RowUpper, List<(int Row, int Column, double Value)> Entries) lp, LpBasis basis)
    {
        var next = lp with
        {
            Cost = [.. lp.Cost.Select(c => c * (1 + 0.2 * (random.NextDouble() - 0.5)))],
            Upper = [.. lp.Upper.Select(u => u + random.NextDouble())],
        };
        using var cold = Build(LpSolverKind.Highs, next);
        using var warm = Build(LpSolverKind.Highs, next);
        warm.StartFrom(basis);
        Assert.Equal(LpStatus.Optimal, cold.Solve());
        Assert.Equal(LpStatus.Optimal, warm.Solve());
        Assert.Equal(cold.Objective().Value(), warm.Objective().Value(), 1e-7 * Math.Max(1, Math.Abs(cold.Objective().Value())));
        AssertOptimal(warm, next);
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void TheBuiltPartOfABasisAfterRowsAndColumnsWereAddedStartsTheNextModelAtItsColdOptimum(int seed)
    {
        // A region's market: built, solved, then rows added that the solution broke (some binding, some slack) and, here,
        // columns too; its basis on the model as built starts the next window's market, built alike.
        var random = new Random(seed);
        var lp = RandomLp(random);
        using var previous = Build(LpSolverKind.Highs, lp);
        Assert.Equal(LpStatus.Optimal, previous.Solve());
        var (columns, rows) = (previous.NumVariables(), previous.NumConstraints());
        for (var added = 0; added < 1 + random.Next(4); added++)
        {
            var subset = Enumerable.Range(0, columns).Where(_ => random.NextDouble() < 0.4).DefaultIfEmpty(0).ToArray();
            var activity = subset.Sum(c => previous.Variables[c].SolutionValue());
            // At the solution's activity (binding) or above it (slack): the solution stays feasible.
            var row = previous.MakeConstraint(double.NegativeInfinity, activity + (random.NextDouble() < 0.5 ? 0 : 1 + random.NextDouble()));
            foreach (var c in subset)
            {
                row.SetCoefficient(previous.Variables[c], 1);
            }
            if (random.NextDouble() < 0.5)
            {
                var column = previous.MakeNumVar(0, 5, $"added{added}");
                previous.Objective().SetCoefficient(column, -random.NextDouble());
                row.SetCoefficient(column, 1);
            }
            Assert.Equal(LpStatus.Optimal, previous.Solve());
        }

        var start = LpBasisProjection.FirstPart(previous, columns, rows);
        Assert.NotNull(start);
        Assert.Equal((columns, rows), (start.Columns.Length, start.Rows.Length));
        Assert.Equal(rows, start.Columns.Count(s => s == 1) + start.Rows.Count(s => s == 1));
        var carried = PackedBasis.Of(start).Unpack();
        Assert.Equal(start.Columns, carried.Columns);
        Assert.Equal(start.Rows, carried.Rows);
        AssertTheNextWindowFromTheBasisReachesItsColdOptimum(random, lp, carried);
    }

    [Fact]
    public void APackedBasisKeepsLongAndShortRunsOfEveryStatus()
    {
        var random = new Random(5);
        // Runs of 1 to 40,000 statuses: lengths of one, two and three bytes.
        int[] statuses = [.. Enumerable.Range(0, 90).SelectMany(i => Enumerable.Repeat(random.Next(5), i % 3 == 0 ? 1 : i % 3 == 1 ? 200 : 40_000))];
        var basis = new LpBasis(statuses[..1_000_000], statuses[1_000_000..]);
        var packed = PackedBasis.Of(basis);
        Assert.True(packed.Runs.Length <= 90 * 4, $"{packed.Runs.Length} bytes");
        var unpacked = packed.Unpack();
        Assert.Equal(basis.Columns, unpacked.Columns);
        Assert.Equal(basis.Rows, unpacked.Rows);
    }

    [Fact]
    public void ALongSolveTellsWhereTheSimplexIs()
    {
        // A dispatch LP the simplex needs thousands of iterations for: plants with ramps over many steps of random demand.
        var random = new Random(5);
        using var model = new LpModel(LpSolverKind.Highs);
        const int plants = 30, steps = 1500;
        var previous = new LpVariable[plants];
        for (var t = 0; t < steps; t++)
        {
            var balance = model.MakeConstraint(0, 0, $"b{t}");
            var demand = 2000 + 1500 * Math.Sin(t / 4.0) + 300 * random.NextDouble();
            balance.SetBounds(demand, demand);
            for (var p = 0; p < plants; p++)
            {
                var output = model.MakeNumVar(0, 200, $"p{p}_{t}");
                model.Objective().SetCoefficient(output, 10 + p + random.NextDouble());
                balance.SetCoefficient(output, 1);
                if (previous[p] is { } before)
                {
                    var ramp = model.MakeConstraint(-20 - p, 20 + p, $"r{p}_{t}");
                    ramp.SetCoefficient(output, 1);
                    ramp.SetCoefficient(before, -1);
                }
                previous[p] = output;
            }
            var unserved = model.MakeNumVar(0, double.PositiveInfinity, $"u{t}");
            model.Objective().SetCoefficient(unserved, 10_000);
            balance.SetCoefficient(unserved, 1);
        }
        var seen = new System.Collections.Concurrent.ConcurrentQueue<LpProgress>();
        model.Progress = seen.Enqueue;
        model.ProgressInterval = TimeSpan.Zero;
        Assert.Equal(LpStatus.Optimal, model.Solve());
        Assert.NotEmpty(seen);
        var told = seen.ToArray();
        Assert.True(told.Any(p => p.Iterations > 0), $"{model.Iterations} iterations; told: {string.Join(", ", told.TakeLast(8))}");
        Assert.All(told, p => Assert.InRange(p.Iterations, 0, model.Iterations));
        Assert.All(told, p => Assert.InRange(p.Seconds, 0, 600));
        Assert.Equal(told.Select(p => p.Iterations).Order(), told.Select(p => p.Iterations));
    }

    [Fact]
    public void ACancelledSolveStopsAsInterrupted()
    {
        using var lp = new LpModel(LpSolverKind.Highs);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        var random = new Random(5);
        // Large enough that simplex iterates (and asks its callback) before it ends.
        var columns = Enumerable.Range(0, 3000).Select(c => lp.MakeNumVar(0, 1 + random.NextDouble(), $"x{c}")).ToArray();
        for (var r = 0; r < 1500; r++)
        {
            var row = lp.MakeConstraint(double.NegativeInfinity, 10 * random.NextDouble(), $"r{r}");
            for (var k = 0; k < 6; k++)
            {
                row.SetCoefficient(columns[random.Next(columns.Length)], random.NextDouble());
            }
        }
        foreach (var column in columns)
        {
            lp.Objective().SetCoefficient(column, -random.NextDouble());
        }
        Assert.Equal(LpStatus.Interrupted, lp.Solve(cancelled.Token));
        Assert.Equal(LpStatus.Optimal, lp.Solve());
    }
}
