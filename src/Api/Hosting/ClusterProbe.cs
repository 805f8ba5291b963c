namespace GridActors.Api.Hosting;

/// <summary>
/// Asks the cluster whether it answers, for /health and before a run starts. The Orleans client says when it first
/// connects but not when its only silo dies (a killed silo left /health at "connected" and a start at 201, failing
/// later with Orleans' own text); one small call to the management grain tells, and brings the state back when the
/// silo returns.
/// </summary>
public sealed class ClusterProbe(IClusterClient client, ClusterConnectionState state)
{
    /// <summary>A live silo answers in milliseconds; a dead gateway either fails at once or not at all.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(3);

    /// <summary>Why the cluster cannot take a run now, as a sentence; null when a silo answered.</summary>
    public async Task<string?> ProblemAsync()
    {
        if (!state.Started)
        {
            return state.Problem;
        }
        try
        {
            await client.GetGrain<IManagementGrain>(0).GetHosts(onlyActive: true).WaitAsync(Patience);
            state.Succeeded();
            return null;
        }
        catch (Exception e) when (e is TimeoutException or OrleansException or System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException)
        {
            state.Failed(e is TimeoutException ? $"no answer within {Patience.TotalSeconds:0} s" : GridActors.Model.Loading.ErrorText.FirstLine(e.Message).TrimEnd('.'));
            return state.Problem;
        }
    }
}
