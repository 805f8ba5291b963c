using GridActors.Model.Scenario;

namespace GridActors.Model.Market;

/// <summary>The work a broker still holds between windows, oldest deadline first; run and dropped work leave it first in, first out.</summary>
public static class WorkBacklog
{
    private const double NegligibleMw = 1e-9;

    public static DeferredEnergy[] Apply(ComputeNetwork network, int workload, IReadOnlyList<DeferredEnergy> carried, int firstStep, double[][] runMw, double[] unfinishedMw)
    {
        var spec = network.Scenario.Compute.Workloads[workload];
        var last = network.Scenario.Steps - 1;
        var items = carried.OrderBy(i => i.DeadlineStep).ToList();
        for (var k = 0; k < unfinishedMw.Length; k++)
        {
            var step = firstStep + k;
            if (spec.ArrivalMwhPerH[step] > 0)
            {
                items.Add(new DeferredEnergy(Math.Min(step + network.DeadlineSteps[workload], last), spec.ArrivalMwhPerH[step]));
            }
            var done = runMw[k].Sum() + unfinishedMw[k];
            for (var i = 0; i < items.Count && done > 0; i++)
            {
                var taken = Math.Min(items[i].PowerMw, done);
                items[i] = items[i] with { PowerMw = items[i].PowerMw - taken };
                done -= taken;
            }
            items.RemoveAll(i => i.PowerMw <= NegligibleMw);
        }
        return [.. items];
    }
}
