namespace GridActors.Model.PlacementPolicies;

/// <summary>How compute work is placed in a negotiated run.</summary>
public enum Placement
{
    /// <summary>Workload brokers negotiate with the campuses through the window market (the default).</summary>
    Negotiated,

    /// <summary>Work runs at its origin as soon as capacity allows and never moves.</summary>
    Local,

    /// <summary>Work runs at once on the reachable campus with the lowest carbon intensity x PUE.</summary>
    CarbonGreedy,
}
