using GridActors.Model.LinearProgramming;
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

    /// <summary>
    /// The solver failure in <paramref name="e"/>, when it is one: thrown in a grain, it can reach the command inside
    /// the exceptions of the tasks that awaited it.
    /// </summary>
    public static SolverFailedException? SolverFailure(Exception e) => e switch
    {
        SolverFailedException failed => failed,
        AggregateException { InnerExceptions: [var inner] } => SolverFailure(inner),
        { InnerException: { } inner } => SolverFailure(inner),
        _ => null,
    };

    /// <summary>The exit code for a fault of GridActors or its solver: the user did nothing wrong.</summary>
    public const int InternalFailure = 1;

    /// <summary>
    /// A solver failure as a sentence rather than a stack trace: what failed, that the scenario is not at fault, and the
    /// other ways to the same windows.
    /// </summary>
    public static async Task<int> SolverFailedAsync(SolverFailedException failed)
    {
        await Console.Error.WriteLineAsync(SolverFailedText(failed));
        return InternalFailure;
    }

    public static string SolverFailedText(SolverFailedException failed) =>
        $"error: {failed.Message}. This is the solver failing, not a mistake in the scenario, and nothing was written; " +
        "`run --clearing central` or `optimize --window-steps 24` reach the same windows another way. Please report it with the scenario";
}
