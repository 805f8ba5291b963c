using Microsoft.Extensions.Options;

namespace GridActors.Api.Hosting;

/// <summary>
/// Keeps trying to reach the silo for <see cref="ClusterOptions.ConnectTimeout"/>, so the API and `gridactors serve`
/// may be started in either order; then gives up with a sentence that says where it looked.
/// </summary>
internal sealed class ClusterConnectionRetry(IOptions<ClusterOptions> options, ILogger<ClusterConnectionRetry> logger, TimeProvider time) : IClientConnectionRetryFilter
{
    private DateTimeOffset? firstFailure;

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        firstFailure ??= now;
        if (now - firstFailure > options.Value.ConnectTimeout)
        {
            Log.NoSilo(logger, options.Value.GatewayPort, options.Value.ClusterId, options.Value.ConnectTimeout);
            return false;
        }
        Log.WaitingForSilo(logger, options.Value.GatewayPort, options.Value.ClusterId, exception.Message);
        await Task.Delay(TimeSpan.FromSeconds(1), time, cancellationToken);
        return true;
    }
}
