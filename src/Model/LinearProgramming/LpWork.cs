namespace GridActors.Model.LinearProgramming;

/// <summary>Where a HiGHS solve is: simplex iterations so far (0 as the simplex starts after presolve), seconds since it started.</summary>
public sealed record LpProgress(int Iterations, double Seconds);

/// <summary>
/// What the LPs of one role (a region's market, the coordinator, the window market, a window of the rolling optimum)
/// cost: solves from nothing kept (cold) apart from re-solves of a kept model (hot), their simplex iterations and
/// seconds, and how many solves failed and were made again another way (<see cref="LpModel.Solve"/>). Carried in each window's record to run.json, so that what the rounds of a negotiation cost can be seen;
/// a measurement, never part of the results that repeat byte for byte.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.LpWork")]
public sealed record LpWork(
    [property: Id(0)] string Role,
    [property: Id(1)] int ColdSolves,
    [property: Id(2)] long ColdIterations,
    [property: Id(3)] double ColdSeconds,
    [property: Id(4)] int HotSolves,
    [property: Id(5)] long HotIterations,
    [property: Id(6)] double HotSeconds,
    [property: Id(7)] int Retried)
{
    public static LpWork None(string role) => new(role, 0, 0, 0, 0, 0, 0, 0);

    public int Solves => ColdSolves + HotSolves;

    public long Iterations => ColdIterations + HotIterations;

    /// <summary>This and one more solve, <paramref name="retried"/> when it failed and was made again another way.</summary>
    public LpWork Plus(bool cold, long iterations, double seconds, bool retried)
    {
        var plus = cold
            ? this with { ColdSolves = ColdSolves + 1, ColdIterations = ColdIterations + iterations, ColdSeconds = ColdSeconds + seconds }
            : this with { HotSolves = HotSolves + 1, HotIterations = HotIterations + iterations, HotSeconds = HotSeconds + seconds };
        return retried ? plus with { Retried = Retried + 1 } : plus;
    }

    public LpWork Plus(LpWork other) => new(Role,
        ColdSolves + other.ColdSolves, ColdIterations + other.ColdIterations, ColdSeconds + other.ColdSeconds,
        HotSolves + other.HotSolves, HotIterations + other.HotIterations, HotSeconds + other.HotSeconds, Retried + other.Retried);

    /// <summary>Totals by role, in the order of the roles' first appearance.</summary>
    public static LpWork[] ByRole(IEnumerable<LpWork> work) =>
        [.. work.GroupBy(w => w.Role, StringComparer.Ordinal).Select(g => g.Aggregate(None(g.Key), (sum, w) => sum.Plus(w)))];
}
