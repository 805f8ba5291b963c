using System.Globalization;
using GridActors.Model.Market;
using GridActors.Model.Scenario;
using GridActors.Model.Windows;

namespace GridActors.Testing;

/// <summary>
/// Checks a run's results against every constraint of the format: regional energy balance,
/// capacities, ramps, storage power and energy, link limits, renewable availability and load
/// accounting. Independent of how the results were produced, so it checks any mode.
/// </summary>
public sealed class FeasibilityCheck(ResolvedScenario scenario, double toleranceMw = 1e-6)
{
    private readonly List<string> violations = [];
    private readonly double?[] previousOutput = new double?[scenario.Assets.Length];
    private readonly double[] storageEnergy = [.. scenario.Assets.Select(a => a is StorageSpec s ? s.InitialEnergyMwh : 0)];
    private readonly List<double>[] cumulativeDeferred = [.. scenario.Assets.Select(_ => new List<double>())];
    private readonly double[] cumulativeRecovered = new double[scenario.Assets.Length];
    private readonly ComputeNetwork network = new(scenario);
    private readonly List<double>[] workArrived = [.. scenario.Compute.Workloads.Select(_ => new List<double>())];
    private readonly double[] workDone = new double[scenario.Compute.Workloads.Length];

    public IReadOnlyList<string> Violations => violations;

    public void Add(WindowReport report)
    {
        var dt = scenario.StepHours;
        for (var k = 0; k < report.Steps; k++)
        {
            var step = report.FirstStep + k;
            foreach (var region in scenario.Regions)
            {
                var residual = report.Regions[region.Index][k].BalanceResidualMw;
                Require(Math.Abs(residual) <= toleranceMw, step, region.Id, $"energy balance off by {residual} MW");
            }
            foreach (var link in scenario.Links)
            {
                var flow = report.Links[link.Index][k];
                Require(flow.ForwardMw >= -toleranceMw && flow.ForwardMw <= link.CapacityMw + toleranceMw, step, link.Id, $"forward flow {flow.ForwardMw} outside [0, {link.CapacityMw}]");
                Require(flow.ReverseMw >= -toleranceMw && flow.ReverseMw <= link.CapacityReverseMw + toleranceMw, step, link.Id, $"reverse flow {flow.ReverseMw} outside [0, {link.CapacityReverseMw}]");
            }
            foreach (var asset in scenario.Assets)
            {
                CheckAsset(asset, report.Assets[asset.Index][k], step, dt);
            }
            CheckCompute(report, k, step, dt);
        }
    }

    /// <summary>
    /// Compute work: never run before it arrived, and everything that arrived by t minus the
    /// deadline is run or dropped by step t (first in, first out; all of it by the last step);
    /// data on every link direction within its bandwidth.
    /// </summary>
    private void CheckCompute(WindowReport report, int k, int step, double dt)
    {
        var workloads = scenario.Compute.Workloads;
        if (workloads.Length == 0)
        {
            return;
        }
        if (report.Compute is not { } compute)
        {
            violations.Add($"step {step.ToString(CultureInfo.InvariantCulture)}: the scenario has workloads but the report has no compute placement");
            return;
        }
        var data = new Dictionary<(int Link, int Origin), double>();
        for (var w = 0; w < workloads.Length; w++)
        {
            var arrived = workArrived[w];
            arrived.Add((arrived.Count > 0 ? arrived[^1] : 0) + workloads[w].ArrivalMwhPerH[step]);
            for (var r = 0; r < network.Routes[w].Length; r++)
            {
                var mw = compute.RunMw[w][k][r];
                Require(mw >= -toleranceMw, step, workloads[w].Id, $"negative run {mw} MW");
                workDone[w] += mw;
                if (network.Routes[w][r].Moves)
                {
                    var key = (network.Routes[w][r].Link, workloads[w].Origin);
                    data[key] = data.GetValueOrDefault(key) + mw * workloads[w].DataTbPerMwh * dt;
                }
            }
            workDone[w] += compute.UnfinishedMw[w][k];
            var dueIndex = step == scenario.Steps - 1 ? step : step - network.DeadlineSteps[w];
            var due = dueIndex >= 0 ? arrived[dueIndex] : 0;
            Require(workDone[w] >= due - toleranceMw, step, workloads[w].Id, $"only {workDone[w]} MW-steps of work run or dropped, {due} were due");
            Require(workDone[w] <= arrived[^1] + toleranceMw, step, workloads[w].Id, $"{workDone[w]} MW-steps of work run or dropped, more than the {arrived[^1]} arrived");
        }
        foreach (var ((link, origin), tb) in data)
        {
            Require(tb <= network.LinkTbPerStep(link) + toleranceMw, step, $"compute link {link}", $"{tb} TB from campus {origin}, above its {network.LinkTbPerStep(link)} TB per step");
        }
    }

    /// <summary>Checks that need the whole horizon (the cyclic storage rule).</summary>
    public void Finish()
    {
        if (!scenario.Economics.CyclicStorage)
        {
            return;
        }
        foreach (var storage in scenario.Assets.OfType<StorageSpec>())
        {
            Require(storageEnergy[storage.Index] >= storage.InitialEnergyMwh - toleranceMw, scenario.Steps - 1, storage.Id,
                $"ends with {storageEnergy[storage.Index]} MWh, below its initial {storage.InitialEnergyMwh} MWh");
        }
    }

    private void CheckAsset(AssetSpec asset, AssetStep s, int step, double dt)
    {
        switch (asset)
        {
            case ThermalSpec t:
                var ceiling = t.CapacityMw * t.Availability[step];
                var floor = Math.Min(t.MinOutputMw, ceiling);
                Require(s.ProducedMw >= floor - toleranceMw && s.ProducedMw <= ceiling + toleranceMw, step, t.Id, $"output {s.ProducedMw} outside [{floor}, {ceiling}]");
                if (previousOutput[t.Index] is { } previous)
                {
                    var ramp = t.RampMwPerH * dt;
                    Require(Math.Abs(s.ProducedMw - previous) <= ramp + toleranceMw, step, t.Id, $"ramp {s.ProducedMw - previous} beyond {ramp}");
                }
                previousOutput[t.Index] = s.ProducedMw;
                break;
            case RenewableSpec r:
                var available = r.CapacityMw * r.Availability[step];
                Require(s.ProducedMw >= -toleranceMw && s.ProducedMw <= available + toleranceMw, step, r.Id, $"output {s.ProducedMw} outside [0, {available}]");
                Require(Math.Abs(s.ProducedMw + s.CurtailedMw - available) <= toleranceMw, step, r.Id, "output + curtailment differs from availability");
                break;
            case StorageSpec st:
                Require(s.ConsumedMw >= -toleranceMw && s.ConsumedMw <= st.PowerMw + toleranceMw, step, st.Id, $"charge {s.ConsumedMw} outside [0, {st.PowerMw}]");
                Require(s.ProducedMw >= -toleranceMw && s.ProducedMw <= st.PowerMw + toleranceMw, step, st.Id, $"discharge {s.ProducedMw} outside [0, {st.PowerMw}]");
                // The format's rule written out, so an overrun of the capacity or below zero shows.
                var expected = storageEnergy[st.Index] + (s.ConsumedMw * st.ChargeEfficiency - s.ProducedMw / st.DischargeEfficiency) * dt;
                Require(expected >= -toleranceMw && expected <= st.EnergyMwh + toleranceMw, step, st.Id, $"energy {expected} outside [0, {st.EnergyMwh}]");
                Require(Math.Abs(expected - s.EnergyMwh) <= toleranceMw, step, st.Id, $"reported energy {s.EnergyMwh} differs from {expected}");
                storageEnergy[st.Index] = s.EnergyMwh;
                break;
            case LoadSpec l:
                var demand = l.DemandMw[step];
                Require(s.ShedMw >= -toleranceMw && s.ShedMw <= l.CurtailableFraction * demand + toleranceMw, step, l.Id, $"shed {s.ShedMw} beyond its curtailable part");
                Require(Math.Abs(s.ConsumedMw + s.ShedMw + s.DeferredMw - s.RecoveredMw - demand) <= toleranceMw, step, l.Id, "served + shed + shifted out - shifted in differs from demand");
                CheckShiftDeadline(l, s, step);
                break;
            case DatacenterSpec d:
                Require(s.ConsumedMw / d.Pue <= d.ItCapacityMw + toleranceMw, step, d.Id, $"IT load {s.ConsumedMw / d.Pue} above capacity {d.ItCapacityMw}");
                break;
        }
    }

    /// <summary>
    /// Shifted energy is served no earlier than it was due and within the shift window (and by the
    /// last step): by step t, at least everything deferred up to t - window has been recovered,
    /// and never more than was deferred.
    /// </summary>
    private void CheckShiftDeadline(LoadSpec load, AssetStep s, int step)
    {
        var deferred = cumulativeDeferred[load.Index];
        deferred.Add((deferred.Count > 0 ? deferred[^1] : 0) + s.DeferredMw);
        cumulativeRecovered[load.Index] += s.RecoveredMw;
        var recovered = cumulativeRecovered[load.Index];
        var dueBy = step == scenario.Steps - 1 ? deferred[^1] : step - load.ShiftWindowSteps >= 0 ? deferred[step - load.ShiftWindowSteps] : 0;
        Require(recovered >= dueBy - toleranceMw, step, load.Id, $"only {recovered} MW-steps of shifted demand recovered, {dueBy} were due");
        Require(recovered <= deferred[^1] + toleranceMw, step, load.Id, $"recovered {recovered} MW-steps, more than the {deferred[^1]} deferred");
    }

    private void Require(bool condition, int step, string what, string message)
    {
        if (!condition)
        {
            violations.Add($"step {step.ToString(CultureInfo.InvariantCulture)}, {what}: {message}");
        }
    }
}
