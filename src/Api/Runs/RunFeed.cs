namespace GridActors.Api.Runs;

/// <summary>One server-sent event of a run: its sequence number (the SSE id), its type and its JSON, serialized once for every client.</summary>
public sealed record FeedEvent(long Sequence, string Type, string Json);

/// <summary>
/// A run's events, kept in order. The run only appends and never waits; each client reads from its own
/// position at its own speed, so a slow or vanished client cannot slow the run down, and a client that
/// reconnects with Last-Event-ID continues where it stopped.
/// </summary>
public sealed class RunFeed
{
    private readonly Lock gate = new();
    private readonly List<FeedEvent> events = [];
    private TaskCompletionSource appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool ended;

    public long Count
    {
        get
        {
            lock (gate)
            {
                return events.Count;
            }
        }
    }

    /// <summary>Adds an event; false when the feed has already ended.</summary>
    public bool Append(string type, string json) => Add(type, json, end: false);

    /// <summary>The last event: readers finish once they have read it.</summary>
    public bool End(string type, string json) => Add(type, json, end: true);

    private bool Add(string type, string json, bool end)
    {
        TaskCompletionSource wake;
        lock (gate)
        {
            if (ended)
            {
                return false;
            }
            events.Add(new FeedEvent(events.Count + 1, type, json));
            ended = end;
            wake = appended;
            appended = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
        wake.TrySetResult();
        return true;
    }

    /// <summary>The events after sequence number <paramref name="after"/>, waiting for one if there is none yet; empty once the feed has ended.</summary>
    public async Task<IReadOnlyList<FeedEvent>> ReadAsync(long after, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task wait;
            lock (gate)
            {
                var start = (int)Math.Clamp(after, 0, events.Count);
                if (start < events.Count)
                {
                    return events.GetRange(start, events.Count - start);
                }
                if (ended)
                {
                    return [];
                }
                wait = appended.Task;
            }
            await wait.WaitAsync(cancellationToken);
        }
    }
}
