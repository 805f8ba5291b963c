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
try
{
    return await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // The output paths are checked before any work, so what lands here is the system refusing mid-way (a disk that
    // filled up, a folder taken away): a sentence, not a stack trace. Results are written to a staging folder and
    // moved into place at the end, so nothing half-written is left.
    await Console.Error.WriteLineAsync($"error: could not write: {GridActors.Model.Loading.ErrorText.FirstLine(e.Message)}");
    return 1;
}
