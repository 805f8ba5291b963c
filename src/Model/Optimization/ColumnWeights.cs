using GridActors.Model.LinearProgramming;

namespace GridActors.Model.Optimization;

/// <summary>The solved weights of one block's columns, snapped to [0, 1] and renormalised to sum to one exactly, so mixed schedules stay feasible.</summary>
internal static class ColumnWeights
{
    public static double[] Of(IEnumerable<LpVariable> weights)
    {
        var values = weights.Select(w => Snap.Value(w.SolutionValue(), 0, 1)).ToArray();
        var total = values.Sum();
        return [.. values.Select(v => v / total)];
    }
}
