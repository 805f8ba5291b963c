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
using var signals = new GridActors.Silo.Hosting.TerminationSignals();
try
{
    var exitCode = await parse.InvokeAsync(new System.CommandLine.InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null }, signals.Token);
    // A command that finished its work despite the signal (a silo that stopped as asked) keeps its own exit code.
    return exitCode;
}
catch (Exception) when (signals.ExitCode is { } stopped)
{
    // Whatever the command threw while it unwound after the signal (a cancelled wait, a silo stopping under a call) is
    // the signal's doing, not a fault: one sentence and the exit code a shell expects.
    await Console.Error.WriteLineAsync($"stopped by {signals.Name} before the end: no result was written, and nothing half-written is left");
    return stopped;
}
catch (Exception e) when (ErrorReport.SolverFailure(e) is { } failed)
{
    return await ErrorReport.SolverFailedAsync(failed);
}
catch (Exception e) when (e is IOException or UnauthorizedAccessException)
{
    // The output paths are checked before any work, so what lands here is the system refusing mid-way (a disk that
    // filled up, a folder taken away): a sentence, not a stack trace. Results are written to a staging folder and
    // moved into place at the end, so nothing half-written is left.
    await Console.Error.WriteLineAsync($"error: could not write: {GridActors.Model.Loading.ErrorText.FirstLine(e.Message)}");
    return 1;
}
