namespace GridActors.Api.Hosting;

/// <summary>The API's log lines, compiled once (LoggerMessage).</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key configured ({Variable} or Api:Key); this session's key is in {File}, readable only by this user")]
    public static partial void GeneratedKey(ILogger logger, string variable, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for a GridActors silo at localhost:{Port} (cluster '{Cluster}'): {Reason}")]
    public static partial void WaitingForSilo(ILogger logger, int port, string cluster, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "No GridActors silo answered at localhost:{Port} (cluster '{Cluster}') within {Timeout}; start one with `gridactors serve`")]
    public static partial void NoSilo(ILogger logger, int port, string cluster, TimeSpan timeout);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {Run} failed")]
    public static partial void RunFailed(ILogger logger, Exception exception, string run);
}
