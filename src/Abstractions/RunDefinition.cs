using GridActors.Model.Scenario;

namespace GridActors.Abstractions;

/// <summary>What a run is: its scenario and options, stored once when it starts.</summary>
[GenerateSerializer, Alias("GridActors.RunDefinition")]
public sealed class RunDefinition
{
    [Id(0)] public ResolvedScenario? Scenario { get; set; }
    [Id(1)] public RunOptions? Options { get; set; }
    [Id(2)] public DateTimeOffset CreatedAt { get; set; }
}
