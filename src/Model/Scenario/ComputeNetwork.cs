namespace GridActors.Model.Scenario;

/// <summary>Where a workload's work may run: its origin, or a campus one compute link away within its latency bound.</summary>
public readonly record struct ComputeRoute(int Campus, int Link)
{
    /// <summary>Link -1: the work stays at its origin and moves no data.</summary>
    public bool Moves => Link >= 0;
}

/// <summary>
/// The compute side of a scenario, resolved once: each workload's routes (origin first, then the
/// reachable campuses in asset order) and the step count within which arriving work must run.
/// </summary>
public sealed class ComputeNetwork
{
    /// <summary>1 Gbps carries 0.45 TB per hour (the format's conversion).</summary>
    public const double TbPerHourPerGbps = 0.45;

    public ComputeNetwork(ResolvedScenario scenario)
    {
        Scenario = scenario;
        var compute = scenario.Compute;
        Routes = new ComputeRoute[compute.Workloads.Length][];
        DeadlineSteps = new int[compute.Workloads.Length];
        for (var w = 0; w < compute.Workloads.Length; w++)
        {
            var workload = compute.Workloads[w];
            var routes = new List<ComputeRoute> { new(workload.Origin, -1) };
            for (var l = 0; l < compute.Links.Length; l++)
            {
                var link = compute.Links[l];
                var other = link.From == workload.Origin ? link.To : link.To == workload.Origin ? link.From : -1;
                if (other >= 0 && link.LatencyMs <= workload.MaxLatencyMs)
                {
                    routes.Add(new ComputeRoute(other, l));
                }
            }
            Routes[w] = [.. routes.OrderBy(r => r.Moves).ThenBy(r => r.Campus)];
            // Work arriving in step t may run in steps t .. t + DeadlineSteps (a whole step is the resolution).
            DeadlineSteps[w] = Math.Max(0, (int)Math.Floor(workload.DeadlineH / scenario.StepHours + 1e-9) - 1);
        }
    }

    public ResolvedScenario Scenario { get; }

    public ComputeRoute[][] Routes { get; }

    public int[] DeadlineSteps { get; }

    public bool IsEmpty => Routes.Length == 0;

    /// <summary>TB a link carries in one step, in each direction.</summary>
    public double LinkTbPerStep(int link) => Scenario.Compute.Links[link].BandwidthGbps * TbPerHourPerGbps * Scenario.StepHours;
}
