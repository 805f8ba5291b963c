namespace GridActors.Client;

/// <summary>The cluster stopped answering for longer than <see cref="RunDriver.RecoveryPatience"/>: the run is given up, with how to go on.</summary>
public sealed class ClusterGoneException(string message, Exception inner) : Exception(message, inner);
