namespace GridActors.Client;

/// <summary>Where `gridactors serve` listens and the API looks when neither is told otherwise: one machine, no set-up.</summary>
public static class ClusterDefaults
{
    public const int SiloPort = 11111;
    public const int GatewayPort = 30000;
    public const string ServiceId = "gridactors";
    public const string ClusterId = "gridactors-local";
}
