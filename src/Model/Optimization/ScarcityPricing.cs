using GridActors.Model.Scenario;

namespace GridActors.Model.Optimization;

/// <summary>
/// What a MW of a workload's IT costs on each route, given the region prices and the campuses' and links' scarcity
/// values, and what those scarce capacities are worth: the compute terms of a window's Lagrangian, the same whether
/// the coordinator holds the workloads exactly (<see cref="ComputeTerms"/>) or mixes the brokers' plans
/// (<see cref="BrokerColumns"/>).
/// </summary>
internal static class ScarcityPricing
{
    /// <summary>Per route and step, what a MW of the workload's IT costs at <paramref name="prices"/> and <paramref name="shadows"/> (currency per MW-step).</summary>
    public static double[][] RouteCosts(ComputeNetwork network, int steps, int workload, double[][] prices, ScarcityShadows shadows)
    {
        var scenario = network.Scenario;
        var spec = scenario.Compute.Workloads[workload];
        var routes = network.Routes[workload];
        var costs = new double[routes.Length][];
        for (var r = 0; r < routes.Length; r++)
        {
            var campus = (DatacenterSpec)scenario.Assets[routes[r].Campus];
            costs[r] = new double[steps];
            for (var k = 0; k < steps; k++)
            {
                var cost = prices[campus.Region][k] * scenario.StepHours * campus.Pue + shadows.Capacity.GetValueOrDefault((campus.Index, k));
                if (routes[r].Moves)
                {
                    cost += shadows.Bandwidth.GetValueOrDefault((routes[r].Link, spec.Origin, k)) * spec.DataTbPerMwh * scenario.StepHours;
                }
                costs[r][k] = cost;
            }
        }
        return costs;
    }

    /// <summary>
    /// What the campuses' capacity and the links' bandwidth are worth at <paramref name="shadows"/>: their scarcity
    /// values times their limits. The brokers' term of the window's Lagrangian lower bound is the cost of their best
    /// plans at the route costs minus this.
    /// </summary>
    public static double ScarcityRent(ComputeNetwork network, int firstStep, ScarcityShadows shadows) =>
        shadows.Capacity.Sum(c => c.Value * FreeCapacityMw(network, c.Key.Campus, firstStep + c.Key.K))
        + shadows.Bandwidth.Sum(b => b.Value * network.LinkTbPerStep(b.Key.Link));

    /// <summary>A campus's IT capacity that its interactive load leaves free in <paramref name="step"/> (MW).</summary>
    public static double FreeCapacityMw(ComputeNetwork network, int campus, int step)
    {
        var spec = (DatacenterSpec)network.Scenario.Assets[campus];
        return Math.Max(0, spec.ItCapacityMw - spec.InteractiveItMw[step]);
    }

    /// <summary>The scarcity values of "at most" rows after a minimisation: a binding row's dual is zero or below, its value the opposite.</summary>
    public static ScarcityShadows Read(
        IReadOnlyDictionary<(int Campus, int K), LinearProgramming.LpConstraint> capacity,
        IReadOnlyDictionary<(int Link, int Origin, int K), LinearProgramming.LpConstraint> bandwidth) =>
        new(capacity.ToDictionary(c => c.Key, c => Math.Max(0, -c.Value.DualValue())),
            bandwidth.ToDictionary(b => b.Key, b => Math.Max(0, -b.Value.DualValue())));
}
