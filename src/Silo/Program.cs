using GridActors.Silo.Commands;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Piped into a file or a log, tables keep their rows whole instead of wrapping at 80 columns.
    AnsiConsole.Profile.Width = 160;
}
return await CommandLine.Build().Parse(args).InvokeAsync();
