using Microsoft.Extensions.Options;

namespace GridActors.Api.Hosting;

/// <summary>
/// Whether the API has reached its cluster yet. The API listens from the start, so the page, /health and the reference
/// answer while it waits; what needs the cluster answers 503 with where it looks until the silo is there.
/// </summary>
public sealed class ClusterConnectionState(IOptions<ClusterOptions> options)
{
    private volatile string? problem = "the API is still connecting to its cluster";
    private volatile bool started;

    public bool Connected => problem is null;

    /// <summary>Whether the Orleans client has started: only then can the cluster be asked (<see cref="ClusterProbe"/>).</summary>
    public bool Started => started;

    /// <summary>/health's word: connected; connecting (never reached yet); or lost (reached once, not answering now).</summary>
    public string Label => Connected ? "connected" : started ? "lost" : "connecting";

    /// <summary>Why the cluster cannot be used now, as a sentence naming where the API looks; null when connected.</summary>
    public string? Problem => problem is null ? null : $"no GridActors silo answers at {Where(options.Value)} ({problem}); start one with `gridactors serve`, the API connects as soon as it is up";

    internal void Failed(string reason) => problem = reason;

    internal void Succeeded()
    {
        started = true;
        problem = null;
    }

    public static string Where(ClusterOptions cluster) => cluster.Postgres is null
        ? $"localhost:{cluster.GatewayPort} (cluster '{cluster.ClusterId}')"
        : $"the PostgreSQL cluster '{cluster.ClusterId}'";
}

/// <summary>
/// Keeps trying to reach the silo, however long it takes, so the API and `gridactors serve` may be started in
/// either order; says where it looks every few seconds, and tells <see cref="ClusterConnectionState"/>.
/// </summary>
internal sealed class ClusterConnectionRetry(IOptions<ClusterOptions> options, ClusterConnectionState state, ILogger<ClusterConnectionRetry> logger, TimeProvider time)
    : IClientConnectionRetryFilter
{
    /// <summary>Orleans' first line, without its full stop: it goes inside a sentence of ours.</summary>
    private static string Reason(Exception exception) => GridActors.Model.Loading.ErrorText.FirstLine(exception.Message).TrimEnd('.');

    private DateTimeOffset lastLogged = DateTimeOffset.MinValue;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        state.Failed(Reason(exception));
        var now = time.GetUtcNow();
        if (now - lastLogged >= TimeSpan.FromSeconds(10))
        {
            lastLogged = now;
            Log.WaitingForSilo(logger, ClusterConnectionState.Where(options.Value), Reason(exception));
        }
        await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        return !cancellationToken.IsCancellationRequested;
    }
}

/// <summary>Marks the cluster connected once the Orleans client has started (its lifecycle reached Active).</summary>
internal sealed class ClusterConnectedSignal(ClusterConnectionState state, ILogger<ClusterConnectedSignal> logger, IOptions<ClusterOptions> options)
    : ILifecycleParticipant<IClusterClientLifecycle>
{
    public void Participate(IClusterClientLifecycle lifecycle) =>
        lifecycle.Subscribe<ClusterConnectedSignal>(ServiceLifecycleStage.Active, _ =>
        {
            state.Succeeded();
            var where = ClusterConnectionState.Where(options.Value);
            Log.Connected(logger, where);
            return Task.CompletedTask;
        });
}
