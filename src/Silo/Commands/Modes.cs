using System.Diagnostics;
using GridActors.Grains.Abstractions;
using GridActors.Grains.Simulation;
using GridActors.Model.Optimization;
using GridActors.Model.Results;
using GridActors.Model.Scenario;

namespace GridActors.Silo.Commands;

/// <summary>The two ways to dispatch a scenario, each writing a complete result folder.</summary>
public static class Modes
{
    /// <summary>Negotiating grains on the embedded silo.</summary>
    public static async Task<(SummaryAccumulator Summary, RunInfo Info)> NegotiatedAsync(
        ResolvedScenario scenario, RunOptions options, string outputDirectory, Action<WindowReport>? onWindow, CancellationToken cancellationToken)
    {
        using var host = await EmbeddedCluster.StartAsync(cancellationToken);
        try
        {
            return await RunDriver.ExecuteAsync(EmbeddedCluster.Client(host), scenario, options, outputDirectory, silos: 1, onWindow, cancellationToken);
        }
        finally
        {
            await host.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The whole horizon as one linear program. Throws <see cref="DispatchInfeasibleException"/> for a model with no optimum.</summary>
    public static (SummaryAccumulator Summary, RunInfo Info, OptimalDispatch Dispatch) Optimal(
        ResolvedScenario scenario, LpSolverKind solver, string? mpsPath, string outputDirectory)
    {
        var watch = Stopwatch.StartNew();
        var dispatch = HorizonOptimizer.Solve(scenario, solver, mpsPath);
        var (summary, info) = OptimalResults.Write(scenario, dispatch, outputDirectory, watch.Elapsed.TotalSeconds);
        return (summary, info, dispatch);
    }
}
