namespace GridActors.Abstractions;

/// <summary>Where a negotiated run's window market is cleared (docs/negotiation.md).</summary>
public enum Clearing
{
    /// <summary>The run grain clears every asset's bids in one market (its work grows with the run's assets).</summary>
    Central,

    /// <summary>
    /// Every region grain clears its own assets; the run grain couples only what crosses regions (regions × steps,
    /// links and workload brokers), so its work does not grow with the run's assets and regions clear in parallel.
    /// </summary>
    Regional,
}
