using System.CommandLine;

namespace GridActors.Silo.Commands;

/// <summary>The gridactors command line: one subcommand per job.</summary>
public static class CommandLine
{
    public static RootCommand Build()
    {
        var root = new RootCommand("GridActors: negotiated dispatch of regional energy networks on Orleans grains.");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(OptimizeCommand.Create());
        root.Subcommands.Add(CompareCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(RunsCommand.CreateResume());
        root.Subcommands.Add(RunsCommand.CreateRuns());
        root.Subcommands.Add(DbCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(SchemaCommand.Create());
        root.Subcommands.Add(GenerateCommand.Create());
        root.Subcommands.Add(ReportCommand.Create());
        return root;
    }

    public static Argument<FileInfo> ScenarioArgument() => new("SCENARIO") { Description = "Path of the scenario YAML file." };
}
