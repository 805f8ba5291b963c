using GridActors.Model.LinearProgramming;
using GridActors.Model.Market;
using GridActors.Model.Options;
using GridActors.Model.PlacementPolicies;

namespace GridActors.Abstractions;

/// <summary>
/// How a run advances: the steps each window commits, the look-ahead steps it plans beyond them
/// (so storage and deferred demand see past the window's end), the negotiation's limits, and the
/// solver of the window market (CLP by default: it re-solves the growing master problem about
/// twice as fast as GLOP here, with correct duals), and where the market is cleared.
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RunOptions")]
public sealed record RunOptions(
    [property: Id(0)] int WindowSteps,
    [property: Id(1)] int LookaheadSteps,
    [property: Id(2)] NegotiationOptions Negotiation,
    [property: Id(3)] LpSolverKind MarketSolver,
    [property: Id(4)] Placement Placement = Placement.Negotiated,
    [property: Id(5)] Clearing Clearing = Clearing.Auto)
{
    public static RunOptions Default { get; } = new(24, 24, new NegotiationOptions(), LpSolverKind.Highs);
}
