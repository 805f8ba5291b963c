namespace GridActors.Model.Loading;

/// <summary>Where something was written: file, 1-based line and column.</summary>
public readonly record struct SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

/// <summary>One problem found in a scenario, located to the file, line, column and field.</summary>
public sealed record ScenarioError(SourceLocation Location, string FieldPath, string Message)
{
    public override string ToString() =>
        FieldPath.Length == 0 ? $"{Location}: {Message}" : $"{Location}: {FieldPath}: {Message}";
}

/// <summary>Thrown when a scenario cannot be used; carries every error found, not just the first.</summary>
public sealed class ScenarioException : Exception
{
    public ScenarioException(IReadOnlyList<ScenarioError> errors)
        : base(string.Join(Environment.NewLine, errors))
    {
        Errors = errors;
    }

    public ScenarioException() : this([]) { }

    public ScenarioException(string message) : base(message) { Errors = []; }

    public ScenarioException(string message, Exception inner) : base(message, inner) { Errors = []; }

    public IReadOnlyList<ScenarioError> Errors { get; }
}
