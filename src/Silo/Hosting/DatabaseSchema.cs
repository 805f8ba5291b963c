using System.Reflection;
using Npgsql;

namespace GridActors.Silo.Hosting;

/// <summary>
/// The PostgreSQL schema of deploy/sql, versioned by file number (001, 002, ...) and applied in order,
/// each version once, recorded in GridActorsSchema, all in one transaction under an advisory lock so
/// that silos started together cannot apply it twice.
/// </summary>
public static class DatabaseSchema
{
    /// <summary>One numbered script of deploy/sql.</summary>
    public sealed record Script(int Version, string Name, string Sql);

    public static IReadOnlyList<Script> Scripts()
    {
        var assembly = typeof(DatabaseSchema).Assembly;
        return [.. assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith("sql/", StringComparison.Ordinal))
            .Select(n => (Name: n["sql/".Length..], Resource: n))
            .Select(r => new Script(int.Parse(r.Name[..3], System.Globalization.CultureInfo.InvariantCulture), r.Name, Read(assembly, r.Resource)))
            .OrderBy(s => s.Version)];
    }

    /// <summary>Applies the versions the database does not have yet; returns their names (none when it is up to date).</summary>
    public static async Task<IReadOnlyList<string>> ApplyAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(727370001)", cancellationToken);
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS GridActorsSchema
            (
                Version   integer      NOT NULL PRIMARY KEY,
                Name      varchar(200) NOT NULL,
                AppliedAt timestamptz  NOT NULL DEFAULT now()
            )
            """, cancellationToken);
        var applied = new HashSet<int>();
        await using (var read = new NpgsqlCommand("SELECT Version FROM GridActorsSchema", connection))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetInt32(0));
            }
        }
        var done = new List<string>();
        foreach (var script in Scripts().Where(s => !applied.Contains(s.Version)))
        {
            await ExecuteAsync(connection, script.Sql, cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO GridActorsSchema (Version, Name) VALUES (@version, @name)", connection);
            record.Parameters.AddWithValue("version", script.Version);
            record.Parameters.AddWithValue("name", script.Name);
            await record.ExecuteNonQueryAsync(cancellationToken);
            done.Add(script.Name);
        }
        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    /// <summary>The connection string without its password, for messages.</summary>
    public static string Describe(string connectionString)
    {
        try
        {
            var parts = new NpgsqlConnectionStringBuilder(connectionString);
            return $"{parts.Host}:{parts.Port}/{parts.Database}";
        }
        catch (ArgumentException)
        {
            return "(a connection string that does not parse)";
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
