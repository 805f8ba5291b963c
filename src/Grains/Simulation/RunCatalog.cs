namespace GridActors.Grains.Simulation;

/// <summary>The run ids in storage, oldest first.</summary>
[GenerateSerializer, Alias("GridActors.RunCatalog")]
public sealed class RunCatalog
{
    [Id(0)] public List<string> RunIds { get; set; } = [];
}
