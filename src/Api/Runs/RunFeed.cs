namespace GridActors.Api.Runs;

/// <summary>One server-sent event of a run: its sequence number (the SSE id), its type and its JSON, serialized once for every client.</summary>
public sealed record FeedEvent(long Sequence, string Type, string Json);

/// <summary>
/// A run's events, kept in order. The run only appends and never waits; each client reads from its own
/// position at its own speed, so a slow or vanished client cannot slow the run down, and a client that
/// reconnects with Last-Event-ID continues where it stopped. What is kept is bounded (<paramref name="maxBytes"/>
/// of JSON): beyond it the oldest events go, so a client that starts or comes back later than they reach
/// gets the feed from its oldest kept event (the whole run is in its result files).
/// </summary>
public sealed class RunFeed(long maxBytes = RunFeed.DefaultMaxBytes)
{
    /// <summary>About 40 days of hourly steps of 31 regions; a 100,000-step run kept 81 MB before this bound.</summary>
    public const long DefaultMaxBytes = 8L << 20;

    private readonly Lock gate = new();
    private readonly Queue<FeedEvent> events = [];
    private TaskCompletionSource appended = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private bool ended;
    private long count;
    private long keptBytes;

    /// <summary>Events appended so far, including those no longer kept.</summary>
    public long Count
    {
        get
        {
            lock (gate)
            {
                return count;
            }
        }
    }

    /// <summary>Bytes of JSON the feed holds now.</summary>
    public long KeptBytes
    {
        get
        {
            lock (gate)
            {
                return keptBytes;
            }
        }
    }

    private static long Bytes(string json) => (long)json.Length * sizeof(char);

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
            count++;
            events.Enqueue(new FeedEvent(count, type, json));
            keptBytes += Bytes(json);
            // The newest event always stays, whatever its size: the end event carries the run's summary.
            while (keptBytes > maxBytes && events.Count > 1)
            {
                keptBytes -= Bytes(events.Dequeue().Json);
            }
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
                if (after < count)
                {
                    // Sequence numbers are consecutive, so the kept events after 'after' are a tail of the queue.
                    var first = count - events.Count + 1;
                    return [.. events.Skip((int)Math.Max(0, after + 1 - first))];
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
