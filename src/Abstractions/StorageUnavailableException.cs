namespace GridActors.Abstractions;

/// <summary>Grain storage stayed unreachable longer than the run grain's patience (90 s).</summary>
[GenerateSerializer, Alias("GridActors.StorageUnavailableException")]
public sealed class StorageUnavailableException : Exception
{
    public StorageUnavailableException() { }

    public StorageUnavailableException(string message) : base(message) { }

    public StorageUnavailableException(string message, Exception inner) : base(message, inner) { }
}
