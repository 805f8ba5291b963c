namespace GridActors.Api.Hosting;

/// <summary>The API's log lines, compiled once (LoggerMessage).</summary>
internal static partial class Log
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "No API key configured ({Variable} or Api:Key); this session's key is in {File}, readable only by this user")]
    public static partial void GeneratedKey(ILogger logger, string variable, string file);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for a GridActors silo at {Where} ({Reason}); start one with `gridactors serve`. Meanwhile runs are refused with 503")]
    public static partial void WaitingForSilo(ILogger logger, string where, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Connected to the GridActors silo at {Where}")]
    public static partial void Connected(ILogger logger, string where);

    [LoggerMessage(Level = LogLevel.Information, Message = "Results of live runs are written under {Directory}")]
    public static partial void ResultsDirectory(ILogger logger, string directory);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Run {Run} completed, but its report.html could not be written")]
    public static partial void ReportFailed(ILogger logger, Exception exception, string run);

    [LoggerMessage(Level = LogLevel.Error, Message = "Run {Run} failed")]
    public static partial void RunFailed(ILogger logger, Exception exception, string run);
}
