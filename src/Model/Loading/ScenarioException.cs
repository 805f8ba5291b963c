namespace GridActors.Model.Loading;

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
