using System.CommandLine;
using GridActors.Client;

namespace GridActors.Silo.Commands;

/// <summary>Which cluster a command joins or drives: the PostgreSQL that holds it, and its id.</summary>
public sealed class ClusterSettings
{
    public const string PostgresVariable = "GRIDACTORS_POSTGRES";

    private readonly Option<string?> postgres;

    public ClusterSettings(bool environmentDefault = true)
    {
        postgres = new Option<string?>("--postgres")
        {
            Description = "PostgreSQL connection string (Npgsql form, e.g. 'Host=127.0.0.1;Port=5432;Username=postgres;Database=gridactors')"
                + (environmentDefault ? $"; default: ${PostgresVariable}." : "; without it the run is on the embedded silo."),
        };
    }

    private readonly Option<string> clusterId = new("--cluster-id") { Description = "Cluster id; silos, the API and the commands that drive runs must name the same.", DefaultValueFactory = _ => ClusterDefaults.ClusterId };

    public void AddTo(Command command, bool withClusterId = true)
    {
        command.Options.Add(postgres);
        if (withClusterId)
        {
            command.Options.Add(clusterId);
        }
    }

    /// <summary>The connection string from the option or the environment; null when neither gives one.</summary>
    public string? Postgres(ParseResult parse) =>
        parse.GetValue(postgres) is { Length: > 0 } given ? given
        : Environment.GetEnvironmentVariable(PostgresVariable) is { Length: > 0 } fromEnvironment ? fromEnvironment
        : null;

    /// <summary>The connection string from the option alone: `run` stays on the embedded silo unless told otherwise.</summary>
    public string? ExplicitPostgres(ParseResult parse) => parse.GetValue(postgres) is { Length: > 0 } given ? given : null;

    public string ClusterId(ParseResult parse) => parse.GetValue(clusterId)!;
}
