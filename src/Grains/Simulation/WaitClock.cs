using System.Diagnostics;

namespace GridActors.Grains.Simulation;

/// <summary>
/// How long a grain spends waiting on other grains during one piece of work, so that its own share (the rest) can be
/// reported: the run grain's share of a window is the measure of how well the work is spread over the cluster. Calls
/// waited on together (the regions and the workload brokers answering the same prices) count once: the clock counts
/// the time while any is outstanding. A grain runs one turn at a time, so the count needs no lock.
/// </summary>
internal sealed class WaitClock
{
    private readonly Stopwatch total = Stopwatch.StartNew();
    private int outstanding;
    private TimeSpan waitingSince;

    public TimeSpan Waited { get; private set; }

    /// <summary>The time since the clock started, less the time spent waiting.</summary>
    public TimeSpan Own => total.Elapsed - Waited;

    public async Task<T> On<T>(Task<T> call)
    {
        Begin();
        try
        {
            return await call;
        }
        finally
        {
            End();
        }
    }

    public async Task On(Task call)
    {
        Begin();
        try
        {
            await call;
        }
        finally
        {
            End();
        }
    }

    private void Begin()
    {
        if (outstanding++ == 0)
        {
            waitingSince = total.Elapsed;
        }
    }

    private void End()
    {
        if (--outstanding == 0)
        {
            Waited += total.Elapsed - waitingSince;
        }
    }
}
