using Google.OrTools.LinearSolver;

namespace GridActors.Model.Assets;

internal static class AssetResponse
{
    public static void SolveOrThrow(Solver solver, string assetId)
    {
        var status = solver.Solve();
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            // An asset's own limits are always satisfiable from a state reached by a feasible schedule.
            throw new InvalidOperationException($"asset '{assetId}' found no schedule within its own limits (solver status {status})");
        }
    }
}
