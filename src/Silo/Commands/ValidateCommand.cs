using System.CommandLine;
using GridActors.Model.Loading;
using GridActors.Model.Output;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary><c>validate SCENARIO</c>: checks a scenario and prints every error with file, line, column and field.</summary>
public static class ValidateCommand
{
    public static Command Create()
    {
        var scenario = CommandLine.ScenarioArgument();
        var command = new Command("validate", "Check a scenario file and print every error found (exit code 2 when invalid).") { scenario };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(scenario)!.FullName;
            var (resolved, errors) = ScenarioLoader.TryLoad(path, ScenarioLimits.FromEnvironment());
            if (resolved is null)
            {
                return ErrorReport.Print(errors);
            }
            AnsiConsole.MarkupLine($"[green]ok[/] {Markup.Escape(resolved.Name)}: {Numbers.Count(resolved.Regions.Length, "region")}, {Numbers.Count(resolved.Links.Length, "link")}, {Numbers.Count(resolved.Assets.Length, "asset")}, {Numbers.Count(resolved.Steps, "step")} of {resolved.StepMinutes} min");
            return 0;
        });
        return command;
    }
}
