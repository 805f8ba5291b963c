namespace GridActors.Abstractions;

/// <summary>
/// A run's grain was asked for its part before it was set up: its silo was lost and it came back empty on
/// another. The run grain rolls back to its checkpoint and sets every grain up again, so a driver calls again.
/// </summary>
[GenerateSerializer, Alias("GridActors.GrainStateLostException")]
public sealed class GrainStateLostException : Exception
{
    public GrainStateLostException() { }

    public GrainStateLostException(string message) : base(message) { }

    public GrainStateLostException(string message, Exception inner) : base(message, inner) { }
}
