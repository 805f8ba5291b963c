using GridActors.Abstractions;
using Microsoft.Extensions.Logging;
using Orleans.Storage;

namespace GridActors.Grains.Simulation;

/// <summary>
/// Checkpoint writes that ride out a brief storage outage: retried with growing pauses (the run waits
/// meanwhile, nothing is lost), and given up with a clear error when storage stays away too long.
/// </summary>
public static partial class Durably
{
    /// <summary>How long a write keeps trying before the run fails.</summary>
    public static TimeSpan Patience { get; set; } = TimeSpan.FromSeconds(90);

    public static async Task WriteAsync(Func<Task> write, string what, ILogger logger)
    {
        var started = DateTime.UtcNow;
        var pause = TimeSpan.FromMilliseconds(250);
        while (true)
        {
            try
            {
                await write();
                return;
            }
            catch (Exception e) when (e is not InconsistentStateException && DateTime.UtcNow - started < Patience)
            {
                LogRetry(logger, what, pause.TotalSeconds, e.Message);
                await Task.Delay(pause);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, TimeSpan.FromSeconds(5).Ticks));
            }
            catch (Exception e) when (e is not InconsistentStateException)
            {
                throw new StorageUnavailableException($"could not store {what}: storage did not answer for {Patience.TotalSeconds:0} s ({e.Message})", e);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Storing {What} failed; the run waits {Seconds} s and tries again: {Reason}")]
    private static partial void LogRetry(ILogger logger, string what, double seconds, string reason);
}
