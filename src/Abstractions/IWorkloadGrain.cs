using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Abstractions;

/// <summary>A workload's broker: holds the work that arrived and has not run, and negotiates where and when it runs. Keyed "runId/workload/id".</summary>
[Alias("GridActors.IWorkloadGrain")]
public interface IWorkloadGrain : IGrainWithStringKey
{
    /// <summary>Hands the broker the scenario, which workload it places and, when a run is rolled back, the work it held at the checkpoint.</summary>
    [Alias("Initialize")]
    Task InitializeAsync(ResolvedScenario scenario, int workload, DeferredEnergy[]? backlog = null);

    /// <summary>Returns the plan that costs the work least at the given per-MW costs of its routes (and, with a window's first signal, the plan that drops everything, which always fits).</summary>
    [Alias("Propose")]
    Task<WorkPlan[]> ProposeAsync(WorkRequest request);

    /// <summary>Takes the committed part of the mixed plan, moves the backlog on and returns it for the checkpoint.</summary>
    [Alias("Settle")]
    Task<DeferredEnergy[]> SettleAsync(WorkSettlement settlement);

    /// <summary>The run is over: the grain deactivates as soon as it is idle, so a long-lived silo does not keep finished runs.</summary>
    [Alias("Release")]
    Task ReleaseAsync();
}

/// <summary>What a MW of the workload's IT costs per route and step over a window and its look-ahead; <see cref="Request"/> is 0 for a window's first signal.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.WorkRequest")]
public sealed record WorkRequest(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] double[][] RouteCostPerMwStep,
    [property: Id(2)] int Request);

/// <summary>The committed steps of a workload's placement.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.WorkSettlement")]
public sealed record WorkSettlement(
    [property: Id(0)] int FirstStep,
    [property: Id(1)] double[][] RunMw,
    [property: Id(2)] double[] UnfinishedMw);
