namespace GridActors.Abstractions;

/// <summary>A stored run as `runs list` shows it.</summary>
[GenerateSerializer, Immutable, Alias("GridActors.StoredRun")]
public sealed record StoredRun(
    [property: Id(0)] string RunId,
    [property: Id(1)] string Scenario,
    [property: Id(2)] DateTimeOffset CreatedAt,
    [property: Id(3)] int StepsDone,
    [property: Id(4)] int Steps,
    [property: Id(5)] int Windows);
