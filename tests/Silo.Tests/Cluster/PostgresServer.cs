using System.Diagnostics;
using GridActors.Silo.Hosting;
using GridActors.Testing;
using Npgsql;

namespace GridActors.Silo.Tests.Cluster;

/// <summary>
/// A real PostgreSQL for the cluster tests: the one <c>GRIDACTORS_POSTGRES</c> names (scripts/test.sh starts one),
/// else a throwaway one started here by scripts/postgres.sh. Each test class gets a database of its own.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private string? ownedDirectory;

    public string ServerConnection { get; private set; } = "";

    public string? Directory => ownedDirectory ?? Environment.GetEnvironmentVariable("GRIDACTORS_POSTGRES_DIR");

    public async Task InitializeAsync()
    {
        if (Environment.GetEnvironmentVariable("GRIDACTORS_POSTGRES") is { Length: > 0 } given)
        {
            ServerConnection = given;
            return;
        }
        var output = await Script("start");
        ServerConnection = Value(output, "GRIDACTORS_POSTGRES");
        ownedDirectory = Value(output, "GRIDACTORS_POSTGRES_DIR");
    }

    public async Task DisposeAsync()
    {
        if (ownedDirectory is not null)
        {
            await Script("stop", ownedDirectory);
        }
    }

    /// <summary>A fresh database on the server with the schema applied; its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        // The outage test kills the server's connections; pooled ones would fail the next test.
        NpgsqlConnection.ClearAllPools();
        var name = $"t{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(ServerConnection))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }
        var database = new NpgsqlConnectionStringBuilder(ServerConnection) { Database = name }.ConnectionString;
        await DatabaseSchema.ApplyAsync(database, CancellationToken.None);
        return database;
    }

    /// <summary>Stops the server (fast shutdown) or starts it again: the outage test.</summary>
    public Task PauseAsync() => Script("pause", Directory ?? throw new InvalidOperationException("no server folder to pause"));

    public Task ResumeAsync() => Script("resume", Directory ?? throw new InvalidOperationException("no server folder to resume"));

    private static async Task<string> Script(params string[] args)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(RepositoryRoot.Path("scripts/postgres.sh"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"scripts/postgres.sh {string.Join(' ', args)} failed: {await error}");
        }
        return await output;
    }

    private static string Value(string output, string name) =>
        output.Split('\n').Select(l => l.Trim()).First(l => l.StartsWith($"export {name}=", StringComparison.Ordinal))[$"export {name}=".Length..].Trim('\'');
}

[CollectionDefinition(Name)]
public sealed class SharedPostgres : ICollectionFixture<PostgresServer>
{
    public const string Name = "postgres";
}
