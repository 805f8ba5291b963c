using GridActors.Model.LinearProgramming;
using GridActors.Model.Options;

namespace GridActors.Abstractions;

/// <summary>
/// A window opens in a region that clears its own assets: it collects their bids over the window and its look-ahead
/// and sets up its market (<see cref="Clearing.Regional"/>).
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.RegionWindowOpening")]
public sealed record RegionWindowOpening(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] int Steps,
    [property: Id(2)] int CommitSteps,
    [property: Id(3)] LpSolverKind Solver);
