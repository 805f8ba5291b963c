using GridActors.Model.Scenario;

namespace GridActors.Model.Tests;

internal static class GridReach
{
    /// <summary>How many regions the first one reaches through the scenario's links (either direction).</summary>
    public static int RegionsReachedFromTheFirst(ResolvedScenario scenario)
    {
        var reached = new HashSet<int> { 0 };
        var frontier = new Queue<int>([0]);
        while (frontier.TryDequeue(out var region))
        {
            foreach (var link in scenario.Links.Where(l => l.From == region || l.To == region))
            {
                var other = link.From == region ? link.To : link.From;
                if (reached.Add(other))
                {
                    frontier.Enqueue(other);
                }
            }
        }
        return reached.Count;
    }
}
