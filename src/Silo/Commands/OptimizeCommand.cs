using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using GridActors.Abstractions;
using GridActors.Model.Accounting;
using GridActors.Model.LinearProgramming;
using GridActors.Model.Optimization;
using GridActors.Model.Options;
using GridActors.Model.Output;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary>
/// <c>optimize SCENARIO</c>: the central optimum, results to a folder like <c>run</c>: the whole horizon as one linear
/// program, or with <c>--window-steps</c> the rolling optimum, window by window.
/// </summary>
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
        var mps = new Option<FileInfo?>("--write-mps") { Description = "Also write the whole-horizon model in MPS format to this file, to solve it with any other solver." };
        var windowSteps = new Option<int?>("--window-steps")
        {
            Description = $"Solve the rolling optimum instead of the whole horizon: windows of this many steps, each with perfect foresight over its window and look-ahead, carrying stored energy, deferred demand and work and ramps into the next (as `run` does; {RunOptions.Default.WindowSteps} when only --lookahead-steps is given).",
        };
        var lookaheadSteps = new Option<int?>("--lookahead-steps") { Description = $"With the rolling optimum: steps planned beyond each window (default {RunOptions.Default.LookaheadSteps})." };
        var coldWindows = new Option<bool>("--cold-windows")
        {
            Description = "With the rolling optimum: solve every window from scratch, with HiGHS's presolve, instead of from the previous window's basis. The warm start takes a third of the time on the national scenarios; on LPs that presolve shrinks much (the generated scenarios) cold windows are faster.",
        };
        InRange(windowSteps, 1, RunOptionLimits.MaxWindowSteps);
        InRange(lookaheadSteps, 0, RunOptionLimits.MaxLookaheadSteps);
        var outputs = new OutputOptions();
        var command = new Command("optimize", "Solve a scenario centrally with perfect foresight (the whole horizon as one linear program, or window by window) and write its result folder.")
        {
            scenario, output, solver, mps, windowSteps, lookaheadSteps, coldWindows,
        };
        outputs.AddTo(command);
        command.Validators.Add(result =>
        {
            var rolls = result.GetValue(windowSteps) is not null || result.GetValue(lookaheadSteps) is not null;
            if (result.GetValue(mps) is not null && rolls)
            {
                result.AddError("--write-mps writes the whole-horizon model; it does not go with --window-steps or --lookahead-steps");
            }
            if (result.GetValue(coldWindows) && !rolls)
            {
                result.AddError("--cold-windows is for the rolling optimum: give --window-steps (and --lookahead-steps) too");
            }
        });
        command.SetAction((parse, cancellationToken) =>
        {
            if (outputs.Problem(parse) is { } problem)
            {
                return Task.FromResult(ErrorReport.Print(problem));
            }
            var window = parse.GetValue(windowSteps);
            var lookahead = parse.GetValue(lookaheadSteps);
            var rolling = window is null && lookahead is null ? null
                : new RollingWindows(window ?? RunOptions.Default.WindowSteps, lookahead ?? RunOptions.Default.LookaheadSteps, !parse.GetValue(coldWindows));
            return Task.FromResult(Execute(parse.GetValue(scenario)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(solver)!, parse.GetValue(mps)?.FullName, rolling,
                outputs.Format(parse), outputs.Report(parse), cancellationToken));
        });
        return command;
    }

    /// <summary>The rolling optimum's windows.</summary>
    private sealed record RollingWindows(int WindowSteps, int LookaheadSteps, bool WarmStart);

    private static int Execute(string path, string? outputDirectory, string solverName, string? mpsPath, RollingWindows? rolling, ResultFormat format, bool report, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var (resolved, output, exitCode) = CommandInput.Prepare(path, outputDirectory, OptionNames.Mode.Name(RunMode.Optimal));
        if (resolved is null)
        {
            return exitCode;
        }
        outputDirectory = output;
        if (mpsPath is not null && OutputPaths.FileProblem(mpsPath) is { } mpsProblem)
        {
            return ErrorReport.Print($"--write-mps: {mpsProblem}");
        }
        if (rolling is null && OptimumMemory.WholeHorizonProblem(resolved) is { } tooBig)
        {
            return ErrorReport.Print(tooBig);
        }
        var solver = LpSolvers.Parse(solverName);
        try
        {
            (SummaryAccumulator Summary, RunInfo Info) outcome;
            if (rolling is null)
            {
                AnsiConsole.MarkupLine($"[grey]building the whole horizon as one linear program ({resolved.Assets.Length:N0} assets × {resolved.Steps:N0} steps)[/]");
                var (summary, info, dispatch) = Modes.Optimal(resolved, solver, mpsPath, outputDirectory, format, SolveProgress);
                AnsiConsole.MarkupLine($"[grey]{dispatch.Variables:N0} variables, {dispatch.Constraints:N0} constraints; built in {dispatch.BuildSeconds:N2} s, solved by {dispatch.Solver} in {dispatch.SolveSeconds:N2} s[/]");
                if (mpsPath is not null)
                {
                    AnsiConsole.MarkupLine($"model written to [blue]{Markup.Escape(mpsPath)}[/]");
                }
                outcome = (summary, info);
            }
            else
            {
                var progress = new RollingProgress();
                outcome = Modes.Rolling(resolved, solver, rolling.WindowSteps, rolling.LookaheadSteps, outputDirectory, progress.Window, format, rolling.WarmStart, cancellationToken);
                progress.Finish();
            }
            SummaryTables.Print(resolved, outcome.Summary, outcome.Info, outputDirectory, watch.Elapsed.TotalSeconds);
            return report ? ReportCommand.Write(outputDirectory) : 0;
        }
        catch (DispatchInfeasibleException infeasible)
        {
            return ErrorReport.Infeasible(path, infeasible);
        }
    }

    /// <summary>Where HiGHS is in a whole-horizon solve, every few seconds once presolve is done: the simplex's iterations.</summary>
    private static void SolveProgress(LpProgress progress) => Console.WriteLine(progress.Iterations == 0
        ? string.Create(CultureInfo.InvariantCulture, $"HiGHS: presolved, dual simplex starting, {progress.Seconds:F0} s")
        : string.Create(CultureInfo.InvariantCulture, $"HiGHS: dual simplex, {progress.Iterations:N0} iterations, {progress.Seconds:F0} s"));

    /// <summary>A line per window of the rolling optimum, at most every two seconds (and always the last).</summary>
    private sealed class RollingProgress
    {
        private readonly Stopwatch watch = Stopwatch.StartNew();
        private TimeSpan? lastLine;
        private double solveSeconds;
        private int warm;

        public void Window(RollingWindow w)
        {
            solveSeconds += w.SolveSeconds;
            warm += w.Warm ? 1 : 0;
            if (lastLine is { } last && watch.Elapsed - last < TimeSpan.FromSeconds(2) && w.Index + 1 < w.Windows)
            {
                return;
            }
            lastLine = watch.Elapsed;
            var steps = w.Report.FirstStep + w.Report.Steps;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"window {w.Index + 1:N0} of {w.Windows:N0} (to step {steps:N0}): {w.Variables:N0} variables, {w.Constraints:N0} constraints, solved in {w.SolveSeconds:F2} s ({w.Iterations:N0} iterations{(w.Warm ? ", from the previous window's basis" : "")}); {watch.Elapsed.TotalSeconds:F1} s so far"));
        }

        public void Finish() => Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"rolling optimum: {solveSeconds:F1} s solving in {watch.Elapsed.TotalSeconds:F1} s; {warm:N0} windows started from the previous window's basis"));
    }

    private static void InRange(Option<int?> option, int low, int high) => option.Validators.Add(result =>
    {
        if (result.GetValueOrDefault<int?>() is { } value && (value < low || value > high))
        {
            result.AddError($"{option.Name} must be from {low} to {high:N0}, not {value}");
        }
    });
}
