using GridActors.Model.LinearProgramming;

namespace GridActors.Model.Assets;

internal static class AssetResponse
{
    public static void SolveOrThrow(LpModel solver, string assetId)
    {
        var status = solver.Solve();
        if (status != LpStatus.Optimal)
        {
            // An asset's own limits are always satisfiable from a state reached by a feasible schedule.
            throw SolverFailedException.For(solver, $"schedule of asset '{assetId}' within its own limits", status);
        }
    }
}
