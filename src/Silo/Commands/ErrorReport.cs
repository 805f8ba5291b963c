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

    /// <summary>A scenario whose constraints cannot all hold: each reason on its own line, naming the plant and step.</summary>
    public static int Infeasible(string scenarioPath, GridActors.Model.Optimization.DispatchInfeasibleException infeasible)
    {
        foreach (var reason in infeasible.Reasons)
        {
            Console.Error.WriteLine($"error: {scenarioPath}: {reason}");
        }
        Console.Error.WriteLine("the scenario has no feasible dispatch; nothing was written.");
        return InvalidScenario;
    }

    public static int Print(string message)
    {
        Console.Error.WriteLine($"error: {message}");
        return InvalidScenario;
    }
}
