using GridActors.Model.Documents;

namespace GridActors.Model.Loading;

/// <summary>One problem found in a scenario, located to the file, line, column and field.</summary>
public sealed record ScenarioError(SourceLocation Location, string FieldPath, string Message)
{
    public override string ToString() =>
        FieldPath.Length == 0 ? $"{Location}: {Message}" : $"{Location}: {FieldPath}: {Message}";
}
