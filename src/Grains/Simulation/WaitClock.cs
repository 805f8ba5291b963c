using System.Diagnostics;

namespace GridActors.Grains.Simulation;

/// <summary>
/// How long a grain spends waiting on other grains during one piece of work, so that its own share (the rest) can be
/// reported: the run grain's share of a window is the measure of how well the work is spread over the cluster.
/// </summary>
internal sealed class WaitClock
{
    private readonly Stopwatch total = Stopwatch.StartNew();

    public TimeSpan Waited { get; private set; }

    /// <summary>The time since the clock started, less the time spent waiting.</summary>
    public TimeSpan Own => total.Elapsed - Waited;

    public async Task<T> On<T>(Task<T> call)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            return await call;
        }
        finally
        {
            Waited += watch.Elapsed;
        }
    }

    public async Task On(Task call)
    {
        var watch = Stopwatch.StartNew();
        try
        {
            await call;
        }
        finally
        {
            Waited += watch.Elapsed;
        }
    }
}
