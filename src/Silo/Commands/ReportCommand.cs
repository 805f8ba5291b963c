using System.CommandLine;
using GridActors.Report;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary><c>report RESULT_DIR</c>: writes report.html, one self-contained page of charts and tables, into a result folder.</summary>
public static class ReportCommand
{
    public static Command Create()
    {
        var folder = new Argument<DirectoryInfo>("RESULT_DIR") { Description = "A folder written by run, optimize or compare." };
        var command = new Command("report", "Write report.html into a result folder: headline figures, generation, prices, flows, storage, curtailment, compute work, enterprises and their grades, negotiation.") { folder };
        command.SetAction(parse => Write(parse.GetValue(folder)!.FullName));
        return command;
    }

    /// <summary>Writes the report of <paramref name="folder"/> and says where; exit code 2 for a folder that is not a result folder.</summary>
    public static int Write(string folder)
    {
        if (ReportPage.Problem(folder) is { } problem)
        {
            return ErrorReport.Print(problem);
        }
        try
        {
            var (path, seconds) = ReportPage.Write(folder);
            AnsiConsole.MarkupLine($"report in [blue]{Markup.Escape(path)}[/] ({seconds:0.0} s)");
            return 0;
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or FormatException or OverflowException or ArgumentException)
        {
            return ErrorReport.Print($"{folder} cannot be reported on: {e.Message}");
        }
    }
}
