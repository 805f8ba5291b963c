using GridActors.Model.Loading;

namespace GridActors.Silo.Commands;

/// <summary>
/// Prints scenario errors the same way for every command: one located line each (plain text, never
/// wrapped, so editors and grep can jump to file:line:column), then a count.
/// </summary>
public static class ErrorReport
{
    /// <summary>The exit code for a scenario the user must fix.</summary>
    public const int InvalidScenario = 2;

    public static int Print(IReadOnlyList<ScenarioError> errors)
    {
        foreach (var error in errors)
        {
            Console.Error.WriteLine($"error: {error}");
        }
        Console.Error.WriteLine($"{errors.Count} error{(errors.Count == 1 ? "" : "s")}; nothing was run and nothing was written.");
        return InvalidScenario;
    }

    public static int Print(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return InvalidScenario;
    }
}
