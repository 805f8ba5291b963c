namespace GridActors.Model.Output;

/// <summary>
/// How a run went: the contents of run.json, the one file that differs between identical runs. <paramref name="Lp"/> is
/// what its LPs cost, by role; <paramref name="Clearing"/> the clearing a negotiated run took (null for the optima).
/// </summary>
public sealed record RunInfo(string RunId, string Mode, double WallSeconds, int Silos, int WindowSteps, string Version, string? Solver = null, int? LookaheadSteps = null,
    IReadOnlyList<GridActors.Model.LinearProgramming.LpWork>? Lp = null, string? Clearing = null)
{
    public static string Machine => $"{Environment.MachineName}, {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}";
}
