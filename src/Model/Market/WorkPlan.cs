namespace GridActors.Model.Market;

/// <summary>
/// A schedule a workload's broker offers for the work it holds and the work that will arrive over
/// a window and its look-ahead: IT power per step on each of its routes (origin first), power of
/// work dropped unfinished per step, and what the plan costs the broker itself (data moved and SLA
/// penalties). The market mixes a broker's plans like an asset's proposals.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.WorkPlan")]
public sealed record WorkPlan(
    [property: Id(0)] int Workload,
    [property: Id(1)] double[][] RunMw,
    [property: Id(2)] double[] UnfinishedMw,
    [property: Id(3)] double Cost)
{
    /// <summary>What the plan costs the system at the given per-MW-step cost of each route and step, plus its own cost.</summary>
    public double CostAt(double[][] routeCostPerMwStep)
    {
        var total = Cost;
        for (var k = 0; k < RunMw.Length; k++)
        {
            for (var r = 0; r < RunMw[k].Length; r++)
            {
                total += RunMw[k][r] * routeCostPerMwStep[r][k];
            }
        }
        return total;
    }
}

/// <summary>The flexible side's answers to one price signal: the assets' schedules and the brokers' plans.</summary>
public sealed record Answers(Proposal[] Assets, WorkPlan[] Work)
{
    public bool IsEmpty => Assets.Length == 0 && Work.Length == 0;
}
