using System.CommandLine;
using System.Diagnostics;
using GridActors.Abstractions;
using GridActors.Client;
using GridActors.Model.Accounting;
using GridActors.Model.Optimization;
using GridActors.Model.Options;
using GridActors.Model.Output;
using GridActors.Silo.Hosting;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary><c>run SCENARIO</c>: negotiated dispatch on the embedded silo, results to a folder, a summary on screen.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var scenario = CommandLine.ScenarioArgument();
        var output = new Option<DirectoryInfo?>("--out") { Description = "Result folder (default: out/<name>-negotiated-<UTC time>). Must not exist or be empty." };
        var settings = new NegotiationSettings();
        var cluster = new ClusterSettings(environmentDefault: false);
        var outputs = new OutputOptions();
        var command = new Command("run", "Run a scenario as negotiating grains and write its result folder: on the embedded silo, or with --postgres on the silos of that cluster (checkpointed there).") { scenario, output };
        outputs.AddTo(command);
        settings.AddTo(command);
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => outputs.Problem(parse) is { } problem
            ? Task.FromResult(ErrorReport.Print(problem))
            : ExecuteAsync(parse.GetValue(scenario)!.FullName, parse.GetValue(output)?.FullName, settings.Read(parse),
                cluster.ExplicitPostgres(parse) is { } postgres ? new ClusterTarget(postgres, cluster.ClusterId(parse)) : null, outputs.Format(parse), outputs.Report(parse), cancellationToken));
        return command;
    }

    private static async Task<int> ExecuteAsync(string path, string? outputDirectory, RunOptions options, ClusterTarget? target, ResultFormat format, bool report, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var (resolved, output, exitCode) = CommandInput.Prepare(path, outputDirectory, OptionNames.Mode.Name(RunMode.Negotiated));
        if (resolved is null)
        {
            return exitCode;
        }
        outputDirectory = output;
        // On a cluster each window's report crosses processes as one message: refuse before starting what could not finish.
        if (target is not null && RunOptionLimits.ReportTooLarge(resolved, options.WindowSteps) is { } tooLarge)
        {
            return ErrorReport.Print($"--window-steps: {tooLarge}");
        }

        (SummaryAccumulator Summary, RunInfo Info)? outcome = null;
        try
        {
            var title = $"{resolved.Name} ({Numbers.Count(resolved.Assets.Length, "asset")}, {Numbers.Count(resolved.Steps, "step")})";
            if (Console.IsOutputRedirected)
            {
                // No terminal (a log, CI, a pipe): whole lines at a steady rate instead of a bar redrawn in place.
                var lines = new ProgressLines(title, resolved.Steps, TimeSpan.FromSeconds(5));
                outcome = await Modes.NegotiatedAsync(resolved, options, outputDirectory, window => lines.Advance(window.Steps), cancellationToken, target, format: format);
                lines.Finish();
            }
            else
            {
                await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask(Markup.Escape(title), maxValue: resolved.Steps);
                        outcome = await Modes.NegotiatedAsync(resolved, options, outputDirectory, window => task.Increment(window.Steps), cancellationToken, target, format: format);
                    });
            }
        }
        catch (DispatchInfeasibleException infeasible)
        {
            return ErrorReport.Infeasible(path, infeasible);
        }
        catch (ClusterUnavailableException e)
        {
            return ErrorReport.Print(e.Message);
        }
        catch (ClusterGoneException e)
        {
            return ErrorReport.Print(e.Message);
        }
        catch (Exception e) when (target is not null && e is OrleansException or StorageUnavailableException or Npgsql.NpgsqlException)
        {
            return ErrorReport.Print($"the run on cluster '{target.ClusterId}' at {DatabaseSchema.Describe(target.Postgres)} stopped: {e.Message}; `gridactors resume` goes on from its last checkpoint");
        }
        SummaryTables.Print(resolved, outcome!.Value.Summary, outcome.Value.Info, outputDirectory, watch.Elapsed.TotalSeconds);
        return report ? ReportCommand.Write(outputDirectory) : 0;
    }
}
