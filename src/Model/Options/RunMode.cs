namespace GridActors.Model.Options;

/// <summary>How a run is dispatched: by negotiating grains on the cluster, or as the whole-horizon LP.</summary>
public enum RunMode
{
    Negotiated,
    Optimal,
}
