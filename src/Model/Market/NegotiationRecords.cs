namespace GridActors.Model.Market;

/// <summary>How long the flexible assets negotiate in each window.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.NegotiationOptions")]
public sealed record NegotiationOptions(
    [property: Id(0)] int MaxRounds = 30,
    [property: Id(1)] double RelativeGap = 1e-4)
{
    /// <summary>Below this absolute gap (currency) a window counts as converged whatever its size.</summary>
    public const double AbsoluteGap = 1;
}

/// <summary>
/// How the negotiation of one window went. <see cref="CoordinatorSeconds"/> is the time the run
/// grain spent on the window itself, not waiting for other grains or storage, and <see cref="Lp"/>
/// what its LPs cost by role (the window market, or the coordinator and the regions' markets):
/// measurements for run.json and `bench`, never part of the results that must repeat byte for byte.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.NegotiationRecord")]
public sealed record NegotiationRecord(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Rounds,
    [property: Id(2)] bool Converged,
    [property: Id(3)] double Gap,
    [property: Id(4)] double RelativeGap,
    [property: Id(5)] double LastPriceChangePerMwh,
    [property: Id(6)] double Objective,
    [property: Id(7)] double CoordinatorSeconds = 0,
    [property: Id(8)] GridActors.Model.LinearProgramming.LpWork[]? Lp = null);
