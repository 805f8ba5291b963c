using System.Text;
using GridActors.Api.Hosting;
using GridActors.Api.Runs;

namespace GridActors.Api.Endpoints;

/// <summary>
/// <c>GET /api/runs/{id}/events</c>: the run's feed as server-sent events, from the start (or after Last-Event-ID)
/// to its end event. Each client reads at its own speed; the run never waits for one.
/// </summary>
public static class EventsEndpoints
{
    /// <summary>A comment line this often keeps proxies from closing a quiet stream (a paused run).</summary>
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/api/runs/{id}/events", StreamAsync)
            .WithTags("Runs")
            .WithName("StreamRunEvents")
            .WithSummary("Server-sent events: status, one 'window' event per batch of cleared steps with every region's snapshot, and 'end'")
            .WithDescription("Resume with the Last-Event-ID header or ?after=N. With reads protected, EventSource clients may pass ?api_key=.")
            .Produces(StatusCodes.Status200OK, contentType: "text/event-stream")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .RequireAuthorization(Hosting.ApiAccess.Read);
        return endpoints;
    }

    private static async Task StreamAsync(string id, long? after, HttpContext context, RunRegistry registry)
    {
        if (registry.Find(id) is not { } run)
        {
            await ApiProblems.UnknownRun(id).ExecuteAsync(context);
            return;
        }
        var position = after ?? (long.TryParse(context.Request.Headers["Last-Event-ID"], out var last) ? last : 0);
        var response = context.Response;
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        var aborted = context.RequestAborted;
        await response.WriteAsync("retry: 2000\n\n", aborted);
        await response.Body.FlushAsync(aborted);
        var text = new StringBuilder();
        try
        {
            while (true)
            {
                var read = run.Feed.ReadAsync(position, aborted);
                if (await Task.WhenAny(read, Task.Delay(KeepAlive, aborted)) != read)
                {
                    await response.WriteAsync(": keep-alive\n\n", aborted);
                    await response.Body.FlushAsync(aborted);
                    continue;
                }
                var events = await read;
                if (events.Count == 0)
                {
                    return;
                }
                foreach (var e in events)
                {
                    text.Clear().Append("id: ").Append(e.Sequence).Append("\nevent: ").Append(e.Type).Append("\ndata: ").Append(e.Json).Append("\n\n");
                    await response.WriteAsync(text.ToString(), aborted);
                    position = e.Sequence;
                }
                await response.Body.FlushAsync(aborted);
            }
        }
        catch (OperationCanceledException) when (aborted.IsCancellationRequested)
        {
            // The client went away; nothing to clean up, the feed does not know its readers.
        }
    }
}
