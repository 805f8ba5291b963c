using System.Diagnostics;
using GridActors.Abstractions;
using GridActors.Client;
using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Optimization;
using GridActors.Model.Options;
using GridActors.Model.Output;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;
using GridActors.Silo.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GridActors.Silo.Commands;

/// <summary>A cluster on PostgreSQL to drive runs on.</summary>
public sealed record ClusterTarget(string Postgres, string ClusterId);

/// <summary>The two ways to dispatch a scenario, each writing a complete result folder.</summary>
public static class Modes
{
    /// <summary>
    /// Negotiating grains: on the embedded silo, or, given a PostgreSQL cluster, on its silos as their client.
    /// <paramref name="resumeRunId"/> continues a stored run instead of starting one.
    /// </summary>
    public static async Task<(SummaryAccumulator Summary, RunInfo Info)> NegotiatedAsync(
        ResolvedScenario scenario, RunOptions options, string outputDirectory, Action<WindowReport>? onWindow, CancellationToken cancellationToken,
        ClusterTarget? cluster = null, string? resumeRunId = null, ResultFormat format = ResultFormat.Csv)
    {
        using var host = cluster is null
            ? await EmbeddedCluster.StartAsync(cancellationToken)
            : await GridClient.StartAsync(cluster.Postgres, cluster.ClusterId, cancellationToken);
        try
        {
            var grains = host.Services.GetRequiredService<IClusterClient>();
            var silos = cluster is null ? 1 : (await grains.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true)).Count;
            var hooks = new RunHooks(resumeRunId, silos, onWindow is null ? null : (window, _, _) =>
            {
                onWindow(window.Report);
                return Task.CompletedTask;
            }, Resume: resumeRunId is not null, OnRecovering: e => Console.Error.WriteLine($"warning: {e.Message.Split('\n')[0]}; going on from the last checkpoint"),
                KeepPastWindows: cluster is not null, Format: format);
            return await RunDriver.ExecuteAsync(grains, scenario, options, outputDirectory, hooks, cancellationToken);
        }
        finally
        {
            // Stopped by the user, the silo is not drained: its run grain may be deep in a window.
            using var patience = cancellationToken.IsCancellationRequested ? new CancellationTokenSource(TimeSpan.FromSeconds(2)) : null;
            await host.StopAsync(patience?.Token ?? CancellationToken.None);
        }
    }

    /// <summary>The whole horizon as one linear program. Throws <see cref="DispatchInfeasibleException"/> for a model with no optimum.</summary>
    public static (SummaryAccumulator Summary, RunInfo Info, OptimalDispatch Dispatch) Optimal(
        ResolvedScenario scenario, LpSolverKind solver, string? mpsPath, string outputDirectory, ResultFormat format = ResultFormat.Csv, Action<LpProgress>? progress = null)
    {
        var watch = Stopwatch.StartNew();
        var dispatch = HorizonOptimizer.Solve(scenario, solver, mpsPath, progress: progress);
        var (summary, info) = OptimalResults.Write(scenario, [dispatch.Report], OptimalRunFacts.Whole(dispatch), outputDirectory, watch, format: format);
        return (summary, info, dispatch);
    }

    /// <summary>
    /// The rolling optimum: window by window with the given look-ahead, each window written as it is solved and told
    /// to <paramref name="onWindow"/>. Throws <see cref="DispatchInfeasibleException"/> for a window with no optimum.
    /// </summary>
    public static (SummaryAccumulator Summary, RunInfo Info) Rolling(
        ResolvedScenario scenario, LpSolverKind solver, int windowSteps, int lookaheadSteps, string outputDirectory, Action<RollingWindow>? onWindow = null,
        ResultFormat format = ResultFormat.Csv, bool warmStart = true, CancellationToken cancellationToken = default)
    {
        var watch = Stopwatch.StartNew();
        // The next window is solved while this one is written.
        var facts = new OptimalRunFacts(LpSolvers.Name(solver), windowSteps, lookaheadSteps);
        var windows = ReadAhead.Of(RollingOptimizer.Solve(scenario, solver, windowSteps, lookaheadSteps, warmStart, cancellationToken), cancellationToken).Select(w =>
        {
            facts.Lp.Add(w.Lp);
            onWindow?.Invoke(w);
            return w.Report;
        });
        return OptimalResults.Write(scenario, windows, facts, outputDirectory, watch, format: format);
    }
}
