using System.CommandLine;
using GridActors.Abstractions;
using GridActors.Client;
using GridActors.Model.Output;
using GridActors.Silo.Hosting;
using Spectre.Console;

namespace GridActors.Silo.Commands;

/// <summary><c>runs list</c> and <c>resume RUN_ID</c>: the runs stored in a PostgreSQL cluster, and going on with one after a full stop.</summary>
public static class RunsCommand
{
    public static Command CreateRuns()
    {
        var cluster = new ClusterSettings();
        var list = new Command("list", "List the runs stored in the cluster's database, with how far each came.");
        cluster.AddTo(list);
        list.SetAction((parse, cancellationToken) => Reported(() => ListAsync(Target(cluster, parse), cancellationToken)));
        return new Command("runs", "Runs stored in a PostgreSQL cluster.") { list };
    }

    public static Command CreateResume()
    {
        var runId = new Argument<string>("RUN_ID") { Description = "The id `runs list` shows." };
        var output = new Option<DirectoryInfo?>("--out") { Description = "Result folder (default: out/<name>-negotiated-<UTC time>). Must not exist or be empty." };
        var cluster = new ClusterSettings();
        var command = new Command("resume", "Go on with a stored run from its last checkpoint (after the cluster or the driving process stopped) and write its whole result folder.") { runId, output };
        cluster.AddTo(command);
        command.SetAction((parse, cancellationToken) => Reported(() => ResumeAsync(parse.GetValue(runId)!, parse.GetValue(output)?.FullName, Target(cluster, parse), cancellationToken)));
        return command;
    }

    /// <summary>A cluster that cannot be reached, or that fails the run, is a sentence, not a stack trace.</summary>
    private static async Task<int> Reported(Func<Task<int>> command)
    {
        try
        {
            return await command();
        }
        catch (Exception e) when (e is ClusterUnavailableException or ClusterGoneException)
        {
            return ErrorReport.Print(e.Message);
        }
        catch (Exception e) when (e is OrleansException or StorageUnavailableException or Npgsql.NpgsqlException)
        {
            return ErrorReport.Print($"{e.Message.Split('\n')[0]}; the run keeps its last checkpoint, `gridactors resume` goes on from it");
        }
    }

    private static ClusterTarget? Target(ClusterSettings cluster, ParseResult parse) =>
        cluster.Postgres(parse) is { } postgres ? new ClusterTarget(postgres, cluster.ClusterId(parse)) : null;

    private static async Task<int> ListAsync(ClusterTarget? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            return ErrorReport.Print($"runs are stored only in a cluster on PostgreSQL: give --postgres or ${ClusterSettings.PostgresVariable}");
        }
        using var host = await GridClient.StartAsync(target.Postgres, target.ClusterId, cancellationToken);
        var grains = GridClient.Client(host);
        var ids = await grains.GetGrain<IRunCatalogGrain>("runs").ListAsync();
        var table = new Table().AddColumns("run", "scenario", "created (UTC)", "steps done", "windows");
        foreach (var id in ids)
        {
            if (await grains.GetGrain<IRunGrain>(id).StatusAsync() is { } run)
            {
                table.AddRow(Markup.Escape(run.RunId), Markup.Escape(run.Scenario), run.CreatedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture),
                    $"{run.StepsDone}/{run.Steps}{(run.StepsDone == run.Steps ? " (done)" : "")}", run.Windows.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        AnsiConsole.Write(table);
        await host.StopAsync(CancellationToken.None);
        return 0;
    }

    private static async Task<int> ResumeAsync(string runId, string? outputDirectory, ClusterTarget? target, CancellationToken cancellationToken)
    {
        if (target is null)
        {
            return ErrorReport.Print($"runs are stored only in a cluster on PostgreSQL: give --postgres or ${ClusterSettings.PostgresVariable}");
        }
        RunDefinition? definition;
        using (var host = await GridClient.StartAsync(target.Postgres, target.ClusterId, cancellationToken))
        {
            definition = await GridClient.Client(host).GetGrain<IRunGrain>(runId).DefinitionAsync();
            await host.StopAsync(CancellationToken.None);
        }
        if (definition?.Scenario is not { } scenario || definition.Options is not { } options)
        {
            return ErrorReport.Print($"no run '{runId}' is stored in cluster '{target.ClusterId}' at {DatabaseSchema.Describe(target.Postgres)}; `gridactors runs list` shows those that are");
        }
        outputDirectory ??= Path.Combine("out", $"{scenario.Name}-negotiated-{DateTime.UtcNow:yyyyMMdd'T'HHmmss'Z'}");
        if (OutputPaths.FolderProblem(outputDirectory) is { } problem)
        {
            return ErrorReport.Print(problem);
        }
        var (summary, info) = await Modes.NegotiatedAsync(scenario, options, outputDirectory, null, cancellationToken, target, runId);
        SummaryTables.Print(scenario, summary, info, outputDirectory, info.WallSeconds);
        return 0;
    }
}
