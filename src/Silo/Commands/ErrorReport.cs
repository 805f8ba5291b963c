using GridActors.Model.Loading;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary>Prints scenario errors the same way for every command: one located line each, then a count.</summary>
public static class ErrorReport
{
    /// <summary>The exit code for a scenario the user must fix.</summary>
    public const int InvalidScenario = 2;

    public static int Print(IReadOnlyList<ScenarioError> errors)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        foreach (var error in errors)
        {
            console.MarkupLine($"[red]error[/] {Markup.Escape(error.ToString())}");
        }
        console.MarkupLine($"[red]{errors.Count} error{(errors.Count == 1 ? "" : "s")}[/]; nothing was run and nothing was written.");
        return InvalidScenario;
    }
}
