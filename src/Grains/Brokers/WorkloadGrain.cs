using GridActors.Abstractions;
using GridActors.Model.Assets;
using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Grains.Brokers;

/// <summary>A workload's broker: keeps the work still waiting (with its deadlines) and answers the market with placement plans.</summary>
public sealed class WorkloadGrain : Grain, IWorkloadGrain, IDisposable
{
    private ComputeNetwork? network;
    private int workload;
    private DeferredEnergy[] backlog = [];
    private WorkloadResponse? response;

    private ComputeNetwork Network => network ?? throw new GrainStateLostException($"workload grain {this.GetPrimaryKeyString()} was not initialised");

    public Task InitializeAsync(ResolvedScenario scenario, int workload, DeferredEnergy[]? backlog = null)
    {
        network = new ComputeNetwork(scenario);
        this.workload = workload;
        this.backlog = backlog ?? [];
        Forget();
        return Task.CompletedTask;
    }

    public Task<WorkPlan[]> ProposeAsync(WorkRequest request)
    {
        var steps = request.RouteCostPerMwStep[0].Length;
        // A window's first signal builds the LP afresh, so a replayed window answers exactly as the first time.
        if (request.Request == 0 || response is null || response.FirstStep != request.FirstStep || response.Steps != steps)
        {
            Forget();
            response = new WorkloadResponse(Network, workload, request.FirstStep, steps, backlog);
        }
        var best = response.Propose(request.RouteCostPerMwStep);
        return Task.FromResult<WorkPlan[]>(request.Request == 0 ? [best, response.DropAll()] : [best]);
    }

    public Task ReleaseAsync()
    {
        this.DeactivateOnIdle();
        return Task.CompletedTask;
    }

    public Task<DeferredEnergy[]> SettleAsync(WorkSettlement settlement)
    {
        backlog = WorkBacklog.Apply(Network, workload, backlog, settlement.FirstStep, settlement.RunMw, settlement.UnfinishedMw);
        Forget();
        return Task.FromResult(backlog);
    }

    /// <summary>Orleans disposes the grain when it deactivates: the solver's native memory goes with it.</summary>
    public void Dispose() => Forget();

    private void Forget()
    {
        response?.Dispose();
        response = null;
    }
}
