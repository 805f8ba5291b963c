using GridActors.Model.Market;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// What one window of the central optimum hands the next, as the grains of a negotiated run carry it in their
/// checkpoints: every plant's last output (its next ramp starts there), every store's energy, every shiftable load's
/// deferred energy with its deadlines, and every workload's waiting work with its deadlines. Arrays by asset index
/// and by workload.
/// </summary>
public sealed record WindowStart(double?[] PreviousOutputMw, double[] EnergyMwh, DeferredEnergy[][] ShiftBacklog, DeferredEnergy[][] WorkBacklog)
{
    /// <summary>The horizon's start: stores at their initial energy, nothing deferred, no output before.</summary>
    public static WindowStart Initial(ResolvedScenario scenario) => new(
        new double?[scenario.Assets.Length],
        [.. scenario.Assets.Select(a => a is StorageSpec s ? s.InitialEnergyMwh : 0)],
        [.. scenario.Assets.Select(_ => Array.Empty<DeferredEnergy>())],
        [.. scenario.Compute.Workloads.Select(_ => Array.Empty<DeferredEnergy>())]);

    /// <summary>
    /// The start of the next window after <paramref name="assets"/> (every asset's committed steps from
    /// <paramref name="firstStep"/>) and <paramref name="compute"/> (the committed steps' work): the same rules as the
    /// asset grains' settlements (last output, energy after the last step, backlogs first in, first out).
    /// </summary>
    public WindowStart After(ResolvedScenario scenario, ComputeNetwork? network, int firstStep, AssetStep[][] assets, ComputeOutcome? compute)
    {
        var previous = (double?[])PreviousOutputMw.Clone();
        var energy = (double[])EnergyMwh.Clone();
        var shifts = (DeferredEnergy[][])ShiftBacklog.Clone();
        var last = scenario.Steps - 1;
        foreach (var asset in scenario.Assets)
        {
            var steps = assets[asset.Index];
            if (steps.Length == 0)
            {
                continue;
            }
            switch (asset)
            {
                case ThermalSpec:
                    previous[asset.Index] = steps[^1].ProducedMw;
                    break;
                case StorageSpec:
                    energy[asset.Index] = steps[^1].EnergyMwh;
                    break;
                case LoadSpec l when l.ShiftableFraction > 0:
                    shifts[asset.Index] = Market.ShiftBacklog.Apply(ShiftBacklog[asset.Index], firstStep, steps, l.ShiftWindowSteps, last);
                    break;
            }
        }
        var work = WorkBacklog;
        if (network is not null && compute is not null)
        {
            work = [.. WorkBacklog.Select((carried, w) => Market.WorkBacklog.Apply(network, w, carried, firstStep, compute.RunMw[w], compute.UnfinishedMw[w]))];
        }
        return new WindowStart(previous, energy, shifts, work);
    }
}
