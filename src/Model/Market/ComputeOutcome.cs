namespace GridActors.Model.Market;

/// <summary>
/// Where compute work ran over a window: per workload and step, the IT power on each of its
/// routes (in <see cref="Scenario.ComputeNetwork.Routes"/> order, the origin first), and the
/// power of work dropped unfinished in the step (its deadline passed).
/// </summary>
[GenerateSerializer, Immutable, Alias("GridActors.ComputeOutcome")]
public sealed record ComputeOutcome(
    [property: Id(0)] double[][][] RunMw,
    [property: Id(1)] double[][] UnfinishedMw)
{
    /// <summary>Batch IT power per datacenter asset and step (other assets: zero).</summary>
    public double[][] BatchItMw(Scenario.ComputeNetwork network, int assetCount, int steps)
    {
        var batch = new double[assetCount][];
        for (var a = 0; a < assetCount; a++)
        {
            batch[a] = new double[steps];
        }
        foreach (var (campus, it) in CampusItMw(network, steps))
        {
            batch[campus] = it;
        }
        return batch;
    }

    /// <summary>Batch IT power per step of every campus that runs work in the first <paramref name="steps"/> steps, by asset index.</summary>
    public SortedDictionary<int, double[]> CampusItMw(Scenario.ComputeNetwork network, int steps)
    {
        var batch = new SortedDictionary<int, double[]>();
        for (var w = 0; w < RunMw.Length; w++)
        {
            for (var r = 0; r < network.Routes[w].Length; r++)
            {
                var campus = network.Routes[w][r].Campus;
                if (!batch.TryGetValue(campus, out var it))
                {
                    batch[campus] = it = new double[steps];
                }
                for (var k = 0; k < steps; k++)
                {
                    it[k] += RunMw[w][k][r];
                }
            }
        }
        return batch;
    }

    /// <summary><paramref name="steps"/> steps from <paramref name="first"/>.</summary>
    public ComputeOutcome Slice(int first, int steps) =>
        new([.. RunMw.Select(w => w[first..(first + steps)])], [.. UnfinishedMw.Select(w => w[first..(first + steps)])]);
}
