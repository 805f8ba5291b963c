using System.Globalization;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// A dispatch model that has no optimum, explained in plain words for the user. Serializable: it is thrown in the run
/// grain and must reach a client on another process with its reasons intact.
/// </summary>
[GenerateSerializer, Alias("GridActors.DispatchInfeasibleException")]
public sealed class DispatchInfeasibleException : Exception
{
    public DispatchInfeasibleException(IReadOnlyList<string> reasons) : base(string.Join(Environment.NewLine, reasons))
    {
        Reasons = [.. reasons];
    }

    public DispatchInfeasibleException() : this([]) { }

    public DispatchInfeasibleException(string message) : this([message]) { }

    public DispatchInfeasibleException(string message, Exception inner) : base(message, inner)
    {
        Reasons = [message];
    }

    [Id(0)]
    public string[] Reasons { get; private set; }
}

/// <summary>
/// Explains why a dispatch model failed. Every balance has unserved and spilled slacks, and links,
/// storage and shiftable loads can always idle, so a model can only be infeasible through a plant
/// that cannot follow its own limits: a must-run floor or an availability change faster than its
/// ramp. Those are found by walking each plant's reachable output interval step by step.
/// </summary>
public static class InfeasibilityReport
{
    public static IReadOnlyList<string> Explain(ResolvedScenario scenario, LpStatus status, int firstStep, int steps)
    {
        var reasons = new List<string>();
        if (status == LpStatus.Unbounded)
        {
            reasons.Add("the model is unbounded: some cost can fall without limit; check for negative marginal or curtailment costs on quantities without an upper limit");
            return reasons;
        }
        if (status == LpStatus.Infeasible)
        {
            foreach (var plant in scenario.Assets.OfType<ThermalSpec>())
            {
                if (RampConflict(scenario, plant, firstStep, steps) is { } reason)
                {
                    reasons.Add(reason);
                }
            }
            if (reasons.Count == 0)
            {
                reasons.Add("the model is infeasible, and no plant's ramp or must-run conflict explains it; write it with --write-mps to inspect it with another solver");
            }
            return reasons;
        }
        reasons.Add($"the solver stopped without an optimum (status {status}); try another solver with --solver");
        return reasons;
    }

    private static string? RampConflict(ResolvedScenario scenario, ThermalSpec plant, int firstStep, int steps)
    {
        var ramp = plant.RampMwPerH * scenario.StepHours;
        double low = double.NegativeInfinity, high = double.PositiveInfinity;
        for (var step = 0; step < firstStep + steps && step < scenario.Steps; step++)
        {
            var ceiling = plant.CapacityMw * plant.Availability[step];
            var floor = Math.Min(plant.MinOutputMw, ceiling);
            var reachLow = low - ramp;
            var reachHigh = high + ramp;
            if (floor > reachHigh || ceiling < reachLow)
            {
                var when = scenario.TimeOf(step).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
                var region = scenario.Regions[plant.Region].Id;
                return floor > reachHigh
                    ? Invariant($"thermal plant '{plant.Id}' in region '{region}' (ramp constraint): at step {step} ({when}) it must produce at least {floor} MW (its must-run floor), but its ramp of {ramp} MW per step lets it reach only {reachHigh} MW from the step before")
                    : Invariant($"thermal plant '{plant.Id}' in region '{region}' (ramp constraint): at step {step} ({when}) its availability allows at most {ceiling} MW, but its ramp of {ramp} MW per step cannot bring it below {reachLow} MW from the step before, even ramping down early");
            }
            low = Math.Max(floor, reachLow);
            high = Math.Min(ceiling, reachHigh);
        }
        return null;
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
