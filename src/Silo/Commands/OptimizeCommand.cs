using System.CommandLine;
using System.Diagnostics;
using GridActors.Model.Optimization;
using GridActors.Model.Results;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary><c>optimize SCENARIO</c>: the whole horizon as one linear program, results to a folder like <c>run</c>.</summary>
public static class OptimizeCommand
{
    public static Option<string> SolverOption() => new("--solver")
    {
        Description = "LP solver: highs (default, through its own C API: one solve gives the dispatch and the prices), or glop, clp or pdlp through OR-Tools for comparison (pdlp is a first-order method: for very large models, less exact).",
        DefaultValueFactory = _ => "highs",
    };

    public static Command Create()
    {
        var scenario = CommandLine.ScenarioArgument();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Result folder (default: out/<name>-optimal-<UTC time>). Must not exist or be empty." };
        var solver = SolverOption();
        solver.AcceptOnlyFromAmong([.. LpSolvers.Names]);
        var mps = new Option<FileInfo?>("--write-mps") { Description = "Also write the model in MPS format to this file, to solve it with any other solver." };
        var outputs = new OutputOptions();
        var command = new Command("optimize", "Solve a scenario's whole horizon as one linear program (perfect foresight) and write its result folder.") { scenario, output, solver, mps };
        outputs.AddTo(command);
        command.SetAction(parse => outputs.Problem(parse) is { } problem
            ? ErrorReport.Print(problem)
            : Execute(parse.GetValue(scenario)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(solver)!, parse.GetValue(mps)?.FullName, outputs.Format(parse), outputs.Report(parse)));
        return command;
    }

    private static int Execute(string path, string? outputDirectory, string solverName, string? mpsPath, ResultFormat format, bool report)
    {
        var watch = Stopwatch.StartNew();
        var (resolved, output, exitCode) = CommandInput.Prepare(path, outputDirectory, "optimal");
        if (resolved is null)
        {
            return exitCode;
        }
        outputDirectory = output;
        if (mpsPath is not null && OutputPaths.FileProblem(mpsPath) is { } mpsProblem)
        {
            return ErrorReport.Print($"--write-mps: {mpsProblem}");
        }
        var solver = LpSolvers.Parse(solverName);
        try
        {
            var (summary, info, dispatch) = Modes.Optimal(resolved, solver, mpsPath, outputDirectory, format);
            AnsiConsole.MarkupLine($"[grey]{dispatch.Variables:N0} variables, {dispatch.Constraints:N0} constraints; built in {dispatch.BuildSeconds:N2} s, solved by {dispatch.Solver} in {dispatch.SolveSeconds:N2} s[/]");
            if (mpsPath is not null)
            {
                AnsiConsole.MarkupLine($"model written to [blue]{Markup.Escape(mpsPath)}[/]");
            }
            SummaryTables.Print(resolved, summary, info, outputDirectory, watch.Elapsed.TotalSeconds);
            return report ? ReportCommand.Write(outputDirectory) : 0;
        }
        catch (DispatchInfeasibleException infeasible)
        {
            return ErrorReport.Infeasible(path, infeasible);
        }
    }
}
