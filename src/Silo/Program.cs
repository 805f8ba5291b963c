using GridActors.Silo.Commands;
using Spectre.Console;

if (Console.IsOutputRedirected)
{
    // Piped into a file or a log, tables keep their rows whole instead of wrapping at 80 columns.
    AnsiConsole.Profile.Width = 160;
}
var parse = CommandLine.Build().Parse(args);
if (parse.Errors.Count > 0)
{
    // A mistake in the options is a user's mistake like a bad scenario: a sentence per problem and exit 2, no help dump.
    foreach (var error in parse.Errors)
    {
        await Console.Error.WriteLineAsync($"error: {error.Message}");
    }
    await Console.Error.WriteLineAsync("`gridactors COMMAND --help` lists the options");
    return 2;
}
return await parse.InvokeAsync();
