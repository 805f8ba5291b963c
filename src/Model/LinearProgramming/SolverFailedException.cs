namespace GridActors.Model.LinearProgramming;

/// <summary>
/// A market the solver could not solve although it always has an optimum (every balance has its unserved and spilled
/// slacks): numerical trouble in the solver, not a mistake in the scenario. Serializable: it is thrown in a grain and
/// must reach a client on another process with its message intact.
/// </summary>
[GenerateSerializer, Alias("GridActors.SolverFailedException")]
public sealed class SolverFailedException : Exception
{
    public SolverFailedException() { }

    public SolverFailedException(string message) : base(message) { }

    public SolverFailedException(string message, Exception inner) : base(message, inner) { }

    /// <summary>Thrown for <paramref name="model"/>'s last solve, which ended <paramref name="status"/>: what was solved, how it ended, what was tried.</summary>
    public static SolverFailedException For(LpModel model, string market, LpStatus status) =>
        new($"the {market} could not be solved ({model.LastFailure ?? status.ToString()}; tried from its kept basis, from scratch and by the interior point)");
}
