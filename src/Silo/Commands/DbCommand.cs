using System.CommandLine;
using GridActors.Silo.Hosting;
using Npgsql;

namespace GridActors.Silo.Commands;

/// <summary><c>db init</c>: creates or upgrades the PostgreSQL schema the cluster needs; running it again changes nothing.</summary>
public static class DbCommand
{
    public static Command Create()
    {
        var settings = new ClusterSettings();
        var connection = new Option<string?>("--connection") { Description = "Same as --postgres." };
        var init = new Command("init", "Apply the schema of deploy/sql (membership, grain state, the Orleans queries) to a PostgreSQL database; idempotent.");
        settings.AddTo(init, withClusterId: false);
        init.Options.Add(connection);
        init.SetAction((parse, cancellationToken) => InitAsync(parse.GetValue(connection) ?? settings.Postgres(parse), cancellationToken));
        return new Command("db", "Manage the PostgreSQL database of a cluster.") { init };
    }

    private static async Task<int> InitAsync(string? postgres, CancellationToken cancellationToken)
    {
        if (postgres is null)
        {
            return ErrorReport.Print($"give the database with --postgres or ${ClusterSettings.PostgresVariable}");
        }
        try
        {
            var applied = await DatabaseSchema.ApplyAsync(postgres, cancellationToken);
            var latest = DatabaseSchema.Scripts().Max(s => s.Version);
            Console.WriteLine(applied.Count == 0
                ? $"{DatabaseSchema.Describe(postgres)}: schema is up to date (version {latest})."
                : $"{DatabaseSchema.Describe(postgres)}: applied {string.Join(", ", applied)}; schema version {latest}.");
            return 0;
        }
        catch (Exception e) when (e is NpgsqlException or ArgumentException or InvalidOperationException)
        {
            return ErrorReport.Print($"cannot initialise PostgreSQL at {DatabaseSchema.Describe(postgres)}: {e.Message}");
        }
    }
}
