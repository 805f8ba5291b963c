using System.CommandLine;
using GridActors.Model.Options;

namespace GridActors.Silo.Commands;

/// <summary>The options of run, optimize and compare that choose what a result folder gets: --format and --report.</summary>
public sealed class OutputOptions
{
    private readonly Option<string> format = new("--format")
    {
        Description = "Result tables as csv (default), parquet, or both (same rows and values).",
        DefaultValueFactory = _ => "csv",
    };

    private readonly Option<bool> report = new("--report") { Description = "Also write report.html into the result folder (as `gridactors report` does; it reads the CSV tables)." };

    public OutputOptions() => format.AcceptOnlyFromAmong([.. OptionNames.Format.Names]);

    public void AddTo(Command command)
    {
        command.Options.Add(format);
        command.Options.Add(report);
    }

    public ResultFormat Format(ParseResult parse) => OptionNames.Format.Parse(parse.GetValue(format)!) ?? ResultFormat.Csv;

    public bool Report(ParseResult parse) => parse.GetValue(report);

    /// <summary>Why the two cannot go together, or null: the report is drawn from the CSV tables.</summary>
    public string? Problem(ParseResult parse) =>
        Report(parse) && Format(parse) == ResultFormat.Parquet ? "--report reads the CSV tables; use --format both with it" : null;
}
